using System.Buffers.Text;
using System.Text.Json.Nodes;

namespace Oxen.Video.Testing;

/// <summary>
/// Media inputs read when a generation runs, as the hub does: only then is a URL fetched, so an input it cannot
/// read or of the wrong kind fails a generation that was queued (and billed) minutes earlier, not its enqueue.
/// </summary>
public sealed partial class OxenHubEmulator
{
    private const int MaxUrlShown = 160;

    /// <summary>
    /// Reads every media parameter of the model (each item of a list) and returns why the generation fails, naming
    /// each field and its problem; null when every input is readable media of its field's kind.
    /// </summary>
    private string? ReadMediaInputs(EmulatorModel model, JsonObject parameters)
    {
        var problems = new List<string>();
        foreach (var (name, kind) in model.MediaParameters)
        {
            switch (parameters[name])
            {
                case JsonValue value when value.TryGetValue<string>(out var text):
                    AddProblem(problems, name, text, kind);
                    break;
                case JsonArray items:
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (items[i] is JsonValue item && item.TryGetValue<string>(out var itemText))
                        {
                            AddProblem(problems, $"{name}[{i}]", itemText, kind);
                        }
                    }

                    break;
                default:
                    // Anything else (a number, an object) is the schema check's to report.
                    break;
            }
        }

        return problems.Count == 0 ? null : "Media input could not be used: " + string.Join("; ", problems);
    }

    private void AddProblem(List<string> problems, string field, string value, OxenMediaKind kind)
    {
        if (MediaProblem(value, kind) is { } problem)
        {
            problems.Add($"{field}: {problem}");
        }
    }

    private string? MediaProblem(string value, OxenMediaKind kind)
    {
        if (value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return DataUriProblem(value, kind);
        }

        // A rooted path parses as a file: URL on Unix; it fails below for its scheme, like any non-http URL.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Host.Length == 0 && !url.IsFile))
        {
            return $"'{ShowUrl(value)}' is not a URL the hub can download; allowed: an http(s) URL or a data: URI of "
                + $"{OxenMediaTypes.Noun(kind)}.";
        }

        if (url.Scheme is not ("http" or "https"))
        {
            return $"{ShowUrl(value)} has the scheme '{url.Scheme}', which the hub cannot download; "
                + $"allowed: an http(s) URL or a data: URI of {OxenMediaTypes.Noun(kind)}.";
        }

        return IsOwnOrigin(url) ? OwnFileProblem(url, kind) : ExternalProblem(url, kind);
    }

    private string? DataUriProblem(string value, OxenMediaKind kind)
    {
        var comma = value.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return "the data: URI has no comma before its data; "
                + $"allowed: data:<type>;base64,<data> of {OxenMediaTypes.Noun(kind)}.";
        }

        var header = value.AsSpan(5, comma - 5);
        if (!header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            return $"the data: URI is not base64; allowed: data:<type>;base64,<data> of {OxenMediaTypes.Noun(kind)}.";
        }

        var data = value.AsSpan(comma + 1);
        if (!Base64.IsValid(data, out var length))
        {
            return "the data: URI's base64 does not decode.";
        }

        if (length > _options.MaxMediaInputBytes)
        {
            return $"the data: URI holds {length} bytes, over the {_options.MaxMediaInputBytes} a media input may "
                + "have (OxenHubEmulatorOptions.MaxMediaInputBytes).";
        }

        // Only the first bytes tell the format: decode those (the whole when whitespace breaks the quartets).
        var head = data[..Math.Min(data.Length, 88)];
        var bytes = new byte[66];
        if (!Convert.TryFromBase64Chars(head[..(head.Length / 4 * 4)], bytes, out var written))
        {
            var all = Convert.FromBase64String(data.ToString());
            var allHead = all.AsSpan(0, Math.Min(all.Length, OxenMediaTypes.SniffLength));
            return ContentProblem("the data: URI", allHead, all.Length, kind);
        }

        return ContentProblem("the data: URI", bytes.AsSpan(0, written), length, kind);
    }

    /// <summary>
    /// A URL of this emulator: a repository file, or a result file (so one model's result can feed the next).
    /// </summary>
    private string? OwnFileProblem(Uri url, OxenMediaKind kind)
    {
        var segments = url.AbsolutePath.Split('/').Skip(1).Select(Uri.UnescapeDataString).ToArray();
        if (segments is ["api", "repos", var owner, var repo, "file", var branch, .. var rest] && rest.Length > 0)
        {
            var path = string.Join('/', rest);
            var what = $"the repository file {owner}/{repo}/{branch}/{path}";
            return Repositories.Find(owner, repo, branch, path) is { } blob
                ? ContentProblem(what, blob.Head, blob.Length, kind)
                : $"{ShowUrl(url.ToString())} answered 404: {what} does not exist (it was never uploaded, or "
                    + "to another repository or branch).";
        }

        if (segments is ["files" or "api", ..] && segments[^1].EndsWith(".mp4", StringComparison.Ordinal)
            && _files.ContainsKey(segments[^1][..^4]))
        {
            var head = Video.Span[..Math.Min(Video.Length, OxenMediaTypes.SniffLength)];
            return ContentProblem($"the result file {segments[^1]}", head, Video.Length, kind);
        }

        return $"{ShowUrl(url.ToString())} answered 404: no file of this emulator is at that path.";
    }

    private string? ExternalProblem(Uri url, OxenMediaKind kind)
    {
        if (_options.ExternalMedia is not { } answer)
        {
            return null;
        }

        byte[]? bytes;
        try
        {
            bytes = answer(url);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"{ShowUrl(url.ToString())} could not be downloaded: {ex.Message}";
        }

        if (bytes is not { } content)
        {
            return $"{ShowUrl(url.ToString())} could not be downloaded (it is not publicly reachable).";
        }

        if (content.Length > _options.MaxMediaInputBytes)
        {
            return $"{ShowUrl(url.ToString())} has {content.Length} bytes, over the {_options.MaxMediaInputBytes} "
                + "a media input may have (OxenHubEmulatorOptions.MaxMediaInputBytes).";
        }

        var head = content.AsSpan(0, Math.Min(content.Length, OxenMediaTypes.SniffLength));
        return ContentProblem(ShowUrl(url.ToString()), head, content.Length, kind);
    }

    /// <summary>
    /// Why these bytes are not media of <paramref name="kind"/> (sniffed, never told by a name), or null.
    /// </summary>
    private static string? ContentProblem(string what, ReadOnlySpan<byte> head, long length, OxenMediaKind kind)
    {
        var allowed = $"allowed: {OxenMediaTypes.Noun(kind)} ({OxenMediaTypes.Formats(kind)})";
        if (length == 0)
        {
            return $"{what} is empty (0 bytes); {allowed}.";
        }

        var sniffed = OxenMediaTypes.Sniff(head);
        if (OxenMediaTypes.KindOf(sniffed) == kind)
        {
            return null;
        }

        var found = sniffed ?? "text or a format the hub does not read";
        return $"{what} holds {found}, not {OxenMediaTypes.Noun(kind)}; {allowed}.";
    }

    private bool IsOwnOrigin(Uri url) =>
        url.Scheme == "http"
        && (url.Host == "127.0.0.1" || url.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        && (url.Port == BaseAddress.Port || url.Port == DownloadBaseAddress.Port);

    private static string ShowUrl(string url) => url.Length <= MaxUrlShown ? url : url[..MaxUrlShown] + "…";
}
