namespace Oxen.Cli;

/// <summary>
/// The words and <c>--name value</c> options of a command line. Options may repeat (array parameters); a flag
/// with no value (the next word is another option, or nothing) reads as <c>true</c>.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private CliArguments(List<string> words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var words = new List<string>();
        var parsed = new CliArguments(words);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                words.AddRange(args.Skip(i + 1));
                break;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                words.Add(arg);
                continue;
            }

            string name, value;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = arg[2..equals];
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                value = args[++i];
            }
            else
            {
                name = arg[2..];
                value = "true";
            }

            if (!parsed._options.TryGetValue(name, out var values))
            {
                parsed._options[name] = values = [];
            }

            values.Add(value);
        }

        return parsed;
    }

    /// <summary>Takes a single-valued option (it no longer counts as a model parameter).</summary>
    public string? Take(string name)
    {
        if (!_options.TryGetValue(name, out var values))
        {
            return null;
        }

        _used.Add(name);
        if (values.Count > 1)
        {
            throw new UsageException($"--{name} is given {values.Count} times; give it once.");
        }

        return values[0];
    }

    /// <summary>The options not taken yet, in the order given.</summary>
    public IEnumerable<KeyValuePair<string, List<string>>> Remaining => _options.Where(o => !_used.Contains(o.Key));
}
