using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Store.Calendar;

namespace FrontDesk.Tests.Component.Store.Calendar;

public sealed class CatalogRevisionReducerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LiveBatchReceived_CatalogChanged_BumpsCatalogRevision()
    {
        var state = CalendarState.Initial with { CatalogRevision = 4 };

        var after = CalendarReducers.Reduce(state, new LiveBatchReceived([new CatalogChanged(CatalogPart.Schedules, Guid.NewGuid(), At, "Manager")]));

        Assert.Equal(5, after.CatalogRevision);
    }

    [Fact]
    public void LiveBatchReceived_TwoCatalogChanges_BumpsOncePerChange()
    {
        var after = CalendarReducers.Reduce(CalendarState.Initial, new LiveBatchReceived(
        [
            new CatalogChanged(CatalogPart.Services, Guid.NewGuid(), At, "Manager"),
            new CatalogChanged(CatalogPart.Closures, null, At, "Manager"),
        ]));

        Assert.Equal(2, after.CatalogRevision);
    }

    [Fact]
    public void Reload_AfterResync_BumpsCatalogRevision()
    {
        var after = CalendarReducers.Reduce(CalendarState.Initial, new Reload());

        Assert.Equal(1, after.CatalogRevision);
    }
}
