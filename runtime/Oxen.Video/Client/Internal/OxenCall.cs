namespace Oxen.Video;

/// <summary>Everything needed to (re)build one HTTP request; each attempt gets a fresh message.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The absolute URL.</param>
/// <param name="Body">A JSON body, or null.</param>
/// <param name="RetryKind">Which failures may be repeated.</param>
/// <param name="Timeout">The time allowed per attempt.</param>
/// <param name="Description">The call in log lines and messages (never a key or a query signature).</param>
/// <param name="Accept">The <c>Accept</c> header.</param>
/// <param name="Content">
/// Makes a body other than JSON (an upload streamed from a file), called once per attempt so each one gets fresh
/// content; it wins over <paramref name="Body"/>. What it throws ends the call without a retry.
/// </param>
internal sealed record OxenCall(
    HttpMethod Method,
    Uri Uri,
    byte[]? Body,
    OxenRetryKind RetryKind,
    TimeSpan Timeout,
    string Description,
    string Accept = "application/json",
    Func<HttpContent>? Content = null);
