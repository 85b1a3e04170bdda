namespace Oxen.Video.Testing;

/// <summary>
/// The repositories of the emulated repository file API, in memory and bounded by a total byte limit. One lock
/// guards it all: creations, commits and reads are short (no I/O under the lock: bytes arrive before a commit).
/// </summary>
internal sealed class EmulatorRepositoryStore(long maxBytes)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Repository> _repositories = new(StringComparer.Ordinal);
    private long _storedBytes;

    internal enum CommitOutcome
    {
        Stored,
        NoRepository,
        OverLimit,
    }

    /// <summary>Bytes stored now, every repository together.</summary>
    public long StoredBytes
    {
        get
        {
            lock (_gate)
            {
                return _storedBytes;
            }
        }
    }

    public long MaxBytes { get; } = maxBytes;

    /// <summary>Creates a repository; false when one of that name exists already.</summary>
    public bool TryCreate(string owner, string name, string? description, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _repositories.TryAdd(Key(owner, name), new Repository(owner, name, description, now));
        }
    }

    public bool Exists(string owner, string name)
    {
        lock (_gate)
        {
            return _repositories.ContainsKey(Key(owner, name));
        }
    }

    public EmulatorBlob? Find(string owner, string name, string branch, string path)
    {
        lock (_gate)
        {
            return _repositories.TryGetValue(Key(owner, name), out var repository)
                && repository.Branches.TryGetValue(branch, out var files)
                && files.TryGetValue(path, out var blob) ? blob : null;
        }
    }

    /// <summary>Whether <paramref name="path"/> is a folder of the branch (some file lies under it).</summary>
    public bool IsFolder(string owner, string name, string branch, string path)
    {
        var prefix = path.TrimEnd('/') + "/";
        lock (_gate)
        {
            return _repositories.TryGetValue(Key(owner, name), out var repository)
                && repository.Branches.TryGetValue(branch, out var files)
                && files.Keys.Any(p => p.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Stores every file in one commit (a branch is created by its first commit), replacing files at the same
    /// paths; nothing is stored when the total would go over <see cref="MaxBytes"/>.
    /// </summary>
    public CommitOutcome Commit(
        string owner, string name, string branch, IReadOnlyList<(string Path, EmulatorBlob Blob)> files)
    {
        lock (_gate)
        {
            if (!_repositories.TryGetValue(Key(owner, name), out var repository))
            {
                return CommitOutcome.NoRepository;
            }

            if (!repository.Branches.TryGetValue(branch, out var existing))
            {
                existing = new Dictionary<string, EmulatorBlob>(StringComparer.Ordinal);
                repository.Branches[branch] = existing;
            }

            // Two parts for one path: the last wins, and only it counts.
            var incoming = new Dictionary<string, EmulatorBlob>(StringComparer.Ordinal);
            foreach (var (path, blob) in files)
            {
                incoming[path] = blob;
            }

            var after = _storedBytes;
            foreach (var (path, blob) in incoming)
            {
                after += blob.Length - (existing.TryGetValue(path, out var old) ? old.Length : 0);
            }

            if (after > MaxBytes)
            {
                return CommitOutcome.OverLimit;
            }

            foreach (var (path, blob) in incoming)
            {
                existing[path] = blob;
            }

            _storedBytes = after;
            return CommitOutcome.Stored;
        }
    }

    private static string Key(string owner, string name) => owner + "/" + name;

    private sealed class Repository(string owner, string name, string? description, DateTimeOffset createdAt)
    {
        public string Owner { get; } = owner;

        public string Name { get; } = name;

        public string? Description { get; } = description;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public Dictionary<string, Dictionary<string, EmulatorBlob>> Branches { get; } = new(StringComparer.Ordinal);
    }
}
