using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Oxen.Video.Packaging.Tests;

/// <summary>
/// A hub that answers every request with one canned HTTP response and records what it was sent: for the answers the
/// emulator does not give (a body that echoes the key, a redirect elsewhere, HTML), and to count requests that must
/// never be made.
/// </summary>
internal sealed class StubHub : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _requests = [];
    private readonly string _response;
    private readonly Task _loop;

    public StubHub(int status, string body, params string[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {(HttpStatusCode)status}\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetByteCount(body);
        _response = head.Append($"Content-Type: text/plain; charset=utf-8\r\nContent-Length: {bytes}\r\nConnection: close\r\n\r\n{body}").ToString();
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>The head (request line and headers) of every request received.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[4096];
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    break;
                }

                head.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            lock (_requests)
            {
                _requests.Add(head.ToString());
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(_response), _stop.Token);
        }
    }
}
