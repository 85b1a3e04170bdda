using Microsoft.Extensions.Time.Testing;

namespace Oxen.Video.Runtime.Tests;

/// <summary>Drives a <see cref="FakeTimeProvider"/> shared by a client and the emulator: time moves only when a test moves it.</summary>
internal static class FakeClock
{
    public static FakeTimeProvider Create() => new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Advances <paramref name="clock"/> by <paramref name="step"/> at a time, yielding briefly between steps so
    /// HTTP work can run, until <paramref name="done"/> holds; returns how much fake time passed.
    /// </summary>
    public static async Task<TimeSpan> AdvanceUntilAsync(this FakeTimeProvider clock, Func<bool> done, TimeSpan step, TimeSpan? limit = null)
    {
        var passed = TimeSpan.Zero;
        var max = limit ?? TimeSpan.FromHours(1);
        while (!done())
        {
            if (passed >= max)
            {
                throw new TimeoutException($"Still not done after {passed} of fake time.");
            }

            clock.Advance(step);
            passed += step;
            await Task.Delay(5);
        }

        return passed;
    }
}
