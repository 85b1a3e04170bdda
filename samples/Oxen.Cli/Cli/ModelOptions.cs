using System.CommandLine;
using System.Text;
using Oxen.Video.Models;

namespace Oxen.Cli.Cli;

/// <summary>One option per parameter of the chosen model, named in kebab case (<c>cfg_scale</c> → <c>--cfg-scale</c>).</summary>
internal sealed class ModelOptions
{
    private ModelOptions(OxenModelInfo model, IReadOnlyList<ModelOption> options)
    {
        Model = model;
        Options = options;
    }

    public OxenModelInfo Model { get; }

    public IReadOnlyList<ModelOption> Options { get; }

    /// <summary>The options for <paramref name="model"/>; a name taken by a command option gets a <c>--param-</c> prefix.</summary>
    public static ModelOptions Create(OxenModelInfo model, IReadOnlySet<string> reserved)
    {
        var taken = new HashSet<string>(reserved, StringComparer.Ordinal);
        var options = new List<ModelOption>();
        foreach (var parameter in model.Parameters)
        {
            var flag = "--" + Kebab(parameter.Name);
            if (taken.Contains(flag))
            {
                flag = "--param-" + Kebab(parameter.Name);
            }

            for (var n = 2; taken.Contains(flag); n++)
            {
                flag = $"--{Kebab(parameter.Name)}-{n}";
            }

            taken.Add(flag);
            options.Add(new ModelOption(parameter, flag, CreateOption(parameter, flag)));
        }

        return new ModelOptions(model, options);
    }

    /// <summary>The parameters the line gives, each with the flag typed and its values in order.</summary>
    public IEnumerable<GivenParameter> Given(ParseResult parse)
    {
        foreach (var option in Options)
        {
            // An implicit result (no token typed) is not a given parameter: nothing the user did not ask for is sent.
            if (parse.GetResult(option.Option) is not { Implicit: false } result)
            {
                continue;
            }

            var values = result.Tokens.Select(t => t.Value).ToList();
            if (values.Count == 0 && option.Parameter.Kind == OxenValueKind.Boolean)
            {
                values.Add("true");
            }

            yield return new GivenParameter(option.Parameter, option.Flag, values);
        }
    }

    /// <summary><c>cfg_scale</c>, <c>aspectRatio</c>, <c>3D mode</c> → <c>cfg-scale</c>, <c>aspect-ratio</c>, <c>3d-mode</c>.</summary>
    public static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (char.IsAsciiLetterUpper(c) && i > 0 && (char.IsAsciiLetterLower(name[i - 1]) || char.IsAsciiDigit(name[i - 1])) && text.Length > 0 && text[^1] != '-')
                {
                    text.Append('-');
                }

                text.Append(char.ToLowerInvariant(c));
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        var kebab = text.ToString().TrimEnd('-');
        return kebab.Length > 0 ? kebab : "param";
    }

    private static Option CreateOption(OxenParameterInfo parameter, string flag)
    {
        Option option = parameter.Kind switch
        {
            OxenValueKind.Array => new Option<string[]>(flag),
            OxenValueKind.Boolean => new Option<bool>(flag) { Arity = ArgumentArity.ZeroOrOne },
            _ => new Option<string>(flag),
        };
        option.Description = ParameterText.Describe(parameter);
        option.HelpName = ParameterText.ValueName(parameter);
        var completions = parameter.Kind switch
        {
            OxenValueKind.Enum => parameter.AllowedValues.Select(ParameterText.Unquote).ToArray(),
            OxenValueKind.Boolean => ["true", "false"],
            _ => [],
        };
        if (completions.Length > 0)
        {
            option.CompletionSources.Add(completions);
        }

        return option;
    }
}

/// <summary>A model parameter and its option.</summary>
internal sealed record ModelOption(OxenParameterInfo Parameter, string Flag, Option Option);

/// <summary>A parameter given on the line: the flag as declared and the values in order.</summary>
internal sealed record GivenParameter(OxenParameterInfo Parameter, string Flag, IReadOnlyList<string> Values);
