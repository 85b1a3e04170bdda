using System.CommandLine;
using System.Text.Json;
using Oxen.Cli.Cli;
using Oxen.Video;
using Oxen.Video.Validation;

namespace Oxen.Cli;

/// <summary>
/// The <c>oxen</c> command line: finds the model a <c>generate</c> line names (its parameters become options),
/// parses with System.CommandLine, runs the command and maps every failure to its exit code.
/// </summary>
internal static class OxenCli
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        try
        {
            var model = await ModelResolver.ResolveAsync(args, context).ConfigureAwait(false);
            var root = CommandTree.Build(context, model);
            // No response files: '@cat.png' is a media path typed by mistake, never a list of arguments to expand.
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true })
            {
                if (model is null && parse.CommandResult.Command.Name == "generate")
                {
                    // Without --model no parameter is an option yet: that is the one thing to say.
                    throw new UsageException("--model is required (see: oxen models list); a model's parameters are options once --model names it.");
                }

                await context.Error.WriteLineAsync(ParseErrors.Describe(parse)).ConfigureAwait(false);
                return ExitCodes.UsageOrValidation;
            }

            var invocation = new InvocationConfiguration
            {
                Output = context.Output,
                Error = context.Error,
                // Failures are mapped to exit codes below; Ctrl+C is handled by Program (the token).
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parse.InvokeAsync(invocation, context.CancellationToken).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            return await Fail(context, ExitCodes.UsageOrValidation, ex.Message).ConfigureAwait(false);
        }
        catch (OxenValidationException ex)
        {
            return await Fail(context, ExitCodes.UsageOrValidation, ex.Message).ConfigureAwait(false);
        }
        catch (OxenMediaException ex)
        {
            // Nothing was enqueued. A failed upload is the hub's or the network's; anything else is the user's input.
            var exitCode = ex.InnerException is OxenApiException or HttpRequestException or TimeoutException ? ExitCodes.ApiOrNetwork : ExitCodes.UsageOrValidation;
            var hint = ex.Reason.Contains(nameof(OxenClientOptions.MediaRepository), StringComparison.Ordinal)
                ? " On the command line: --media-repo NAMESPACE/REPO (or OXEN_MEDIA_REPO)."
                : "";
            return await Fail(context, exitCode, ex.Message + hint).ConfigureAwait(false);
        }
        catch (OxenGenerationFailedException ex)
        {
            return await Fail(context, ExitCodes.GenerationFailed, $"Generation {ex.Id} {ex.Status.ToString().ToLowerInvariant()}: {ex.ErrorMessage ?? "no message"}").ConfigureAwait(false);
        }
        catch (WaitTimedOutException ex)
        {
            return await Fail(context, ExitCodes.ApiOrNetwork, ex.Message).ConfigureAwait(false);
        }
        catch (OxenApiException ex)
        {
            return await Fail(context, ExitCodes.ApiOrNetwork, ex.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("Stopped waiting; the generation goes on at the hub (see its id above).").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException or TimeoutException or UnauthorizedAccessException
            || (ex is TaskCanceledException && !context.CancellationToken.IsCancellationRequested))
        {
            return await Fail(context, ExitCodes.ApiOrNetwork, $"{ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
        }
    }

    private static async Task<int> Fail(CliContext context, int exitCode, string message)
    {
        await context.Error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
        return exitCode;
    }
}

/// <summary><c>--timeout</c> ran out: exit 3, with the id to resume when there is one.</summary>
internal sealed class WaitTimedOutException(string message) : Exception(message);
