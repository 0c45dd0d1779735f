using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Live.Projections;
using FrontDesk.Dashboard.Store.Sales;

namespace FrontDesk.Tests.Component.Store.Sales;

public sealed class SalesReducersTests
{
    private static readonly DateOnly Today = new(2030, 1, 7);

    [Fact]
    public void Reduce_FirstSnapshot_Loaded()
    {
        var snapshot = SalesSnapshot.Empty with { Day = Today, Revision = 1 };

        var state = SalesReducers.Reduce(SalesState.Initial, new SalesSnapshotArrived(snapshot));

        Assert.True(state.Loaded);
        Assert.Same(snapshot, state.Snapshot);
    }

    [Fact]
    public void Reduce_OlderRevisionSameDay_Ignored()
    {
        var state = new SalesState(SalesSnapshot.Empty with { Day = Today, Revision = 7 }, true);

        var next = SalesReducers.Reduce(state, new SalesSnapshotArrived(SalesSnapshot.Empty with { Day = Today, Revision = 6 }));

        Assert.Same(state, next);
    }

    [Fact]
    public void Reduce_NewDay_ReplacesEvenWithLowerRevision()
    {
        var state = new SalesState(SalesSnapshot.Empty with { Day = Today, Revision = 7 }, true);

        var next = SalesReducers.Reduce(state, new SalesSnapshotArrived(SalesSnapshot.Empty with { Day = Today.AddDays(1), Revision = 1 }));

        Assert.Equal(Today.AddDays(1), next.Snapshot.Day);
    }

    [Fact]
    public void Describe_CheckOut_SaysWhoAndWhatWithoutContactDetails()
    {
        var appointment = new FrontDesk.Dashboard.Calendar.AppointmentView(Guid.NewGuid(), Guid.NewGuid(), "Olivia Smith", Guid.NewGuid(), "Swedish massage", "Massage",
            Guid.NewGuid(), "Amira", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1), FrontDesk.Domain.Calendar.AppointmentStatus.Completed, 60m, "GBP", "allergic", null, null, null, 3, null, null, 20m);

        var item = SalesBoard.Describe(new AppointmentChanged(appointment, AppointmentChange.CheckedOut, DateTimeOffset.UtcNow, "Front desk 2"))!;

        Assert.Equal("Front desk 2", item.Who);
        Assert.Equal("checked out Olivia Smith (Swedish massage, 40.00 GBP due)", item.What);
        Assert.DoesNotContain("allergic", item.What, StringComparison.Ordinal);
    }
}
