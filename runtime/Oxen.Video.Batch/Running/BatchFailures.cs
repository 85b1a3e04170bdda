using System.Net;

namespace Oxen.Video.Batch;

/// <summary>Which failures a retry may cure. One place, so the run and <c>--retry-failed</c> agree.</summary>
public static class BatchFailures
{
    // A retry of these fails the same way (and a refusal for credits or quota must not be hammered).
    private static readonly string[] Permanent =
    [
        "insufficient credit", "credits", "quota", "invalid param", "invalid_params", "validation", "not found",
        "unauthenticated", "unauthorized", "forbidden", "not allowed", "content policy", "moderation", "safety",
    ];

    /// <summary>Whether a generation that failed with <paramref name="message"/> may succeed when sent again.</summary>
    public static bool MayRetry(string? message) =>
        message is null || !Permanent.Any(p => message.Contains(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether an enqueue the hub refused with <paramref name="status"/> may succeed when sent again.</summary>
    public static bool MayRetry(HttpStatusCode status, string? message) =>
        (int)status is 408 or 409 or 425 or >= 500 && MayRetry(message);
}
