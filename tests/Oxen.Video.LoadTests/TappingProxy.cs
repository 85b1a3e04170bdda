using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Oxen.Video.LoadTests;

/// <summary>
/// A byte-for-byte TCP relay on 127.0.0.1 in front of the emulator's API origin, in the emulator's process. It
/// stamps (<see cref="Stopwatch.GetTimestamp"/>) every <c>media_generation_completed</c> frame the moment its
/// bytes arrive from the emulator, i.e. right after the emulator has written and flushed it, before they are
/// passed on to the client. The emulator has no hook of its own for that moment (see the report).
/// </summary>
/// <remarks>
/// On Linux <see cref="Stopwatch"/> reads CLOCK_MONOTONIC, one clock for every process on the machine, so these
/// stamps compare with the client process's (the harness checks that with a PING round trip).
/// </remarks>
internal sealed class TappingProxy : IAsyncDisposable
{
    private const int IdLength = 36;
    private static readonly byte[] Marker = "media_generation_completed\ndata: {\"generation_id\":\""u8.ToArray();

    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<(string Id, long Timestamp)> _completions = new();
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private Task _accepting = Task.CompletedTask;
    private int _connections;

    private TappingProxy(Uri target)
    {
        _target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        _listener = new TcpListener(IPAddress.Loopback, 0);
    }

    /// <summary>The address clients use instead of the emulator's.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Client connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Every completion frame seen, with the moment its last id byte arrived from the emulator.</summary>
    public IReadOnlyCollection<(string Id, long Timestamp)> Completions => _completions;

    public static TappingProxy Start(Uri target)
    {
        if (!IPAddress.IsLoopback(IPAddress.Parse(target.Host)))
        {
            throw new InvalidOperationException($"The emulator is not on loopback: {target}.");
        }

        var proxy = new TappingProxy(target);
        proxy._listener.Start(backlog: 1024);
        proxy._accepting = proxy.AcceptAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var socket in _open.Keys)
        {
            socket.Dispose();
        }

        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        _open[client] = 0;
        _open[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(_target, _stop.Token);
            var up = PumpAsync(client, upstream, tap: false);
            var down = PumpAsync(upstream, client, tap: true);
            await Task.WhenAll(up, down);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // One side went away, or the proxy stops.
        }
        finally
        {
            _open.TryRemove(client, out _);
            _open.TryRemove(upstream, out _);
            client.Dispose();
            upstream.Dispose();
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool tap)
    {
        var buffer = new byte[32 * 1024];
        var reader = tap ? new ResponseReader(this, buffer.Length) : null;
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                reader?.Feed(buffer.AsSpan(0, read), Stopwatch.GetTimestamp());
                for (var sent = 0; sent < read;)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, _stop.Token);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // A reset on one side ends both.
            from.Dispose();
            to.Dispose();
        }
    }

    /// <summary>
    /// Follows the HTTP/1.1 responses on one connection (headers, then a Content-Length or chunked body) and scans
    /// the de-chunked body bytes for completion frames: the emulator's chunks do not follow frame boundaries.
    /// </summary>
    private sealed class ResponseReader(TappingProxy proxy, int maxSegment)
    {
        private static readonly int Keep = Marker.Length + IdLength - 1;

        private readonly StringBuilder _line = new();
        private readonly byte[] _window = new byte[Keep + maxSegment];
        private State _state = State.Headers;
        private bool _chunked;
        private long _remaining;
        private int _carried;

        private enum State
        {
            Headers,
            ChunkSize,
            ChunkData,
            ChunkEnd,
            Trailers,
            FixedBody,
        }

        public void Feed(ReadOnlySpan<byte> data, long timestamp)
        {
            var i = 0;
            while (i < data.Length)
            {
                if (_state is State.ChunkData or State.FixedBody)
                {
                    var take = (int)Math.Min(_remaining, data.Length - i);
                    Scan(data.Slice(i, take), timestamp);
                    i += take;
                    _remaining -= take;
                    if (_remaining == 0)
                    {
                        _state = _state == State.ChunkData ? State.ChunkEnd : State.Headers;
                    }

                    continue;
                }

                var b = data[i++];
                if (b != (byte)'\n')
                {
                    _line.Append((char)b);
                    continue;
                }

                var line = _line.ToString().TrimEnd('\r');
                _line.Clear();
                OnLine(line);
            }
        }

        private void OnLine(string line)
        {
            switch (_state)
            {
                case State.Headers when line.Length == 0:
                    // The end of a response's headers (a stray empty line before a status line is ignored).
                    _state = _chunked ? State.ChunkSize : _remaining > 0 ? State.FixedBody : State.Headers;
                    _chunked = false;
                    break;
                case State.Headers when line.StartsWith("HTTP/", StringComparison.Ordinal):
                    _chunked = false;
                    _remaining = 0;
                    break;
                case State.Headers:
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    var name = colon > 0 ? line[..colon].Trim() : string.Empty;
                    var value = colon > 0 ? line[(colon + 1)..].Trim() : string.Empty;
                    if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                    {
                        _chunked = true;
                    }
                    else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        _remaining = long.Parse(value, CultureInfo.InvariantCulture);
                    }

                    break;
                case State.ChunkSize:
                    var size = long.Parse(line.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    (_state, _remaining) = size == 0 ? (State.Trailers, 0L) : (State.ChunkData, size);
                    break;
                case State.ChunkEnd:
                    _state = State.ChunkSize;
                    break;
                case State.Trailers when line.Length == 0:
                    _state = State.Headers;
                    _carried = 0;
                    break;
                default:
                    break;
            }
        }

        /// <summary>Records each marker + id that ends in <paramref name="segment"/> (the window keeps a tail of what came before).</summary>
        private void Scan(ReadOnlySpan<byte> segment, long timestamp)
        {
            segment.CopyTo(_window.AsSpan(_carried));
            var total = _carried + segment.Length;
            var bytes = _window.AsSpan(0, total);
            var position = 0;
            while (position < total)
            {
                var found = bytes[position..].IndexOf(Marker);
                if (found < 0)
                {
                    break;
                }

                var idStart = position + found + Marker.Length;
                var end = idStart + IdLength;
                if (end > total)
                {
                    break; // Completed by the next segment: the kept tail holds its start.
                }

                if (end > _carried)
                {
                    proxy._completions.Enqueue((Encoding.ASCII.GetString(bytes[idStart..end]), timestamp));
                }

                position = end;
            }

            var keep = Math.Min(total, Keep);
            bytes[(total - keep)..].CopyTo(_window);
            _carried = keep;
        }
    }
}
