using System.Diagnostics;

namespace Oxen.Video.LoadTests;

/// <summary>
/// For the batch scenario: timers and timestamps run <c>factor</c> times faster (poll intervals, the stream's
/// safety poll and retry waits shrink with the emulator's delays), while <see cref="GetUtcNow"/> stays the wall
/// clock, because the batch compares its journal's send times with the hub's <c>enqueued_at</c> (wall clock) when it
/// reconciles a line left in <c>sending</c>.
/// </summary>
internal sealed class BatchClock(double factor) : TimeProvider
{
    private readonly long _originTimestamp = Stopwatch.GetTimestamp();

    public override long GetTimestamp() => _originTimestamp + (long)((Stopwatch.GetTimestamp() - _originTimestamp) * factor);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Shrink(dueTime), Shrink(period)), this);

    private TimeSpan Shrink(TimeSpan value) =>
        value == Timeout.InfiniteTimeSpan || value <= TimeSpan.Zero ? value : TimeSpan.FromTicks(Math.Max(1, (long)(value.Ticks / factor)));

    private sealed class ScaledTimer(ITimer inner, BatchClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Shrink(dueTime), clock.Shrink(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
