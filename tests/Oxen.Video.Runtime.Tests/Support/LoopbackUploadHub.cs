using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Oxen.Video.Runtime.Tests;

/// <summary>
/// A minimal HTTP/1.1 hub on 127.0.0.1 for measuring an upload through the real socket handler: a file HEAD is
/// 404, a PUT's body is read and thrown away (counted), an enqueue succeeds. Nothing but what a measurement needs.
/// </summary>
internal sealed class LoopbackUploadHub : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _uploadedBytes;

    public LoopbackUploadHub()
    {
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>The body bytes of every PUT received.</summary>
    public long UploadedBytes => Interlocked.Read(ref _uploadedBytes);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(TcpClient socket)
    {
        using (socket)
        {
            var stream = socket.GetStream();
            var buffer = new byte[81920];
            try
            {
                while (await ReadHeadAsync(stream) is { } head)
                {
                    var lines = head.Split("\r\n");
                    var start = lines[0].Split(' ');
                    var length = lines.Skip(1).Select(l => l.Split(':', 2))
                        .Where(p => p.Length == 2
                            && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                        .Select(p => long.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture))
                        .FirstOrDefault();
                    for (var left = length; left > 0;)
                    {
                        var chunk = buffer.AsMemory(0, (int)Math.Min(buffer.Length, left));
                        var read = await stream.ReadAsync(chunk, _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        left -= read;
                    }

                    var (status, body) = (start[0], start[1]) switch
                    {
                        ("PUT", _) => ("200 OK", "{}"),
                        ("POST", "/api/ai/queue") => ("200 OK", """{"generation_id": "gen-1", "status": "queued"}"""),
                        _ => ("404 Not Found", string.Empty),
                    };
                    if (start[0] == "PUT")
                    {
                        Interlocked.Add(ref _uploadedBytes, length);
                    }

                    var answer = $"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n"
                        + $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n"
                        + (start[0] == "HEAD" ? string.Empty : body);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
            {
            }
        }
    }

    /// <summary>The request line and headers, or null when the connection closed.</summary>
    private async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>(512);
        var one = new byte[1];
        while (head.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return null;
            }

            head.Add(one[0]);
            if (head.Count >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
            {
                return Encoding.ASCII.GetString(head.ToArray(), 0, head.Count - 4);
            }
        }

        return null;
    }
}
