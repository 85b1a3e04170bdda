using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Oxen.Cli.Commands;
using Oxen.Video.Models;

namespace Oxen.Cli.Cli;

/// <summary>Every command and option of <c>oxen</c>, declared once: parsing, help and completion come from here.</summary>
internal static class CommandTree
{
    public const string Environment = """
        Environment: OXEN_API_KEY (use https://hub.oxen.ai), OXEN_BASE_URL (another hub, e.g. one of 'oxen hub serve');
        with neither, a local hub emulator runs in-process (offline). OXEN_MEDIA_REPO: where local media over 4 MiB are
        uploaded (as --media-repo). NO_COLOR: plain output.
        """;

    public static RootCommand Build(CliContext context, OxenModelInfo? model)
    {
        var root = new RootCommand("oxen: generate videos with Oxen.ai video models.")
        {
            GenerateCommand.Create(context, model),
            ModelsCommand.Create(context),
            GenerationsCommand.Create(context),
            SchemasCommand.Create(context),
            HubCommand.Create(context),
            BatchCommand.Create(context),
        };
        root.SetAction(parse => root.Options.OfType<HelpOption>().First().Action is SynchronousCommandLineAction help ? help.Invoke(parse) : ExitCodes.Done);
        AddFooter(root, $"{Environment}\n{ExitCodes.Summary}\nShell completion (model ids, a model's allowed values): dotnet tool install -g dotnet-suggest; add its shim to your profile\n(dotnet-suggest script bash > ~/.dotnet-suggest-shim.bash, then source it from ~/.bashrc); dotnet-suggest register --command-path \"$(command -v oxen)\".");
        UseFooters(root);
        RejectOptionsAsValues(root, root.Options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal));
        return root;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Command, string> Footers = [];

    /// <summary>Text printed after a command's help, below System.CommandLine's own sections.</summary>
    public static void AddFooter(Command command, string footer) => Footers.AddOrUpdate(command, footer);

    /// <summary>One help action for every command (the help option is inherited): System.CommandLine's help, then the command's footer.</summary>
    private static void UseFooters(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().First();
        help.Action = new HelpWithFooter((HelpAction)help.Action!);
    }

    private sealed class HelpWithFooter(HelpAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            help.Invoke(parseResult);
            if (Footers.TryGetValue(parseResult.CommandResult.Command, out var footer))
            {
                parseResult.InvocationConfiguration.Output.WriteLine(footer);
            }

            return ExitCodes.Done;
        }
    }

    /// <summary>Model ids, for completion of <c>--model</c> and <c>models show</c>.</summary>
    public static IEnumerable<string> ModelIds() => OxenModels.All.Select(m => m.Id);

    /// <summary>
    /// <c>--prompt --duration 10</c>: System.CommandLine takes <c>--duration</c> as the prompt. An option's value
    /// that is another option of the command means the value was left out.
    /// </summary>
    private static void RejectOptionsAsValues(Command command, HashSet<string> inherited)
    {
        var names = command.Options.SelectMany(o => o.Aliases.Append(o.Name)).Concat(inherited).ToHashSet(StringComparer.Ordinal);
        foreach (var option in command.Options.Where(o => o.Arity.MaximumNumberOfValues > 0))
        {
            option.Validators.Add(result =>
            {
                if (result.Tokens.FirstOrDefault(t => names.Contains(t.Value)) is { } token)
                {
                    result.AddError($"{result.IdentifierToken?.Value ?? option.Name} needs a value, but the next word is the option {token.Value}.");
                }
            });
        }

        foreach (var subcommand in command.Subcommands)
        {
            RejectOptionsAsValues(subcommand, inherited);
        }
    }
}
