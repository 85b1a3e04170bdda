namespace Oxen.Video;

/// <summary>How an awaited generation ended, from an event or a status poll.</summary>
internal sealed record OxenCompletion(OxenGenerationStatus Status, Uri? Url, string? Error, string? Model, OxenGeneration? Snapshot)
{
    public static OxenCompletion From(OxenGeneration snapshot) =>
        new(snapshot.Status, snapshot.ResultUrl, snapshot.ErrorMessage, snapshot.ModelName, snapshot);
}

/// <summary>
/// One awaiter on the shared event stream. It holds the stream open from the moment it is made (before the
/// enqueue), and is keyed by generation id with <see cref="Bind"/> once the id is known.
/// </summary>
internal sealed class OxenEventSubscription : IDisposable
{
    private readonly OxenEventStream _stream;
    private readonly TaskCompletionSource<OxenCompletion> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    internal OxenEventSubscription(OxenEventStream stream, Task ready)
    {
        _stream = stream;
        Ready = ready;
    }

    /// <summary>Completes once the stream's first connection attempt has ended (connected or not).</summary>
    public Task Ready { get; }

    /// <summary>The generation awaited, once bound.</summary>
    public string? Id { get; private set; }

    /// <summary>Called with each snapshot a poll fetches.</summary>
    public Action<OxenGeneration>? OnSnapshot { get; set; }

    /// <summary>Completes when the generation ends.</summary>
    public Task<OxenCompletion> Completion => _completion.Task;

    public void Bind(string id)
    {
        Id = id;
        _stream.Bind(this, id);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stream.Release(this);
        }
    }

    internal bool TryComplete(OxenCompletion completion) => _completion.TrySetResult(completion);

    internal bool TryFail(Exception exception) => _completion.TrySetException(exception);

    internal void Report(OxenGeneration snapshot)
    {
        OnSnapshot?.Invoke(snapshot);
        if (snapshot.HasCompleted)
        {
            TryComplete(OxenCompletion.From(snapshot));
        }
    }
}
