namespace FrontDesk.Tests.Unit.Support;

/// <summary>
/// A clock the test sets by hand (Microsoft.Extensions.TimeProvider.Testing is not available
/// here). Only "now" is faked; timers still run on real time, so nothing waits on this clock.
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public void Set(DateTimeOffset now)
    {
        lock (_gate)
        {
            _now = now;
        }
    }
}
