using System.CommandLine;
using System.CommandLine.Parsing;

namespace Oxen.Cli.Cli;

/// <summary>Parse errors in the words of the flag the user typed, with the nearest names for a typo.</summary>
internal static class ParseErrors
{
    public static string Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);
        var lines = new List<string>();
        var unmatched = parse.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        foreach (var error in parse.Errors)
        {
            var line = error.SymbolResult switch
            {
                // An unknown option or word: name the nearest options or commands.
                CommandResult when unmatched.FirstOrDefault(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal)) is { } token
                    => Unrecognized(token, command, path),
                CommandResult when command.Subcommands.Count > 0 && parse.UnmatchedTokens.Count == 0
                    => $"'{path}' needs a command: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}.",
                OptionResult { Tokens.Count: 0 } option when option.Option.Arity.MinimumNumberOfValues > 0
                    => $"{option.IdentifierToken?.Value ?? option.Option.Name} needs a value.",
                OptionResult { Tokens.Count: > 1 } option when option.Option.Arity.MaximumNumberOfValues == 1
                    => $"{option.IdentifierToken?.Value ?? option.Option.Name} is given {option.Tokens.Count} times; give it once.",
                OptionResult option when !error.Message.Contains(option.IdentifierToken?.Value ?? option.Option.Name, StringComparison.Ordinal)
                    => $"{option.IdentifierToken?.Value ?? option.Option.Name} {string.Join(' ', option.Tokens.Select(t => t.Value))}: {error.Message}",
                _ => error.Message,
            };
            if (!lines.Contains(line))
            {
                lines.Add(line);
            }
        }

        // "--prompt --duration 10": once a value is missing, the words after it are not news;
        // "--promt x": the x belongs to the unknown option.
        if (lines.Any(l => l.Contains(" needs a value", StringComparison.Ordinal) || l.StartsWith("unknown option", StringComparison.Ordinal)))
        {
            lines.RemoveAll(l => l.StartsWith("unexpected word", StringComparison.Ordinal));
        }

        return string.Join('\n', lines.Select(l => "error: " + l)) + $"\nSee: {path} --help";
    }

    private static string Unrecognized(string token, Command command, string path)
    {
        if (token.StartsWith('-'))
        {
            var options = AllOptions(command).Where(o => !o.Hidden).SelectMany(o => o.Aliases.Append(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
            return $"unknown option {token} for '{path}'{Suggestions.DidYouMean(token, options)}";
        }

        if (command.Subcommands.Count > 0)
        {
            return $"unknown command '{token}' for '{path}'{Suggestions.DidYouMean(token, command.Subcommands.Select(c => c.Name))}";
        }

        return $"unexpected word '{token}' for '{path}'";
    }

    private static IEnumerable<Option> AllOptions(Command command)
    {
        for (Symbol? symbol = command; symbol is not null; symbol = symbol.Parents.FirstOrDefault())
        {
            if (symbol is Command c)
            {
                foreach (var option in c.Options.Where(o => symbol == command || o.Recursive))
                {
                    yield return option;
                }
            }
        }
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult commandResult)
            {
                names.Insert(0, commandResult.Command is RootCommand ? "oxen" : commandResult.Command.Name);
            }
        }

        return string.Join(' ', names);
    }
}
