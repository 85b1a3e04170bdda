namespace Oxen.Video;

/// <summary>
/// Where local media too large for a <c>data:</c> URI are uploaded: <see cref="OxenClientOptions.MediaRepository"/>
/// (or <c>OXEN_MEDIA_REPO</c>), its branch and folder, checked once when the client is made.
/// </summary>
internal sealed class OxenMediaRepository
{
    private OxenMediaRepository(string ns, string name, string branch, string folder)
    {
        Namespace = ns;
        Name = name;
        Branch = branch;
        Folder = folder;
    }

    public string Namespace { get; }

    public string Name { get; }

    public string Branch { get; }

    /// <summary>The folder without leading or trailing slashes; empty for the repository's root.</summary>
    public string Folder { get; }

    /// <summary>The repository the options name, or null when none is; throws when one is named badly.</summary>
    /// <exception cref="ArgumentException">The repository, branch or folder cannot be used.</exception>
    public static OxenMediaRepository? FromOptions(OxenClientOptions options)
    {
        var branch = options.MediaBranch?.Trim() ?? string.Empty;
        if (PathProblem(branch, allowEmpty: false) is { } branchProblem)
        {
            throw new ArgumentException(
                $"OxenClientOptions.MediaBranch '{branch}' {branchProblem}; allowed: a branch name such as 'main'.",
                nameof(options));
        }

        var folder = (options.MediaFolder ?? string.Empty).Trim().Trim('/');
        if (PathProblem(folder, allowEmpty: true) is { } folderProblem)
        {
            throw new ArgumentException(
                $"OxenClientOptions.MediaFolder '{options.MediaFolder}' {folderProblem}; allowed: a folder such as "
                + "'oxen-video-inputs' or 'inputs/2026', or empty for the repository's root.",
                nameof(options));
        }

        if (options.ResolveMediaRepository() is not { } text)
        {
            return null;
        }

        if (!IsRepositoryName(text))
        {
            var source = string.IsNullOrWhiteSpace(options.MediaRepository)
                ? $"The environment variable {OxenClientOptions.MediaRepositoryEnvironmentVariable}"
                : "OxenClientOptions.MediaRepository";
            throw new ArgumentException(
                $"{source} is '{text}'; allowed: \"namespace/repo\" (one slash; letters, digits, '-', '_' and '.'), "
                + "e.g. \"my-team/video-inputs\".",
                nameof(options));
        }

        var parts = text.Split('/');
        return new OxenMediaRepository(parts[0], parts[1], branch, folder);
    }

    /// <summary>The path of a file in the repository: <c>{folder}/{name}</c>.</summary>
    public string PathOf(string fileName) => Folder.Length == 0 ? fileName : Folder + "/" + fileName;

    /// <summary><c>api/repos/{ns}/{repo}/file/{branch}/{path}</c>, each segment escaped.</summary>
    public string FileApiPath(string path) =>
        $"api/repos/{Uri.EscapeDataString(Namespace)}/{Uri.EscapeDataString(Name)}/file/"
        + $"{EscapePath(Branch)}/{EscapePath(path)}";

    /// <summary>For log lines and messages: <c>ns/repo@branch:path</c>.</summary>
    public string Describe(string path) => $"{Namespace}/{Name}@{Branch}:{path}";

    public override string ToString() => $"{Namespace}/{Name}";

    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary><c>namespace/name</c>: one slash; letters, digits, '-', '_' and '.', not starting with '.'.</summary>
    public static bool IsRepositoryName(string text) => text.Split('/') is [var ns, var name] && IsName(ns) && IsName(name);

    private static bool IsName(string part) =>
        part.Length > 0 && part[0] != '.' && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string? PathProblem(string path, bool allowEmpty)
    {
        if (path.Length == 0)
        {
            return allowEmpty ? null : "is empty";
        }

        if (path.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '\\' or '?' or '#' or '%'))
        {
            return "holds whitespace, a control character, '\\', '?', '#' or '%'";
        }

        return path.Split('/').Any(s => s.Length == 0 || s is "." or "..")
            ? "has an empty, '.' or '..' segment"
            : null;
    }
}
