using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Oxen.Video.Testing;

/// <summary>
/// The hub's repository file API, in memory: <c>POST /api/repos</c>, and <c>PUT</c> (multipart), <c>GET</c> and
/// <c>HEAD</c> of <c>/api/repos/{namespace}/{repo}/file/{branch}/{path}</c>. Behind the same key check and faults
/// as every API route; generations read these files back as media inputs.
/// </summary>
public sealed partial class OxenHubEmulator
{
    private const string FileRoute = "/api/repos/{owner}/{repo}/file/{branch}/{**path}";
    private const int MaxCreateBodyBytes = 64 * 1024;

    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    private EmulatorRepositoryStore? _repositoryStore;

    private EmulatorRepositoryStore Repositories =>
        _repositoryStore ??= new EmulatorRepositoryStore(_options.MaxRepositoryBytes);

    private void MapRepositoryRoutes(WebApplication app)
    {
        app.MapPost("/api/repos", CreateRepositoryAsync);
        app.MapPut(FileRoute, UploadRepositoryFileAsync);
        app.MapMethods(FileRoute, ["GET", "HEAD"], DownloadRepositoryFileAsync);
    }

    private async Task CreateRepositoryAsync(HttpContext context)
    {
        if (!IsJsonContentType(context.Request.ContentType))
        {
            await WriteUnsupportedMediaTypeAsync(context, "application/json").ConfigureAwait(false);
            return;
        }

        var (body, problem) = await ReadCreateBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            await WriteInvalidAsync(context, problem!).ConfigureAwait(false);
            return;
        }

        using (body)
        {
            var root = body.RootElement;
            var owner = RepositoryName(root, "namespace", out problem) ?? string.Empty;
            var name = problem is null ? RepositoryName(root, "name", out problem) ?? string.Empty : string.Empty;
            problem ??= AuthorProblem(root);
            string? description = null;
            if (problem is null && root.TryGetProperty("description", out var d) && d.ValueKind != JsonValueKind.Null)
            {
                description = d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                problem = description is null ? $"description: must be a string; got {Describe(d.ValueKind)}." : null;
            }

            if (problem is not null)
            {
                await WriteInvalidAsync(context, problem).ConfigureAwait(false);
                return;
            }

            var now = Time.GetUtcNow();
            var created = Repositories.TryCreate(owner, name, description, now);
            if (!created || Faults.TakeCreateConflict())
            {
                // An injected conflict still leaves the repository there, as when another client made it first.
                var exists = $"Repository already exists: {owner}/{name}";
                var conflict = ErrorBody("resource_already_exists", "Conflict", exists);
                await WriteJsonAsync(context, 409, conflict).ConfigureAwait(false);
                return;
            }

            Counters.RepositoryCreated();
            await WriteJsonAsync(context, 200, new JsonObject
            {
                ["status"] = "success",
                ["status_message"] = "resource_created",
                ["namespace"] = owner,
                ["name"] = name,
                ["description"] = description,
                ["created_at"] = Timestamp(now),
            }).ConfigureAwait(false);
        }
    }

    private async Task UploadRepositoryFileAsync(HttpContext context)
    {
        if (RepositoryFile(context) is not var (owner, repo, branch, path))
        {
            await WriteInvalidAsync(context, RepositoryPathProblem(context)).ConfigureAwait(false);
            return;
        }

        if (MultipartBoundary(context.Request.ContentType) is not { } boundary)
        {
            await WriteUnsupportedMediaTypeAsync(context, "multipart/form-data").ConfigureAwait(false);
            return;
        }

        if (!Repositories.Exists(owner, repo))
        {
            await WriteJsonAsync(context, 404, RepositoryNotFound(owner, repo)).ConfigureAwait(false);
            return;
        }

        UploadForm form;
        try
        {
            var replaced = Repositories.Find(owner, repo, branch, path)?.Length ?? 0;
            form = await ReadUploadFormAsync(context, boundary, replaced).ConfigureAwait(false);
        }
        catch (UploadRefusedException refused)
        {
            await WriteJsonAsync(context, refused.StatusCode, refused.Body).ConfigureAwait(false);
            return;
        }

        var targets = new List<(string Path, EmulatorBlob Blob)>();
        var intoFolder = form.Files.Count > 1 || form.Files.Any(f => f.Field == "files[]")
            || Repositories.IsFolder(owner, repo, branch, path);
        foreach (var (_, fileName, blob) in form.Files)
        {
            if (!intoFolder)
            {
                targets.Add((path, blob));
            }
            else if (SafeFileName(fileName) is { } safe)
            {
                targets.Add((path.TrimEnd('/') + "/" + safe, blob));
            }
            else
            {
                var shown = fileName is null ? "no file name" : $"the file name '{fileName}'";
                var detail = $"file: {path} is a folder, so each part needs a plain file name; got {shown}.";
                await WriteInvalidAsync(context, detail).ConfigureAwait(false);
                return;
            }
        }

        switch (Repositories.Commit(owner, repo, branch, targets))
        {
            case EmulatorRepositoryStore.CommitOutcome.NoRepository:
                await WriteJsonAsync(context, 404, RepositoryNotFound(owner, repo)).ConfigureAwait(false);
                return;
            case EmulatorRepositoryStore.CommitOutcome.OverLimit:
                var over = OverTotalLimit(targets.Sum(t => t.Blob.Length));
                await WriteJsonAsync(context, 413, over).ConfigureAwait(false);
                return;
        }

        Counters.Uploaded();
        var files = new JsonArray();
        foreach (var (target, blob) in targets)
        {
            files.Add(new JsonObject { ["path"] = target, ["size"] = blob.Length, ["hash"] = "sha256:" + blob.Sha256 });
        }

        var answer = new JsonObject
        {
            ["status"] = "success",
            ["status_message"] = "resource_created",
            ["commit"] = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString("N"),
                ["message"] = form.Fields["message"],
                ["author"] = new JsonObject { ["name"] = form.Fields["name"], ["email"] = form.Fields["email"] },
                ["timestamp"] = Timestamp(Time.GetUtcNow()),
            },
            ["file"] = files[0]!.DeepClone(),
        };
        if (files.Count > 1)
        {
            answer["files"] = files;
        }

        await WriteJsonAsync(context, 200, answer).ConfigureAwait(false);
    }

    private async Task DownloadRepositoryFileAsync(HttpContext context)
    {
        if (RepositoryFile(context) is not var (owner, repo, branch, path))
        {
            await WriteInvalidAsync(context, RepositoryPathProblem(context)).ConfigureAwait(false);
            return;
        }

        if (Repositories.Find(owner, repo, branch, path) is not { } blob)
        {
            var missing = $"File not found: {path} on branch {branch} of {owner}/{repo}";
            var body = Repositories.Exists(owner, repo)
                ? ErrorBody("resource_not_found", "Resource not found", missing)
                : RepositoryNotFound(owner, repo);
            await WriteJsonAsync(context, 404, body).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = OxenMediaTypes.Sniff(blob.Head) ?? "application/octet-stream";
        context.Response.ContentLength = blob.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _shutdown.Token);
            await blob.CopyToAsync(context.Response.Body, stop.Token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the create body, at most <see cref="MaxCreateBodyBytes"/>, refusing repeated properties (at once: a
    /// lazy reader would meet them later, outside any error handling).
    /// </summary>
    private static async Task<(JsonDocument? Body, string? Problem)> ReadCreateBodyAsync(HttpContext context)
    {
        var buffer = new byte[MaxCreateBodyBytes + 1];
        var length = await context.Request.Body
            .ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, context.RequestAborted)
            .ConfigureAwait(false);
        if (length > MaxCreateBodyBytes)
        {
            return (null, $"The body is over {MaxCreateBodyBytes} bytes; a repository is described in a few hundred.");
        }

        try
        {
            var document = JsonDocument.Parse(buffer.AsMemory(0, length), StrictJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return (document, null);
            }

            document.Dispose();
            return (null, "The body must be a JSON object: "
                + "{\"namespace\", \"name\", \"user\": {\"name\", \"email\"}, \"description\"}.");
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not valid JSON: {ex.Message}");
        }
    }

    private static string? RepositoryName(JsonElement root, string field, out string? problem)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String)
        {
            var got = value.ValueKind == JsonValueKind.Undefined ? "nothing" : Describe(value.ValueKind);
            problem = $"{field}: is required (a string); got {got}.";
            return null;
        }

        var text = value.GetString()!;
        problem = IsPlainName(text) ? null
            : $"{field}: '{Shorten(text)}' is not a name; "
                + "allowed: 1 to 100 letters, digits, '-', '_' or '.', not '.' or '..'.";
        return problem is null ? text : null;
    }

    private static string? AuthorProblem(JsonElement root)
    {
        if (!root.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object)
        {
            return "user: is required (an object with name and email).";
        }

        foreach (var field in (string[])["name", "email"])
        {
            if (!user.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String
                || value.GetString()!.Length == 0)
            {
                return $"user.{field}: is required (a non-empty string).";
            }
        }

        return null;
    }

    /// <summary>Namespace, repository, branch and path of a file route; null when one of them is not usable.</summary>
    private static (string Owner, string Repo, string Branch, string Path)? RepositoryFile(HttpContext context)
    {
        var owner = (string?)context.GetRouteValue("owner") ?? string.Empty;
        var repo = (string?)context.GetRouteValue("repo") ?? string.Empty;
        var branch = (string?)context.GetRouteValue("branch") ?? string.Empty;
        var path = (string?)context.GetRouteValue("path") ?? string.Empty;
        return IsPlainName(owner) && IsPlainName(repo) && IsPlainName(branch) && IsRepositoryPath(path)
            ? (owner, repo, branch, path)
            : null;
    }

    private static string RepositoryPathProblem(HttpContext context)
    {
        var path = (string?)context.GetRouteValue("path") ?? string.Empty;
        return IsRepositoryPath(path)
            ? "The namespace, repository or branch is not a name; allowed: letters, digits, '-', '_' or '.'."
            : $"path: '{Shorten(path)}' is not a file path in a repository; "
                + "allowed: segments separated by '/', none empty, '.' or '..'.";
    }

    private static bool IsPlainName(string text) => text is not ("." or "..") && PlainName().IsMatch(text);

    private static bool IsRepositoryPath(string path) =>
        path.Length is > 0 and <= 1024
        && !path.Contains('\\', StringComparison.Ordinal)
        && path.TrimEnd('/').Split('/').All(s => s is not ("" or "." or "..") && !s.Any(char.IsControl));

    private static string? SafeFileName(string? fileName) =>
        fileName is { Length: > 0 } name && IsRepositoryPath(name) && !name.Contains('/', StringComparison.Ordinal)
            ? name
            : null;

    private static string? MultipartBoundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        return boundary is { Length: > 0 and <= 70 } ? boundary : null;
    }

    private static bool IsJsonContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);

    private static Task WriteUnsupportedMediaTypeAsync(HttpContext context, string expected)
    {
        var type = context.Request.ContentType;
        var given = string.IsNullOrEmpty(type) ? "no Content-Type" : $"'{Shorten(type)}'";
        var detail = $"The body must be {expected}; got {given}.";
        return WriteJsonAsync(context, 415, ErrorBody("unsupported_media_type", "Unsupported media type", detail));
    }

    private static Task WriteInvalidAsync(HttpContext context, string detail) =>
        WriteJsonAsync(context, 400, ErrorBody("invalid_params", "Invalid parameters", detail));

    private static JsonObject RepositoryNotFound(string owner, string repo) =>
        ErrorBody("resource_not_found", "Resource not found", $"Repository not found: {owner}/{repo}");

    private JsonObject OverTotalLimit(long incoming) => ErrorBody("payload_too_large", "Payload too large",
        $"file: storing {incoming} more bytes would take the emulator's repositories over "
        + $"{_options.MaxRepositoryBytes} bytes in all (OxenHubEmulatorOptions.MaxRepositoryBytes); "
        + $"{Repositories.StoredBytes} are stored.");

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "a string",
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex PlainName();
}
