using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Oxen.Video.Batch;

/// <summary>
/// <c>report.html</c>: one self-contained page (inline CSS, no script, nothing fetched from elsewhere) with the
/// totals, then one section per prompt holding a card per line, side by side by model, so the models' videos of one
/// prompt can be compared. Every text from the batch file or the hub is HTML-escaped.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:16px;background:#f6f6f4;color:#222}
        h1{font-size:20px;margin:0 0 8px}
        .totals{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 16px;padding:0;list-style:none}
        .totals li{background:#fff;border:1px solid #ddd;border-radius:6px;padding:6px 10px}
        .totals b{font-size:18px;display:block}
        section{margin:0 0 20px}
        h2{font-size:15px;margin:0 0 8px;white-space:pre-wrap;word-break:break-word}
        .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}
        .card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px;overflow:hidden}
        .card.failed{border-color:#c33;background:#fff5f5}
        .card.pending{border-color:#c90;background:#fffaf0}
        video{width:100%;background:#111;border-radius:4px;aspect-ratio:16/9}
        .model{font-weight:600;word-break:break-all}
        .inputs{display:flex;gap:4px;margin:4px 0}.inputs img,.inputs video{height:64px;max-width:30%;object-fit:cover;border-radius:3px}
        .error{color:#a00;white-space:pre-wrap;word-break:break-word}
        dl{display:grid;grid-template-columns:auto 1fr;gap:2px 8px;margin:6px 0 0;font-size:12px}
        dt{color:#666}dd{margin:0;word-break:break-word}
        """;

    public static void Write(TextWriter writer, IReadOnlyList<BatchReportEntry> entries)
    {
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        // No script at all, and the policy says so: the page can run nothing and fetch nothing from elsewhere.
        writer.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; media-src 'self' file: data:; img-src 'self' file: data:\">");
        writer.Write("<title>Oxen batch report</title><style>");
        writer.Write(Style);
        writer.Write("</style></head><body>\n<h1>Oxen batch report</h1>\n");
        WriteTotals(writer, entries);
        var groups = entries
            .GroupBy(e => PromptOf(e.Row) ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Min(e => e.Row.LineNumber));
        foreach (var group in groups)
        {
            writer.Write("<section><h2>");
            writer.Write(group.Key.Length == 0 ? "(no prompt)" : Encode(group.Key));
            writer.Write("</h2><div class=\"grid\">\n");
            foreach (var entry in group.OrderBy(e => e.Row.Model, StringComparer.Ordinal).ThenBy(e => e.Row.LineNumber))
            {
                WriteCard(writer, entry);
            }

            writer.Write("</div></section>\n");
        }

        writer.Write("</body></html>\n");
    }

    private static void WriteTotals(TextWriter writer, IReadOnlyList<BatchReportEntry> entries)
    {
        var rows = entries.Select(e => e.Row).ToList();
        var succeeded = rows.Count(r => r.State == BatchLineState.Downloaded);
        var failed = rows.Count(r => r.State == BatchLineState.Failed);
        var waiting = rows.Count - succeeded - failed;
        var known = rows.Where(r => r.EstimatedCostUsd is not null).Sum(r => r.EstimatedCostUsd!.Value);
        var unknown = rows.Count(r => r.EstimatedCostUsd is null);
        var spent = rows.Where(r => r.State == BatchLineState.Downloaded && r.EstimatedCostUsd is not null).Sum(r => r.EstimatedCostUsd!.Value);
        var processing = rows.Select(r => r.ProcessingTime).Where(t => t is not null).Select(t => t!.Value.TotalSeconds).ToList();
        writer.Write("<ul class=\"totals\">");
        Total(writer, "lines", rows.Count.ToString(CultureInfo.InvariantCulture));
        Total(writer, "succeeded", succeeded.ToString(CultureInfo.InvariantCulture));
        Total(writer, "failed", failed.ToString(CultureInfo.InvariantCulture));
        Total(writer, "not finished", waiting.ToString(CultureInfo.InvariantCulture));
        Total(writer, "estimated cost", Usd(known) + (unknown > 0 ? $" + {unknown} unknown" : string.Empty));
        Total(writer, "estimated cost of succeeded", Usd(spent));
        Total(writer, "mean processing", processing.Count > 0 ? Seconds(TimeSpan.FromSeconds(processing.Average())) : "unknown");
        writer.Write("</ul>\n");
    }

    private static void WriteCard(TextWriter writer, BatchReportEntry entry)
    {
        var row = entry.Row;
        var kind = row.State switch
        {
            BatchLineState.Downloaded => "ok",
            BatchLineState.Failed => "failed",
            _ => "pending",
        };
        writer.Write($"<div class=\"card {kind}\" id=\"line-{row.LineNumber}\">");
        if (entry.VideoLink is { } link)
        {
            // preload="none": a player is made only when one is started. With "metadata", a page of thousands of
            // lines hits Chromium's cap on media players ("too many WebMediaPlayers", a console error per video).
            writer.Write($"<video src=\"{Encode(EscapeUrlPath(link))}\" controls muted loop playsinline preload=\"none\"></video>");
        }

        if (entry.Inputs.Count > 0)
        {
            // The inputs beside the output: what the model was given, to judge what it made of it.
            writer.Write("<div class=\"inputs\">");
            foreach (var input in entry.Inputs)
            {
                var source = input.Link.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? input.Link : EscapeUrlPath(input.Link);
                writer.Write(input.IsVideo
                    ? $"<video src=\"{Encode(source)}\" title=\"{Encode(input.Field)}\" muted preload=\"none\" controls></video>"
                    : $"<img src=\"{Encode(source)}\" alt=\"{Encode(input.Field)}\" title=\"{Encode(input.Field)}\" loading=\"lazy\">");
            }

            writer.Write("</div>");
        }

        writer.Write($"<div class=\"model\">{Encode(row.Model)}</div>");
        if (row.State == BatchLineState.Failed)
        {
            writer.Write($"<div class=\"error\">Failed: {Encode(row.Error ?? "no message from the hub")}</div>");
        }
        else if (row.State != BatchLineState.Downloaded)
        {
            writer.Write($"<div class=\"error\">{(row.State == BatchLineState.Enqueued ? "Still enqueued" : "Not sent")}: run the batch again to finish it</div>");
        }

        writer.Write("<dl>");
        Item(writer, "line", row.LineNumber.ToString(CultureInfo.InvariantCulture));
        Item(writer, "key", row.Key);
        using (var body = JsonDocument.Parse(row.Body))
        {
            foreach (var property in body.RootElement.EnumerateObject())
            {
                if (!property.NameEquals("model") && !property.NameEquals("prompt"))
                {
                    var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                    Item(writer, property.Name, value);
                }
            }
        }

        Item(writer, "estimated cost", row.EstimatedCostUsd is { } cost ? Usd(cost) : "unknown");
        if (row.ChargedCostUsd is { } charged)
        {
            Item(writer, "charged", Usd(charged));
        }

        if (row.QueuedTime is { } queued)
        {
            Item(writer, "queued", Seconds(queued));
        }

        if (row.ProcessingTime is { } processing)
        {
            Item(writer, "processing", Seconds(processing));
        }

        if (row.WaitTime is { } wait)
        {
            Item(writer, "enqueue to end", Seconds(wait));
        }

        if (row.GenerationId is { } id)
        {
            Item(writer, "generation", id);
        }

        writer.Write("</dl></div>\n");
    }

    private static void Total(TextWriter writer, string name, string value) =>
        writer.Write($"<li><b>{Encode(value)}</b>{Encode(name)}</li>");

    private static void Item(TextWriter writer, string name, string value) =>
        writer.Write($"<dt>{Encode(name)}</dt><dd>{Encode(value)}</dd>");

    private static string? PromptOf(BatchJournalRow row)
    {
        using var body = JsonDocument.Parse(row.Body);
        return body.RootElement.TryGetProperty("prompt", out var prompt) && prompt.ValueKind == JsonValueKind.String ? prompt.GetString() : null;
    }

    private static string Usd(decimal value) => "$" + value.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string EscapeUrlPath(string path) => string.Join('/', path.Split('/').Select(s => s == ".." ? s : Uri.EscapeDataString(s)));

    /// <summary>HTML-escapes text (quotes too, for attributes).</summary>
    internal static string Encode(string text) => WebUtility.HtmlEncode(text);
}
