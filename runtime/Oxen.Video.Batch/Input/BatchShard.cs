using System.Globalization;
using System.Text;

namespace Oxen.Video.Batch;

/// <summary>
/// One of <see cref="Count"/> parts of a batch (<c>--shard 2/3</c>), so several machines run one file, each with its
/// own journal. A line belongs to the shard chosen by a stable hash (FNV-1a) of its key: the split is the same on
/// every machine and every run, and editing other lines does not move a line with a key of its own.
/// </summary>
/// <param name="Index">The 1-based shard number.</param>
/// <param name="Count">How many shards there are.</param>
public readonly record struct BatchShard(int Index, int Count)
{
    /// <summary>The whole batch, one shard.</summary>
    public static BatchShard All { get; } = new(1, 1);

    /// <summary>Parses <c>i/n</c> (1 ≤ i ≤ n).</summary>
    /// <exception cref="FormatException">The text is not <c>i/n</c> with 1 ≤ i ≤ n.</exception>
    public static BatchShard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new BatchShard(index, count);
        }

        throw new FormatException($"Shard '{text}' is not i/n with 1 <= i <= n (e.g. 1/3, 2/3, 3/3).");
    }

    /// <summary>Whether the line with this key belongs to this shard.</summary>
    public bool Contains(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Count <= 1 || (int)(Hash(key) % (uint)Count) == Index - 1;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";

    private static uint Hash(string key)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
