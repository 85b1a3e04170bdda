using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Oxen.Video.Testing;

/// <summary>
/// Reading an upload's multipart body: <c>file</c> parts streamed into storage (bounded by the per-file and total
/// limits, never buffered whole first), and the small <c>message</c>, <c>name</c> and <c>email</c> fields.
/// </summary>
public sealed partial class OxenHubEmulator
{
    private const int MaxFormFieldBytes = 4 * 1024;
    private const int MaxFormSections = 64;
    private static readonly string[] RequiredUploadFields = ["message", "name", "email"];

    /// <param name="context">The upload.</param>
    /// <param name="boundary">The multipart boundary.</param>
    /// <param name="reclaimable">The bytes of the file the upload replaces, if any (freed when it commits).</param>
    private async Task<UploadForm> ReadUploadFormAsync(HttpContext context, string boundary, long reclaimable)
    {
        // Kestrel's own 30 MB cap would cut a large video short with a bare 413; the limits below are the
        // emulator's, checked as bytes arrive, and this cap only stops a body that is mostly not files.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            var files = Math.Max(_options.MaxRepositoryFileBytes, _options.MaxRepositoryBytes);
            size.MaxRequestBodySize = files + (1 << 20);
        }

        var reader = new MultipartReader(boundary, context.Request.Body) { HeadersLengthLimit = 8 * 1024 };
        var form = new UploadForm();
        try
        {
            var sections = 0;
            while (await reader.ReadNextSectionAsync(context.RequestAborted).ConfigureAwait(false) is { } section)
            {
                if (sections == MaxFormSections)
                {
                    throw Refuse(400, $"The form has over {MaxFormSections} parts; an upload has a few.");
                }

                await ReadSectionAsync(section, form, reclaimable, context.RequestAborted).ConfigureAwait(false);
                sections++;
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException && ex is not BadHttpRequestException)
        {
            throw Refuse(400, $"The body is not a readable multipart/form-data body: {ex.Message}");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == 413)
        {
            throw new UploadRefusedException(413, OverFileLimit());
        }

        if (form.Files.Count == 0)
        {
            throw Refuse(400, "file: is required (a multipart part named 'file' holding the bytes).");
        }

        var missing = RequiredUploadFields.Where(f => !form.Fields.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            var verb = missing.Count == 1 ? "is" : "are";
            throw Refuse(400, $"{string.Join(", ", missing)}: {verb} required (form fields of the commit).");
        }

        return form;
    }

    private async Task ReadSectionAsync(
        MultipartSection section, UploadForm form, long reclaimable, CancellationToken cancellationToken)
    {
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw Refuse(400, "Each part needs 'Content-Disposition: form-data; name=...'.");
        }

        var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
        if (name is "file" or "files[]")
        {
            var named = disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName;
            var fileName = HeaderUtilities.RemoveQuotes(named).Value;
            var alreadyRead = form.Files.Sum(f => f.Blob.Length);
            // A first bound as bytes arrive; the commit checks the total exactly.
            var room = _options.MaxRepositoryBytes - Repositories.StoredBytes + reclaimable - alreadyRead;
            var limit = Math.Min(_options.MaxRepositoryFileBytes, Math.Max(0, room));
            using var builder = new EmulatorBlob.Builder();
            if (!await builder.ReadAsync(section.Body, limit, cancellationToken).ConfigureAwait(false))
            {
                throw new UploadRefusedException(413, builder.Length > _options.MaxRepositoryFileBytes
                    ? OverFileLimit()
                    : OverTotalLimit(alreadyRead + builder.Length));
            }

            form.Files.Add((name, fileName, builder.Build()));
            return;
        }

        var buffer = new byte[MaxFormFieldBytes + 1];
        var length = await section.Body
            .ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)
            .ConfigureAwait(false);
        if (length > MaxFormFieldBytes)
        {
            throw Refuse(400, $"{name}: over {MaxFormFieldBytes} bytes; a form field of an upload is a short text.");
        }

        form.Fields[name] = Encoding.UTF8.GetString(buffer, 0, length);
    }

    private JsonObject OverFileLimit() => ErrorBody("payload_too_large", "Payload too large",
        $"file: over {_options.MaxRepositoryFileBytes} bytes, the emulator's limit for one file "
        + "(OxenHubEmulatorOptions.MaxRepositoryFileBytes).");

    private static UploadRefusedException Refuse(int statusCode, string detail) =>
        new(statusCode, ErrorBody("invalid_params", "Invalid parameters", detail));

    private sealed class UploadForm
    {
        public List<(string Field, string? FileName, EmulatorBlob Blob)> Files { get; } = [];

        public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>An upload refused while its body is read: the status and the hub's error body to answer.</summary>
    private sealed class UploadRefusedException(int statusCode, JsonObject body) : Exception
    {
        public int StatusCode { get; } = statusCode;

        public JsonObject Body { get; } = body;
    }
}
