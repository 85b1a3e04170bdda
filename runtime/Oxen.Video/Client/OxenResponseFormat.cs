namespace Oxen.Video;

/// <summary>How a synchronous generation returns its video (<c>response_format</c>).</summary>
public enum OxenResponseFormat
{
    /// <summary>A temporary URL (<c>"url"</c>), the API's default.</summary>
    Url,

    /// <summary>The MP4 inline as base64 (<c>"b64_json"</c>).</summary>
    Base64Json,
}
