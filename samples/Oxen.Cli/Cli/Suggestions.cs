namespace Oxen.Cli.Cli;

/// <summary>"did you mean ...?": the nearest names by edit distance, case-insensitively.</summary>
internal static class Suggestions
{
    /// <summary>Up to <paramref name="count"/> candidates near <paramref name="typed"/>, nearest first.</summary>
    /// <remarks>
    /// A candidate is near when its edit distance is small (a typo: <c>--promt</c>), or when it holds every
    /// dash-separated part typed (a fragment of a long id: <c>kling-2-6-pro</c>).
    /// </remarks>
    public static IReadOnlyList<string> Nearest(string typed, IEnumerable<string> candidates, int count = 3)
    {
        var lowered = typed.ToLowerInvariant();
        var parts = Parts(lowered);
        var ranked = candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c =>
            {
                var candidate = c.ToLowerInvariant();
                var candidateParts = Parts(candidate);
                var missing = parts.Count(p => !candidateParts.Any(cp => cp.Contains(p, StringComparison.Ordinal)));
                return (Name: c, Missing: missing, Distance: Levenshtein(lowered, candidate));
            })
            .Where(c => c.Distance <= Math.Max(2, lowered.Length / 3) || (c.Missing == 0 && parts.Length > 1))
            .OrderBy(c => c.Missing)
            .ThenBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

        // A plain typo (one or two letters off) names its one fix, not its neighbours too.
        if (ranked.Count > 0 && ranked[0].Distance <= 2)
        {
            ranked = ranked.Where(c => c.Distance <= ranked[0].Distance + 1).ToList();
        }

        return ranked.Take(count).Select(c => c.Name).ToList();
    }

    /// <summary><c>; did you mean a, b or c?</c>, or nothing when no candidate is near.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates)
    {
        var nearest = Nearest(typed, candidates);
        return nearest.Count switch
        {
            0 => "",
            1 => $"; did you mean {nearest[0]}?",
            _ => $"; did you mean {string.Join(", ", nearest.Take(nearest.Count - 1))} or {nearest[^1]}?",
        };
    }

    private static string[] Parts(string name) => name.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries);

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
