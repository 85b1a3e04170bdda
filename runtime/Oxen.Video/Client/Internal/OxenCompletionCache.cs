using System.Collections.Concurrent;

namespace Oxen.Video;

/// <summary>
/// Completions seen for ids nobody awaits yet: an event can beat the enqueue answer to the client. Kept for a
/// couple of minutes, pruned once many have piled up.
/// </summary>
internal sealed class OxenCompletionCache(TimeProvider time)
{
    private const int PruneThreshold = 256;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, (OxenCompletion Completion, long At)> _recent = new(StringComparer.Ordinal);

    public void Remember(string id, OxenCompletion completion)
    {
        var now = time.GetTimestamp();
        _recent[id] = (completion, now);
        if (_recent.Count > PruneThreshold)
        {
            foreach (var entry in _recent)
            {
                if (time.GetElapsedTime(entry.Value.At, now) > Window)
                {
                    _recent.TryRemove(entry);
                }
            }
        }
    }

    public bool TryGet(string id, out OxenCompletion completion)
    {
        if (_recent.TryGetValue(id, out var entry))
        {
            completion = entry.Completion;
            return true;
        }

        completion = null!;
        return false;
    }
}
