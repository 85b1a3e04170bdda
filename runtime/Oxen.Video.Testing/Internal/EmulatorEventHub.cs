using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Oxen.Video.Testing;

/// <summary>The connected <c>/api/events</c> clients; events go to those connected now, with no replay.</summary>
internal sealed class EmulatorEventHub
{
    private readonly ConcurrentDictionary<int, Connection> _connections = new();
    private int _nextId;

    public Connection Add(HttpContext context)
    {
        var connection = new Connection(Interlocked.Increment(ref _nextId), context);
        _connections[connection.Id] = connection;
        return connection;
    }

    public void Remove(Connection connection) => _connections.TryRemove(connection.Id, out _);

    public void Publish(string eventType, string data)
    {
        var frame = $"event: {eventType}\ndata: {data}\n\n";
        foreach (var connection in _connections.Values)
        {
            connection.Frames.Writer.TryWrite(frame);
        }
    }

    /// <summary>Tells every connected handler to abort its connection (each does so on its own request thread).</summary>
    public void DropAll()
    {
        foreach (var connection in _connections.Values)
        {
            Remove(connection);
            connection.Drop.Cancel();
        }
    }

    internal sealed class Connection(int id, HttpContext context)
    {
        public int Id { get; } = id;

        public HttpContext Context { get; } = context;

        public CancellationTokenSource Drop { get; } = new();

        public Channel<string> Frames { get; } = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    }
}
