using System.Net;

namespace Oxen.Video;

/// <summary>The Oxen API answered with an error status. Never carries the API key.</summary>
public sealed class OxenApiException : Exception
{
    /// <summary>The longest body excerpt kept.</summary>
    public const int MaxExcerptLength = 500;

    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorType">The error's type (<c>error.type</c> or <c>status_message</c>), when given.</param>
    /// <param name="errorMessage">The error's text (<c>detail</c>, <c>title</c> or <c>message</c>), when given.</param>
    /// <param name="bodyExcerpt">The start of the body, at most <see cref="MaxExcerptLength"/> characters.</param>
    /// <param name="retryAfter">The wait the server asked for (<c>Retry-After</c>), when given.</param>
    public OxenApiException(HttpStatusCode statusCode, string? errorType, string? errorMessage, string? bodyExcerpt, TimeSpan? retryAfter)
        : this((int)statusCode, errorType, errorMessage, bodyExcerpt, retryAfter, requestDescription: null)
    {
    }

    internal OxenApiException(int statusCode, string? errorType, string? errorMessage, string? bodyExcerpt, TimeSpan? retryAfter, string? requestDescription = null)
        : base(BuildMessage(statusCode, errorType, errorMessage, bodyExcerpt, requestDescription))
    {
        StatusCode = (HttpStatusCode)statusCode;
        ErrorType = errorType;
        ErrorMessage = errorMessage;
        BodyExcerpt = bodyExcerpt is null ? null : Shorten(bodyExcerpt);
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The error's type, e.g. <c>invalid_params</c>, <c>resource_not_found</c> or <c>unauthenticated</c>.</summary>
    public string? ErrorType { get; }

    /// <summary>The error's text, e.g. <c>Model not found: x</c>.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The start of the response body (at most 500 characters), e.g. a gateway's HTML page.</summary>
    public string? BodyExcerpt { get; }

    /// <summary>The wait the server asked for before a retry, when it sent <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; }

    internal static string Shorten(string text) =>
        text.Length <= MaxExcerptLength ? text : text[..MaxExcerptLength];

    private static string BuildMessage(int statusCode, string? errorType, string? errorMessage, string? bodyExcerpt, string? requestDescription)
    {
        var text = $"Oxen API error {statusCode}";
        if (requestDescription is not null)
        {
            text += $" for {requestDescription}";
        }

        if (errorType is not null)
        {
            text += $" ({errorType})";
        }

        if (errorMessage is not null)
        {
            return text + ": " + errorMessage;
        }

        if (!string.IsNullOrWhiteSpace(bodyExcerpt))
        {
            var shown = bodyExcerpt.Length <= 200 ? bodyExcerpt : bodyExcerpt[..200] + "…";
            return text + ": " + shown.ReplaceLineEndings(" ");
        }

        return text + ".";
    }
}
