using System.Diagnostics;

namespace Oxen.Video.LoadTests;

/// <summary>
/// A clock that runs <c>factor</c> times faster than the system's: the client's waits (poll intervals, the
/// event-stream safety poll) shrink by that factor while its options keep their default values. Paired with
/// emulator delays shrunk by the same factor, a 60 s job takes 30 s at ×2 and sees the same sequence of polls.
/// </summary>
internal sealed class AcceleratedTimeProvider(double factor) : TimeProvider
{
    private readonly long _originTimestamp = Stopwatch.GetTimestamp();
    private readonly DateTimeOffset _originUtc = DateTimeOffset.UtcNow;

    public double Factor => factor;

    public override long GetTimestamp() => _originTimestamp + (long)((Stopwatch.GetTimestamp() - _originTimestamp) * factor);

    public override DateTimeOffset GetUtcNow() =>
        _originUtc + TimeSpan.FromTicks((long)((DateTimeOffset.UtcNow - _originUtc).Ticks * factor));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Shrink(dueTime), Shrink(period)), this);

    private TimeSpan Shrink(TimeSpan value) =>
        value == Timeout.InfiniteTimeSpan || value <= TimeSpan.Zero ? value : TimeSpan.FromTicks(Math.Max(1, (long)(value.Ticks / factor)));

    private sealed class ScaledTimer(ITimer inner, AcceleratedTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Shrink(dueTime), clock.Shrink(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
