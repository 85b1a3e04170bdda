using System;
using System.IO;
using System.Threading;
using Microsoft.Build.Framework;
using Oxen.Video.Schemas.Json;
using Task = Microsoft.Build.Utilities.Task;

namespace Oxen.Video.Tasks;

/// <summary>
/// Fetches the model objects of <c>OxenModel</c> items (<c>GET {BaseUrl}/api/ai/models/{id}</c>) into
/// <c>{SchemaDirectory}{id}.json</c>, in the normalized form of <c>oxen schemas pull</c>: the missing ones, or all
/// with <see cref="Refresh"/>; a file that already holds exactly that text is left alone. Every id is checked first,
/// present file or not, so that no id names a path outside the folder. Any failure is error OXEN010 naming the model and the <c>oxen schemas pull</c>
/// command. The API key is read here from <c>OXEN_API_KEY</c>: never a parameter (MSBuild logs those), never in a
/// message (a hub that echoes it back is redacted).
/// </summary>
public sealed partial class OxenFetchModelSchemas : Task, ICancelableTask
{
    /// <summary>The code of every error this task reports.</summary>
    public const string ErrorCode = "OXEN010";

    private const string ApiKeyVariable = "OXEN_API_KEY";

    private readonly CancellationTokenSource _cancel = new();

    /// <summary>The <c>OxenModel</c> items to fetch: the item spec is the model id.</summary>
    [Required]
    public ITaskItem[] Models { get; set; } = [];

    /// <summary>The folder of the cached files (full path).</summary>
    [Required]
    public string SchemaDirectory { get; set; } = string.Empty;

    /// <summary>The hub: an absolute http(s) URI (<c>OxenBaseUrl</c>, from <c>OXEN_BASE_URL</c> by default).</summary>
    [Required]
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>Fetches files that are present too (<c>OxenRefreshSchemas</c>).</summary>
    public bool Refresh { get; set; }

    /// <summary>Where errors point when an item does not say which project defined it.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>How long one request may take.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>The environment the key is read from; tests give their own.</summary>
    internal Func<string, string?> ReadEnvironment { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>Stops waiting for the hub (Ctrl-C in the build).</summary>
    public void Cancel() => _cancel.Cancel();

    /// <summary>Fetches every model; false when any could not be fetched.</summary>
    public override bool Execute()
    {
        var key = ReadEnvironment(ApiKeyVariable)?.Trim();
        key = string.IsNullOrEmpty(key) ? null : key;
        var redactor = new Redactor(key);
        var hub = HubAddress(BaseUrl);
        using var fetcher = hub is null ? null : new ModelFetcher(hub, key, TimeSpan.FromSeconds(TimeoutSeconds));
        foreach (var model in Models)
        {
            if (_cancel.IsCancellationRequested)
            {
                return false;
            }

            var id = model.ItemSpec;
            var problem = ModelIds.Problem(id);
            if (problem is not null)
            {
                Log.LogError(null, ErrorCode, null, Location(model), 0, 0, 0, 0, "{0}", redactor.Redact(
                    "The OxenModel '" + ModelIds.Display(id) + "' is not a model id: " + problem + " (allowed: " + ModelIds.Allowed
                    + "). Nothing was fetched or written for it."));
                continue;
            }

            if (!Refresh && File.Exists(PathOf(id)))
            {
                Log.LogMessage(MessageImportance.Low, "Oxen: {0} is present (OxenRefreshSchemas=true fetches it again).", PathOf(id));
                continue;
            }

            if (fetcher is null)
            {
                Fail(model, "the base address '" + BaseUrl + "' (OxenBaseUrl, OXEN_BASE_URL) is not an absolute http(s) URI", redactor);
                continue;
            }

            Fetch(fetcher, model, redactor);
        }

        return !Log.HasLoggedErrors;
    }

    private void Fetch(ModelFetcher fetcher, ITaskItem model, Redactor redactor)
    {
        var id = model.ItemSpec;
        var url = fetcher.UrlOf(id);
        string normalized;
        try
        {
            normalized = Normalize(fetcher.Fetch(url, _cancel.Token));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (!_cancel.IsCancellationRequested)
            {
                Fail(model, "GET " + url + " failed: " + ModelFetcher.Describe(e), redactor);
            }

            return;
        }

        var path = PathOf(id);
        var existed = File.Exists(path);
        if (!SchemaFiles.WriteIfChanged(path, normalized))
        {
            Log.LogMessage(MessageImportance.Normal, "Oxen: {0} is up to date.", path);
            return;
        }

        Log.LogMessage(MessageImportance.High, "Oxen: {0} {1} from {2}", existed ? "refreshed" : "fetched", path, url);
    }

    /// <summary>The answer in the form of 'oxen schemas pull', through the schema core's normalizer.</summary>
    private static string Normalize(string answer)
    {
        string normalized;
        try
        {
            normalized = CanonicalJson.Normalize(answer);
        }
        catch (JsonSyntaxException e)
        {
            throw new InvalidDataException("the answer is not JSON (" + e.Message + ")");
        }

        return normalized.StartsWith("{", StringComparison.Ordinal)
            ? normalized
            : throw new InvalidDataException("the answer is not a JSON object (a model object was expected)");
    }

    private string PathOf(string id) => Path.Combine(SchemaDirectory, id + ".json");

    private static Uri? HubAddress(string baseUrl) =>
        Uri.TryCreate((baseUrl ?? string.Empty).Trim(), UriKind.Absolute, out var hub) && (hub.Scheme == Uri.UriSchemeHttp || hub.Scheme == Uri.UriSchemeHttps)
            ? hub
            : null;

    private void Fail(ITaskItem model, string reason, Redactor redactor)
    {
        var id = model.ItemSpec;
        var directory = SchemaDirectory.TrimEnd('/', '\\');
        var command = "oxen schemas pull " + id + " --dir " + (directory.IndexOf(' ') >= 0 ? "\"" + directory + "\"" : directory);
        var message = "The schema of model '" + id + "' is not in " + directory + " and could not be fetched: " + reason
            + ". Fetch it with: " + command;
        Log.LogError(null, ErrorCode, null, Location(model), 0, 0, 0, 0, "{0}", redactor.Redact(message));
    }

    /// <summary>The project that defined the item (an import's user sees their own project), else the building one.</summary>
    private string? Location(ITaskItem model)
    {
        var defining = model.GetMetadata("DefiningProjectFullPath");
        return string.IsNullOrEmpty(defining) ? ProjectFile : defining;
    }
}
