using System.Text.Json;
using Oxen.Video.Models;
using Oxen.Video.Tests.Infrastructure;

namespace Oxen.Video.Tests.Oracle;

/// <summary>
/// Every oracle case of every model, built mechanically from the registry's parameters and the schema files:
/// valid bodies (each allowed value in turn) and invalid ones (one broken rule each).
/// </summary>
internal static class OracleCatalog
{
    private static readonly Lazy<Dictionary<string, OracleCase>> Cases = new(Build);

    public static IEnumerable<OracleCase> All => Cases.Value.Values;

    public static OracleCase Get(string modelId, string name) =>
        Cases.Value.TryGetValue($"{modelId} | {name}", out var found) ? found : throw new KeyNotFoundException($"No oracle case '{modelId} | {name}'.");

    public static bool Exists(string key) => Cases.Value.ContainsKey(key);

    /// <summary>Theory rows (model, case name) for the cases with the given verdicts, without the skip list.</summary>
    public static TheoryData<string, string> Rows(Func<OracleCase, bool> predicate)
    {
        var rows = new TheoryData<string, string>();
        foreach (var c in All.Where(predicate).Where(c => !OracleKnownLimits.Entries.ContainsKey(c.Key)))
        {
            rows.Add(c.ModelId, c.Name);
        }

        return rows;
    }

    private static Dictionary<string, OracleCase> Build()
    {
        var cases = new Dictionary<string, OracleCase>(StringComparer.Ordinal);
        foreach (var file in SchemaFile.All)
        {
            var info = OxenModels.Find(file.FileName)
                ?? throw new InvalidOperationException($"schemas/{file.FileName}.json has no generated model.");
            var model = new ModelCases(file, info);
            var validBodies = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in model.Valid().Where(c => validBodies.Add(c.Body)).Concat(model.Invalid()))
            {
                if (!cases.TryAdd(c.Key, c))
                {
                    throw new InvalidOperationException($"Two oracle cases are named '{c.Key}'.");
                }
            }
        }

        return cases;
    }

    /// <summary>The cases of one model.</summary>
    private sealed class ModelCases(SchemaFile file, OxenModelInfo info)
    {
        private readonly Dictionary<string, IReadOnlyList<string>> _values = info.Parameters.ToDictionary(
            p => p.Name, p => SampleValues.For(p, file.Property(p.Name)), StringComparer.Ordinal);

        private IEnumerable<OxenParameterInfo> RequiredParameters => info.Parameters.Where(p => p.IsRequired);

        public IEnumerable<OracleCase> Valid()
        {
            yield return Case("valid: required parameters only", Body(Base()), Expected.Valid);
            yield return Case("valid: every parameter, first values", Body(info.Parameters.Select(p => (p.Name, _values[p.Name][0]))), Expected.Valid);
            yield return Case("valid: every parameter, last values", Body(info.Parameters.Select(p => (p.Name, _values[p.Name][^1]))), Expected.Valid);
            foreach (var p in info.Parameters)
            {
                foreach (var value in _values[p.Name])
                {
                    yield return Case($"valid: {p.Name} = {value}", Body(Base(with: (p.Name, value))), Expected.Valid);
                }
            }
        }

        public IEnumerable<OracleCase> Invalid()
        {
            foreach (var p in info.Parameters)
            {
                var schema = file.Property(p.Name);
                var isNumber = p.Kind is OxenValueKind.Integer or OxenValueKind.Number;
                if (isNumber && p.Maximum is { } max)
                {
                    var value = SampleValues.Number(max + 1);
                    yield return Case($"invalid: {p.Name} = {value} is above the maximum", Body(Base(with: (p.Name, value))), Expected.Rejected, p.Name, [value, SampleValues.Number(max)]);
                }

                if (isNumber && p.Minimum is { } min)
                {
                    var value = SampleValues.Number(min - 1);
                    yield return Case($"invalid: {p.Name} = {value} is below the minimum", Body(Base(with: (p.Name, value))), Expected.Rejected, p.Name, [value, SampleValues.Number(min)]);
                }

                foreach (var (path, json) in BadUris(schema, p.Name))
                {
                    yield return Case($"invalid: {path} is not a URI", Body(Base(with: (p.Name, json))), Expected.ValidateRejects, path, [SampleValues.NotAUri]);
                }

                if (p.IsRequired)
                {
                    yield return Case($"invalid: required {p.Name} is missing", Body(Base(without: p.Name)), Expected.ParseRejects, p.Name, [p.Name]);
                }

                if (p.Kind == OxenValueKind.Array && schema.TryGetProperty("items", out var items) && SampleValues.TypeOf(items) == "object")
                {
                    foreach (var key in SchemaFile.RequiredOf(items))
                    {
                        var item = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(SampleValues.FromSchema(items, allProperties: true))!;
                        item.Remove(key);
                        yield return Case($"invalid: required {p.Name}[0].{key} is missing", Body(Base(with: (p.Name, $"[{JsonSerializer.Serialize(item)}]"))), Expected.ParseRejects, p.Name, [key]);
                    }
                }

                if (p.Kind == OxenValueKind.Enum)
                {
                    var bad = NotAMember(p.AllowedValues);
                    yield return Case($"invalid: {p.Name} = {bad} is not in the enum", Body(Base(with: (p.Name, bad))), Expected.ParseRejects, p.Name, [p.Name, .. p.AllowedValues]);
                }

                // An untyped (JsonElement) property can only be caught by Validate(); a typed one must fail in Parse.
                var wrong = WrongType(p);
                var wrongVerdict = p.Kind is OxenValueKind.Any or OxenValueKind.Object ? Expected.Rejected : Expected.ParseRejects;
                yield return Case($"invalid: {p.Name} = {wrong} has the wrong JSON type", Body(Base(with: (p.Name, wrong))), wrongVerdict, p.Name, [p.Name]);
                if (p.Kind == OxenValueKind.Array)
                {
                    var wrongItem = p.ItemKind == OxenValueKind.String ? "[5]" : $"[{SampleValues.Prompt}]";
                    yield return Case($"invalid: {p.Name} = {wrongItem} has an item of the wrong JSON type", Body(Base(with: (p.Name, wrongItem))), Expected.ParseRejects, p.Name, [p.Name]);
                }
            }
        }

        /// <summary>The required parameters at their first values, one left out or one (re)placed.</summary>
        private IEnumerable<(string Name, string Json)> Base(string? without = null, (string Name, string Json)? with = null)
        {
            foreach (var p in info.Parameters)
            {
                if (p.Name == with?.Name)
                {
                    yield return with.Value;
                }
                else if (p.IsRequired && p.Name != without)
                {
                    yield return (p.Name, _values[p.Name][0]);
                }
            }
        }

        private string Body(IEnumerable<(string Name, string Json)> properties) =>
            $"{{\"model\":{JsonSerializer.Serialize(info.Id)}{string.Concat(properties.Select(p => $",{JsonSerializer.Serialize(p.Name)}:{p.Json}"))}}}";

        private OracleCase Case(string name, string body, Expected expected, string? field = null, IReadOnlyList<string>? mustContain = null) =>
            new(info.Id, name, body, expected, field, mustContain);

        /// <summary>For each uri-format string under <paramref name="schema"/>: its path and a value with only that string broken.</summary>
        private static IEnumerable<(string Path, string Json)> BadUris(JsonElement schema, string path)
        {
            switch (SampleValues.TypeOf(schema))
            {
                case "string" when schema.TryGetProperty("format", out var format) && format.GetString() == "uri":
                    yield return (path, SampleValues.NotAUri);
                    break;
                case "array" when schema.TryGetProperty("items", out var items):
                    // The broken item second, so the index in the path is checked too.
                    foreach (var (itemPath, bad) in BadUris(items, path + "[1]"))
                    {
                        yield return (itemPath, $"[{SampleValues.FromSchema(items, allProperties: true)},{bad}]");
                    }

                    break;
                case "object" when schema.TryGetProperty("properties", out var properties):
                    foreach (var property in properties.EnumerateObject())
                    {
                        foreach (var (keyPath, bad) in BadUris(property.Value, $"{path}.{property.Name}"))
                        {
                            var keys = properties.EnumerateObject().Select(q =>
                                $"{JsonSerializer.Serialize(q.Name)}:{(q.Name == property.Name ? bad : SampleValues.FromSchema(q.Value, allProperties: true, name: q.Name))}");
                            yield return (keyPath, "{" + string.Join(",", keys) + "}");
                        }
                    }

                    break;
            }
        }

        /// <summary>A value of the member type that the enum does not list: 7 (or the next free integer), "3:2" for ratios.</summary>
        private static string NotAMember(IReadOnlyList<string> allowed)
        {
            var members = allowed.Select(a => JsonDocument.Parse(a).RootElement).ToList();
            if (members.Any(m => m.ValueKind == JsonValueKind.Number))
            {
                var taken = members.Where(m => m.ValueKind == JsonValueKind.Number).Select(m => m.GetDouble()).ToHashSet();
                var candidate = 7;
                while (taken.Contains(candidate))
                {
                    candidate++;
                }

                return SampleValues.Number(candidate);
            }

            return members.Any(m => m.GetString()!.Contains(':', StringComparison.Ordinal)) && !allowed.Contains("\"3:2\"")
                ? "\"3:2\""
                : "\"not-a-member\"";
        }

        /// <summary>The value with the wrong JSON type a caller is most likely to send: "5" for 5, 4 for "4".</summary>
        private string WrongType(OxenParameterInfo p)
        {
            switch (p.Kind)
            {
                case OxenValueKind.Enum:
                    var members = p.AllowedValues.Select(a => JsonDocument.Parse(a).RootElement).ToList();
                    if (members.FirstOrDefault(m => m.ValueKind == JsonValueKind.Number) is { ValueKind: JsonValueKind.Number } number)
                    {
                        return JsonSerializer.Serialize(number.GetRawText());
                    }

                    return members.Select(m => m.GetString()).FirstOrDefault(s => double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out _)) ?? "5";
                case OxenValueKind.Integer or OxenValueKind.Number:
                    return JsonSerializer.Serialize(_values[p.Name][0]);
                case OxenValueKind.Boolean:
                    return "\"true\"";
                case OxenValueKind.Array:
                    return SampleValues.Prompt;
                default:
                    return "5";
            }
        }
    }
}
