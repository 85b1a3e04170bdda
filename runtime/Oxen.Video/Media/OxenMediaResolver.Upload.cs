using System.Buffers;
using System.Net;
using System.Text.Json;
using Oxen.Video.Validation;

namespace Oxen.Video;

/// <summary>
/// Local media too large for a data URI, uploaded to the repository file API, content-addressed:
/// <c>{folder}/{sha256}.{ext}</c>. A file already there (HEAD 200) is not uploaded again; a missing repository is
/// created (409: it exists). The PUT is repeatable (same path, same bytes), so the pipeline retries it like a GET.
/// </summary>
internal sealed partial class OxenMediaResolver
{
    /// <summary>The commit author of uploads; the hub asks for one, and the client has no user of its own.</summary>
    internal const string AuthorName = "Oxen.Video";

    /// <summary>A placeholder address for the commit author (no mail is sent to it).</summary>
    internal const string AuthorEmail = "oxen-video@localhost";

    private async ValueTask<string> UploadAsync(
        OxenLocalMedia content, string field, OxenMedia media, CancellationToken cancellationToken)
    {
        var target = repository!;
        var sha = content.Sha256!;
        var path = target.PathOf(sha + OxenMediaTypes.ExtensionOf(content.ContentType));
        var api = target.FileApiPath(path);
        var shown = target.Describe(path);
        if (_cache.TryGet(sha, out var known))
        {
            OxenLog.MediaUploaded(pipeline.Logger, shown, content.Length, "already uploaded by this client");
            return known;
        }

        // Lines of a batch run side by side: the same content asked for twice at once is uploaded once.
        var mine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _uploading.GetOrAdd(sha, mine.Task);
        if (running != mine.Task)
        {
            try
            {
                var url = await running.WaitAsync(cancellationToken).ConfigureAwait(false);
                OxenLog.MediaUploaded(pipeline.Logger, shown, content.Length, "already uploaded by this client");
                return url;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The other upload failed or was cancelled by its own caller: this one tries for itself and reports
                // for its own field.
            }
        }

        try
        {
            var url = await UploadOnceAsync(content, field, media, target, sha, path, api, shown, cancellationToken).ConfigureAwait(false);
            mine.TrySetResult(url);
            return url;
        }
        catch (Exception ex)
        {
            mine.TrySetException(ex);
            throw;
        }
        finally
        {
            _uploading.TryRemove(new KeyValuePair<string, Task<string>>(sha, mine.Task));
        }
    }

    private async ValueTask<string> UploadOnceAsync(
        OxenLocalMedia content,
        string field,
        OxenMedia media,
        OxenMediaRepository target,
        string sha,
        string path,
        string api,
        string shown,
        CancellationToken cancellationToken)
    {
        try
        {
            var there = await ExistsAsync(api, cancellationToken).ConfigureAwait(false);
            if (!there && !await PutAsync(content, api, path, cancellationToken).ConfigureAwait(false))
            {
                // 404 to the PUT: no such repository yet.
                await CreateRepositoryAsync(target, cancellationToken).ConfigureAwait(false);
                if (!await PutAsync(content, api, path, cancellationToken).ConfigureAwait(false))
                {
                    throw Fail(
                        field, media,
                        $"the hub answered 404 to its upload to {shown} even after the repository was "
                        + $"created: does the branch '{target.Branch}' exist? Nothing was enqueued.");
                }
            }

            var outcome = there ? "already in the repository" : "uploaded";
            OxenLog.MediaUploaded(pipeline.Logger, shown, content.Length, outcome);
            var url = pipeline.ApiUri(api).AbsoluteUri;
            _cache.Add(sha, url);
            return url;
        }
        catch (Exception ex) when (content.Changed && ex is not OperationCanceledException)
        {
            throw Fail(
                field,
                media,
                $"it changed while it was being uploaded ({ex.Message}); it was not sent whole. Nothing was enqueued.",
                ex);
        }
        catch (OxenApiException ex) when (ex.StatusCode == HttpStatusCode.RequestEntityTooLarge)
        {
            throw Fail(
                field, media,
                $"the hub refused its upload of {content.Length} bytes to {shown} as too large (HTTP 413; "
                + $"the client allows up to {OxenValidator.MaxMediaFileBytes} bytes, the hub less). Send a smaller or "
                + "shorter file, or host it yourself and give its https URL. Nothing was enqueued.",
                ex);
        }
        catch (Exception ex) when (ex is OxenApiException or HttpRequestException or TimeoutException or IOException)
        {
            throw Fail(field, media, $"its upload to {shown} failed: {ex.Message} Nothing was enqueued.", ex);
        }
    }

    /// <summary>Whether the file is already there: HEAD (GET, headers only, when HEAD is not allowed).</summary>
    private async ValueTask<bool> ExistsAsync(string api, CancellationToken cancellationToken)
    {
        foreach (var method in new[] { HttpMethod.Head, HttpMethod.Get })
        {
            var call = new OxenCall(
                method,
                pipeline.ApiUri(api),
                null,
                OxenRetryKind.Idempotent,
                pipeline.Options.RequestTimeout,
                $"{method} /{api}",
                "*/*");
            try
            {
                // Headers only: the body (the file itself, for a GET) is never read.
                using var response = await SendHeadersOnlyAsync(call, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (OxenApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }
            catch (OxenApiException ex) when (ex.StatusCode == HttpStatusCode.MethodNotAllowed
                && method == HttpMethod.Head)
            {
                continue;
            }
        }

        return false;
    }

    /// <summary>PUTs the file as <c>multipart/form-data</c>; false when the hub answers 404 (no repository).</summary>
    private async ValueTask<bool> PutAsync(
        OxenLocalMedia content, string api, string path, CancellationToken cancellationToken)
    {
        var fileName = path[(path.LastIndexOf('/') + 1)..];
        var call = new OxenCall(
            HttpMethod.Put,
            pipeline.ApiUri(api),
            null,
            OxenRetryKind.Idempotent,
            pipeline.Options.MediaUploadTimeout,
            $"PUT /{api}",
            Content: () => CreateForm(content, fileName, path));
        try
        {
            using var response = await SendHeadersOnlyAsync(call, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OxenApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>
    /// A fresh form for each attempt: <c>file</c>, streamed from disk, then <c>message</c>, <c>name</c>, <c>email</c>.
    /// </summary>
    private static MultipartFormDataContent CreateForm(OxenLocalMedia content, string fileName, string path)
    {
        var form = new MultipartFormDataContent();
        try
        {
            form.Add(content.CreateContent(), "file", fileName);
            form.Add(new StringContent($"Add {path}, an input of an Oxen.Video generation"), "message");
            form.Add(new StringContent(AuthorName), "name");
            form.Add(new StringContent(AuthorEmail), "email");
            return form;
        }
        catch
        {
            form.Dispose();
            throw;
        }
    }

    /// <summary><c>POST api/repos</c>; 409 means it exists already, which is as good.</summary>
    private async ValueTask CreateRepositoryAsync(OxenMediaRepository target, CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("namespace", target.Namespace);
            writer.WriteString("name", target.Name);
            writer.WriteStartObject("user");
            writer.WriteString("name", AuthorName);
            writer.WriteString("email", AuthorEmail);
            writer.WriteEndObject();
            writer.WriteString("description", "Inputs of Oxen.Video generations, uploaded by the client, by content.");
            writer.WriteEndObject();
        }

        // Repeatable like a GET: a repeat after a lost answer gets 409, which is as good.
        var call = new OxenCall(
            HttpMethod.Post,
            pipeline.ApiUri("api/repos"),
            body.WrittenSpan.ToArray(),
            OxenRetryKind.Idempotent,
            pipeline.Options.RequestTimeout,
            "POST /api/repos");
        try
        {
            using var response = await SendHeadersOnlyAsync(call, cancellationToken).ConfigureAwait(false);
            OxenLog.MediaRepositoryCreated(pipeline.Logger, target.ToString());
        }
        catch (OxenApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            // Made meanwhile (another client, a batch): carry on.
        }
    }

    /// <summary>Through the one pipeline; the answer's body is never read (it may be the file itself).</summary>
    private Task<HttpResponseMessage> SendHeadersOnlyAsync(OxenCall call, CancellationToken cancellationToken) =>
        pipeline.SendAsync(call, HttpCompletionOption.ResponseHeadersRead, followRedirects: false, cancellationToken);
}
