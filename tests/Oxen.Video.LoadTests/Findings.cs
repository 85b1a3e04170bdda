namespace Oxen.Video.LoadTests;

/// <summary>The figures checked against the product's targets, informational figures, and validity problems.</summary>
internal sealed class Findings
{
    private readonly List<Row> _rows = [];
    private readonly List<string> _invalid = [];

    public IReadOnlyList<Row> Rows => _rows;

    /// <summary>Problems that make a measurement meaningless (failed generations, a clock mismatch, ...).</summary>
    public IReadOnlyList<string> Invalid => _invalid;

    public IEnumerable<Row> Missed => _rows.Where(r => r.Gated && !r.Met);

    public void Target(string name, string goal, string measured, bool met) => _rows.Add(new Row(name, goal, measured, met, Gated: true));

    public void Info(string name, string goal, string measured, bool met) => _rows.Add(new Row(name, goal, measured, met, Gated: false));

    public void Require(bool condition, string problem)
    {
        if (!condition)
        {
            _invalid.Add(problem);
        }
    }

    public void Print(TextWriter output)
    {
        var nameWidth = Math.Max(4, _rows.Max(r => r.Name.Length));
        var goalWidth = Math.Max(6, _rows.Max(r => r.Goal.Length));
        var measuredWidth = Math.Max(8, _rows.Max(r => r.Measured.Length));
        output.WriteLine($"| {"Figure".PadRight(nameWidth)} | {"Target".PadRight(goalWidth)} | {"Measured".PadRight(measuredWidth)} | Result |");
        output.WriteLine($"|{new string('-', nameWidth + 2)}|{new string('-', goalWidth + 2)}|{new string('-', measuredWidth + 2)}|--------|");
        foreach (var row in _rows)
        {
            var result = row.Gated ? (row.Met ? "met" : "MISSED") : (row.Met ? "info" : "info (over)");
            output.WriteLine($"| {row.Name.PadRight(nameWidth)} | {row.Goal.PadRight(goalWidth)} | {row.Measured.PadRight(measuredWidth)} | {result} |");
        }
    }

    internal sealed record Row(string Name, string Goal, string Measured, bool Met, bool Gated);
}
