namespace Oxen.Video;

/// <summary>
/// Polls the awaited generations while the stream is wanted: slowly while connected (a cancelled generation sends
/// no event), at the queue's growing pace while the stream cannot be had.
/// </summary>
internal static class OxenSafetyPoll
{
    public static async Task RunAsync(OxenClientOptions options, TimeProvider time, Func<bool> isConnected, OxenCatchUp catchUp, CancellationToken token)
    {
        var interval = options.PollInitialInterval;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var connected = isConnected();
                await Task.Delay(connected ? options.PollMaxInterval : interval, time, token).ConfigureAwait(false);
                interval = connected ? options.PollInitialInterval : OxenGenerationOperation.Grow(interval, options);
                if (!connected && isConnected())
                {
                    continue; // The stream came up meanwhile, and connecting already caught up.
                }

                await catchUp.RunAsync(token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped.
        }
    }
}
