using System.Globalization;
using Oxen.Cli.Cli;
using Oxen.Video.Models;
using Spectre.Console;

namespace Oxen.Cli.Output;

/// <summary><c>models list</c> and <c>models show</c>: Spectre.Console tables on a terminal, plain aligned lines otherwise.</summary>
internal static class ModelTables
{
    public static void List(IReadOnlyList<OxenModelInfo> models, TextWriter output, bool interactive)
    {
        if (interactive)
        {
            ListTable(models, output);
        }
        else
        {
            // Plain lines, and Spectre.Console not even loaded: 'oxen models list | grep' starts fast.
            var width = models.Count == 0 ? 2 : models.Max(m => m.Id.Length);
            output.WriteLine($"{"ID".PadRight(width)}  {"PRICE",-16}  NAME");
            foreach (var model in models)
            {
                output.WriteLine($"{model.Id.PadRight(width)}  {Price(model.Pricing),-16}  {model.DisplayName}{Note(model)}");
            }
        }

        output.WriteLine($"{models.Count} models.");
    }

    private static void ListTable(IReadOnlyList<OxenModelInfo> models, TextWriter output)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "Price", "Name", "Type");
        foreach (var model in models)
        {
            table.AddRow(Markup.Escape(model.Id), Markup.Escape(Price(model.Pricing)), Markup.Escape(model.DisplayName + Note(model)), Markup.Escape(model.ModelType ?? ""));
        }

        Terminal.Create(output, interactive: true).Write(table);
    }

    public static void Show(OxenModelInfo model, string? flagsNote, TextWriter output, bool interactive)
    {
        output.WriteLine($"{model.DisplayName} ({model.Id})");
        if (model.Description is { } description)
        {
            output.WriteLine(description);
        }

        output.WriteLine($"Endpoint {model.Endpoint}; type {model.ModelType ?? "?"}; input {string.Join(", ", model.InputCapabilities)}; price {Price(model.Pricing)}; request type {model.RequestType.FullName}");
        if (model.RemovedFromDocsOn is { } removed)
        {
            output.WriteLine($"Its page left Oxen's docs on {removed}: it may no longer be served.");
        }

        var options = ModelOptions.Create(model, Commands.GenerateCommand.FixedOptionNames);
        if (!interactive)
        {
            output.WriteLine($"Parameters of {model.Id}{flagsNote}:");
            foreach (var option in options.Options)
            {
                output.WriteLine($"  {option.Flag,-26} {ParameterText.Describe(option.Parameter)}");
            }

            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Option", "Value", "Details");
        foreach (var option in options.Options)
        {
            table.AddRow(Markup.Escape(option.Flag), Markup.Escape(ParameterText.ValueName(option.Parameter)), Markup.Escape(ParameterText.Describe(option.Parameter)));
        }

        Terminal.Create(output, interactive: true).Write(table);
    }

    /// <summary>USD per output second from the cached pricing, or <c>unknown</c>.</summary>
    public static string Price(OxenModelPricing? pricing)
    {
        if (pricing is null)
        {
            return "unknown";
        }

        if (pricing.CostPerSecond is { } perSecond)
        {
            return $"${Number(perSecond)}/s" + (pricing.CostPerSecondWithAudio is { } audio && audio != perSecond ? $" (${Number(audio)}/s audio)" : "");
        }

        if (pricing.CostPerSecondByResolution is { Count: > 0 } byResolution)
        {
            return $"${Number(byResolution.Values.Min())}–{Number(byResolution.Values.Max())}/s";
        }

        return "unknown";
    }

    private static string Note(OxenModelInfo model) =>
        (RuntimeModels.IsRuntimeModel(model) ? " (not compiled in: schema read at run time)" : "")
        + (model.RemovedFromDocsOn is null ? "" : $" (left the docs {model.RemovedFromDocsOn})");

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
