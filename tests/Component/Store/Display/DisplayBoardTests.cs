using System.Collections.Immutable;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Live.Projections;
using FrontDesk.Dashboard.Store.Display;
using FrontDesk.Domain.Calendar;

namespace FrontDesk.Tests.Component.Store.Display;

public sealed class DisplayBoardTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly ProviderView Amira = new(Guid.NewGuid(), "Amira Haddad", [], []);
    private static readonly ProviderView Ben = new(Guid.NewGuid(), "Ben Carter", [], []);

    private static AppointmentView Appointment(ProviderView provider, int hour, AppointmentStatus status, string client = "Olivia Smith", int version = 0) => new(
        Guid.NewGuid(), Guid.NewGuid(), client, Guid.NewGuid(), "Swedish massage", "Massage", provider.Id, provider.Name,
        Now.Date.AddHours(hour), Now.Date.AddHours(hour + 1), status, 60m, "GBP", "secret note", null, null, null, version);

    private static DisplayState State(params AppointmentView[] appointments) =>
        new(new BoardSnapshot(DateOnly.FromDateTime(Now.Date), appointments.ToImmutableDictionary(a => a.Id), 1), [Amira, Ben], Now, true);

    [Fact]
    public void Build_EachStatusAndTime_CountedInItsStage()
    {
        var board = DisplayBoard.Build(State(
            Appointment(Amira, 9, AppointmentStatus.Completed),
            Appointment(Amira, 10, AppointmentStatus.CheckedIn),
            Appointment(Amira, 11, AppointmentStatus.CheckedIn),
            Appointment(Amira, 12, AppointmentStatus.Booked),
            Appointment(Ben, 8, AppointmentStatus.NoShow),
            Appointment(Ben, 13, AppointmentStatus.Cancelled)));

        Assert.Equal(new BoardCounters(Upcoming: 1, CheckedIn: 1, InTreatment: 1, Completed: 1, NoShow: 1), board.Counters);
    }

    [Fact]
    public void Build_ProviderLane_ShowsNowNextAndLater()
    {
        var inTreatment = Appointment(Amira, 10, AppointmentStatus.CheckedIn);
        var next = Appointment(Amira, 11, AppointmentStatus.Booked);
        var later = Appointment(Amira, 12, AppointmentStatus.Booked);

        var lane = Assert.Single(DisplayBoard.Build(State(later, inTreatment, next)).Lanes);

        Assert.Equal(inTreatment.Id, lane.Now!.AppointmentId);
        Assert.Equal(next.Id, lane.Next!.AppointmentId);
        Assert.Equal(later.Id, Assert.Single(lane.Later).AppointmentId);
    }

    [Fact]
    public void Build_ClientNames_ShortenedToFirstNameAndInitial()
    {
        var board = DisplayBoard.Build(State(Appointment(Amira, 12, AppointmentStatus.Booked, "olivia smith-jones")));

        Assert.Equal("olivia S.", board.Lanes[0].Next!.ClientShortName);
    }

    [Fact]
    public void Build_ProviderWithoutAppointmentsToday_HasNoLane()
    {
        var board = DisplayBoard.Build(State(Appointment(Amira, 12, AppointmentStatus.Booked)));

        Assert.Equal(["Amira Haddad"], board.Lanes.Select(l => l.ProviderName));
    }

    [Fact]
    public void Fold_LiveChangesOfToday_UpsertedAndMovedOutRemoved()
    {
        var booked = Appointment(Amira, 12, AppointmentStatus.Booked);
        var snapshot = new BoardSnapshot(DateOnly.FromDateTime(Now.Date), ImmutableDictionary<Guid, AppointmentView>.Empty.Add(booked.Id, booked), 3);
        var checkedIn = booked with { Status = AppointmentStatus.CheckedIn, Version = 1 };
        var movedAway = Appointment(Ben, 9, AppointmentStatus.Booked) with { Start = Now.AddDays(2), End = Now.AddDays(2).AddHours(1) };
        var (start, end) = (Now.Date, Now.Date.AddDays(1));

        var next = TodayBoard.Fold(snapshot, [Changed(checkedIn), Changed(movedAway)], start, end);

        Assert.Equal(AppointmentStatus.CheckedIn, next.Appointments[booked.Id].Status);
        Assert.False(next.Appointments.ContainsKey(movedAway.Id));
        Assert.Equal(4, next.Revision);
    }

    [Fact]
    public void Fold_OlderVersion_DoesNotOverwriteNewer()
    {
        var newer = Appointment(Amira, 12, AppointmentStatus.CheckedIn, version: 2);
        var snapshot = new BoardSnapshot(DateOnly.FromDateTime(Now.Date), ImmutableDictionary<Guid, AppointmentView>.Empty.Add(newer.Id, newer), 1);

        var next = TodayBoard.Fold(snapshot, [Changed(newer with { Status = AppointmentStatus.Booked, Version = 1 })], Now.Date, Now.Date.AddDays(1));

        Assert.Same(snapshot, next);
    }

    [Fact]
    public void Reduce_StaleBoardRevision_Ignored()
    {
        var state = State(Appointment(Amira, 12, AppointmentStatus.Booked)) with { Board = new BoardSnapshot(DateOnly.FromDateTime(Now.Date), ImmutableDictionary<Guid, AppointmentView>.Empty, 5) };

        var next = DisplayReducers.Reduce(state, new BoardChanged(state.Board with { Revision = 4 }));

        Assert.Same(state, next);
    }

    [Fact]
    public void Reduce_ClockTicked_MovesBookedAppointmentIntoInTreatmentOnlyWhenCheckedIn()
    {
        var state = State(Appointment(Amira, 11, AppointmentStatus.CheckedIn));

        var later = DisplayReducers.Reduce(state, new ClockTicked(Now.AddHours(1).AddMinutes(5)));

        Assert.Equal(BoardStage.CheckedIn, DisplayBoard.Build(state).Lanes[0].Next!.Stage);
        Assert.Equal(BoardStage.InTreatment, DisplayBoard.Build(later).Lanes[0].Now!.Stage);
    }

    private static AppointmentChanged Changed(AppointmentView a) => new(a, AppointmentChange.CheckedIn, Now, "Desk");
}
