using System.Text.Json;
using Oxen.Cli.Commands;
using Oxen.Video;
using Oxen.Video.Validation;

namespace Oxen.Cli;

/// <summary>The <c>oxen</c> command line: dispatches a command and maps every failure to its exit code.</summary>
internal static class OxenCli
{
    public const string Usage = """
        oxen: generate videos with Oxen.ai video models.

          oxen generate --model <id> --prompt "..." [--<param> <value> ...] [--mode sync|queue|sse] [--out file.mp4]
          oxen models list
          oxen models show <id>
          oxen generations status|wait|cancel <generation-id> [--out file.mp4]
          oxen schemas pull <id>... | --all-video [--dir schemas]
          oxen schemas diff [<id>...] [--dir schemas]     (exit 1 when a change is breaking)
          oxen schemas check [--dir schemas]

        Parameters are the model's schema names with dashes (--aspect-ratio 9:16 --duration 10); see oxen models show <id>.
        With neither OXEN_API_KEY nor OXEN_BASE_URL set, a local hub emulator runs in-process (offline).
        Exit codes: 0 done, 1 generation failed, 2 usage or validation error, 3 API or network error.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> argv, CliContext context)
    {
        try
        {
            var args = CliArguments.Parse(argv);
            return args.Words.FirstOrDefault() switch
            {
                "generate" => await GenerateCommand.RunAsync(args, context).ConfigureAwait(false),
                "models" => await ModelsCommand.RunAsync(args, context).ConfigureAwait(false),
                "generations" => await GenerationsCommand.RunAsync(args, context).ConfigureAwait(false),
                "schemas" => await SchemasCommand.RunAsync(args, context).ConfigureAwait(false),
                "help" or null when args.Words.Count <= 1 => await Help(context, ExitCodes.Done).ConfigureAwait(false),
                _ => await Help(context, ExitCodes.UsageOrValidation).ConfigureAwait(false),
            };
        }
        catch (UsageException ex)
        {
            return await Fail(context, ExitCodes.UsageOrValidation, ex.Message).ConfigureAwait(false);
        }
        catch (OxenValidationException ex)
        {
            return await Fail(context, ExitCodes.UsageOrValidation, ex.Message).ConfigureAwait(false);
        }
        catch (OxenGenerationFailedException ex)
        {
            return await Fail(context, ExitCodes.GenerationFailed, $"Generation {ex.Id} {ex.Status.ToString().ToLowerInvariant()}: {ex.ErrorMessage ?? "no message"}").ConfigureAwait(false);
        }
        catch (OxenApiException ex)
        {
            return await Fail(context, ExitCodes.ApiOrNetwork, ex.Message).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException or TimeoutException
            || (ex is TaskCanceledException && !context.CancellationToken.IsCancellationRequested))
        {
            return await Fail(context, ExitCodes.ApiOrNetwork, $"{ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
        }
    }

    private static async Task<int> Help(CliContext context, int exitCode)
    {
        await (exitCode == ExitCodes.Done ? context.Output : context.Error).WriteLineAsync(Usage).ConfigureAwait(false);
        return exitCode;
    }

    private static async Task<int> Fail(CliContext context, int exitCode, string message)
    {
        await context.Error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
        return exitCode;
    }
}
