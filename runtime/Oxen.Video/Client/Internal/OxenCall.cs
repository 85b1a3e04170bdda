namespace Oxen.Video;

/// <summary>Everything needed to (re)build one HTTP request; each attempt gets a fresh message.</summary>
internal sealed record OxenCall(
    HttpMethod Method,
    Uri Uri,
    byte[]? Body,
    OxenRetryKind RetryKind,
    TimeSpan Timeout,
    string Description,
    string Accept = "application/json");
