namespace Oxen.Video;

/// <summary>
/// The URLs this client already uploaded content to, by SHA-256: a client never asks the hub about, nor uploads,
/// the same content twice. Bounded (least recently used out), since a long-lived client may see many files.
/// </summary>
internal sealed class OxenMediaUploadCache(int capacity)
{
    /// <summary>The default bound: 1,024 URLs (about 200 KB).</summary>
    public const int DefaultCapacity = 1024;

    private readonly Dictionary<string, LinkedListNode<(string Sha256, string Url)>> _entries =
        new(StringComparer.Ordinal);
    private readonly LinkedList<(string Sha256, string Url)> _order = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(string sha256, out string url)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(sha256, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                url = node.Value.Url;
                return true;
            }
        }

        url = string.Empty;
        return false;
    }

    public void Add(string sha256, string url)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(sha256, out var existing))
            {
                _order.Remove(existing);
            }
            else if (_entries.Count >= capacity && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _entries.Remove(oldest.Value.Sha256);
            }

            var node = _order.AddFirst((sha256, url));
            _entries[sha256] = node;
        }
    }
}
