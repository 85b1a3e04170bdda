using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace Oxen.Video.LoadTests;

/// <summary>The parent's handle on one emulator child process (this exe in emulator mode).</summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    private EmulatorProcess(Process process) => _process = process;

    /// <summary>The tapping proxy's address in the child (which relays to the emulator's API origin).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public int ProcessId => _process.Id;

    public static async Task<EmulatorProcess> StartAsync(EmulatorSettings settings)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(EmulatorProcess).Assembly.Location);
        }

        start.ArgumentList.Add(EmulatorHost.Switch);
        foreach (var argument in settings.ToArguments())
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator process did not start.");
        var emulator = new EmulatorProcess(process);
        _ = emulator.ReadOutputAsync();
        try
        {
            var ready = await emulator.ReadLineAsync();
            var parts = ready.Split(' ');
            if (parts is not ["READY", var address, var frequency, _])
            {
                throw new InvalidOperationException($"Unexpected first line from the emulator: {ready}");
            }

            if (long.Parse(frequency, CultureInfo.InvariantCulture) != Stopwatch.Frequency)
            {
                throw new InvalidOperationException("The emulator's Stopwatch frequency differs from this process's.");
            }

            emulator.BaseAddress = new Uri(address);
            if (!emulator.BaseAddress.IsLoopback)
            {
                throw new InvalidOperationException($"The emulator is not on loopback: {address}");
            }

            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Checks that the child's <see cref="Stopwatch"/> reads the same clock as this process's: its answer must
    /// fall between the moments the question left and the answer came back.
    /// </summary>
    /// <returns>The round trip, and whether the child's stamp fell inside it.</returns>
    public async Task<(TimeSpan RoundTrip, bool Consistent)> PingAsync()
    {
        var sent = Stopwatch.GetTimestamp();
        await SendAsync("PING");
        var answer = await ReadLineAsync();
        var received = Stopwatch.GetTimestamp();
        var stamp = answer.StartsWith("PONG ", StringComparison.Ordinal)
            ? long.Parse(answer.AsSpan(5), CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Unexpected answer to PING: {answer}");
        return (Stopwatch.GetElapsedTime(sent, received), stamp >= sent && stamp <= received);
    }

    public async Task<EmulatorStats> GetStatsAsync()
    {
        await SendAsync("STATS");
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        var completions = new Dictionary<string, long>(StringComparer.Ordinal);
        var duplicates = 0;
        while (true)
        {
            var line = await ReadLineAsync();
            if (line == "END")
            {
                return new EmulatorStats(counters, completions, duplicates);
            }

            var parts = line.Split(' ');
            switch (parts)
            {
                case ["STAT", var name, var value]:
                    counters[name] = long.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case ["COMPLETION", var id, var stamp]:
                    if (!completions.TryAdd(id, long.Parse(stamp, CultureInfo.InvariantCulture)))
                    {
                        duplicates++;
                    }

                    break;
                default:
                    throw new InvalidOperationException($"Unexpected line from the emulator: {line}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await SendAsync("QUIT");
            _process.StandardInput.Close();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Already gone.
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            // Our own child, by its handle: it did not stop when asked.
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private async Task SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
    }

    private async Task<string> ReadLineAsync()
    {
        try
        {
            return await _lines.Reader.ReadAsync().AsTask().WaitAsync(CommandTimeout);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The emulator process ended unexpectedly.");
        }
    }

    private async Task ReadOutputAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                _lines.Writer.TryWrite(line);
            }
        }
        finally
        {
            _lines.Writer.TryComplete();
        }
    }
}

/// <summary>The emulator's counters (<see cref="Testing.OxenHubCounters"/>) and the proxy's completion stamps.</summary>
internal sealed record EmulatorStats(IReadOnlyDictionary<string, long> Counters, IReadOnlyDictionary<string, long> Completions, int DuplicateCompletions)
{
    public long this[string name] => Counters.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException(name);
}
