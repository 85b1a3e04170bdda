using System.CommandLine;
using Oxen.Cli.Cli;
using Oxen.Cli.Output;
using Oxen.Video.Models;

namespace Oxen.Cli.Commands;

/// <summary><c>oxen models list</c> and <c>oxen models show &lt;id&gt;</c>, from the generated registry.</summary>
internal static class ModelsCommand
{
    public static Command Create(CliContext context)
    {
        var list = new Command("list", "List the models, with their price per output second.");
        list.SetAction(_ =>
        {
            ModelTables.List(OxenModels.All, context.Output, context.Interactive);
            return ExitCodes.Done;
        });

        var id = new Argument<string>("id") { Description = "The model id (case-insensitive)." };
        id.CompletionSources.Add(_ => CommandTree.ModelIds().Select(m => new System.CommandLine.Completions.CompletionItem(m)));
        var show = new Command("show", "Show a model: what it is, its price, and its parameters as 'oxen generate' options.") { id };
        show.SetAction(parse =>
        {
            var text = parse.GetValue(id)!;
            var model = ModelResolver.Find(text) ?? throw new UsageException(ModelResolver.UnknownModel(text));
            ModelTables.Show(model, " (as options of 'oxen generate')", context.Output, context.Interactive);
            return ExitCodes.Done;
        });

        return new Command("models", "The models oxen knows.") { list, show };
    }
}
