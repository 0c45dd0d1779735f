using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Store.Calendar;

namespace FrontDesk.Tests.Component.Store.Calendar;

public sealed class CatalogRevisionReducerTests
{
    private static readonly DateTimeOffset At = new(2030, 1, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reduce_CatalogChanged_BumpsCatalogRevisionOncePerChange()
    {
        var batch = new LiveBatchReceived([
            new CatalogChanged(CatalogPart.Schedules, Guid.NewGuid(), At, "Manager"),
            new CatalogChanged(CatalogPart.Closures, null, At, "Manager"),
        ]);

        var state = CalendarReducers.Reduce(CalendarState.Initial, batch);

        Assert.Equal(2, state.CatalogRevision);
    }

    [Fact]
    public void Reduce_OtherLiveEvent_CatalogRevisionUnchanged()
    {
        var state = CalendarReducers.Reduce(CalendarState.Initial, new LiveBatchReceived([new ResyncRequired(At)]));

        Assert.Equal(0, state.CatalogRevision);
    }

    [Fact]
    public void Reduce_Reload_BumpsCatalogRevisionSoASkippedChangeIsReadAgain()
    {
        var state = CalendarReducers.Reduce(CalendarState.Initial, new Reload());

        Assert.Equal(1, state.CatalogRevision);
    }
}
