namespace FrontDesk.Tests.Unit.Dashboard.Support;

/// <summary>
/// A TimeProvider the test moves by hand (Microsoft.Extensions.TimeProvider.Testing does not
/// restore here). Timers are not faked: nothing under test waits on one.
/// </summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
