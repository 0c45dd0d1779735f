using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Domain.Packages;

namespace FrontDesk.Tests.Component.Store.Calendar;

/// <summary>Open drawers, profiles and the template list reload when these counters move.</summary>
public sealed class PackageRevisionReducerTests
{
    private static readonly DateTimeOffset At = new(2030, 1, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reduce_RecordChangedForClient_BumpsOnlyThatClientsRevision()
    {
        var olivia = Guid.NewGuid();
        var noah = Guid.NewGuid();

        var state = CalendarReducers.Reduce(CalendarState.Initial, Batch(new PackageRecordChangedLive(Guid.NewGuid(), olivia, LedgerKind.Hold, At, "Desk")));

        Assert.Equal(1, state.PackageRevision(olivia));
        Assert.Equal(0, state.PackageRevision(noah));
    }

    [Fact]
    public void Reduce_RecordChangedWithoutClient_BumpsEveryKnownClient()
    {
        var olivia = Guid.NewGuid();
        var state = CalendarReducers.Reduce(CalendarState.Initial, Batch(new PackageRecordChangedLive(Guid.NewGuid(), olivia, LedgerKind.Hold, At, "Desk")));

        state = CalendarReducers.Reduce(state, Batch(new PackageRecordChangedLive(Guid.NewGuid(), Guid.Empty, LedgerKind.Expire, At, "System")));

        Assert.Equal(2, state.PackageRevision(olivia));
    }

    [Fact]
    public void Reduce_TemplateChanged_BumpsTemplateRevision()
    {
        var template = new TemplateView(Guid.NewGuid(), "Massage x5", PackageKind.Course, PackageValueType.Sessions, [], [], false, 5m, 250m, "GBP", 0m, true, null, null, null,
            new RestrictionsView([], null, null, null, null, []), TemplateStatus.Active);

        var state = CalendarReducers.Reduce(CalendarState.Initial, Batch(new PackageTemplateChangedLive(template, At, "Manager")));

        Assert.Equal(1, state.TemplateRevision);
    }

    private static LiveBatchReceived Batch(LiveEvent e) => new([e]);
}
