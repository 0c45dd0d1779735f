using System.Collections.Immutable;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Domain.Calendar;

namespace FrontDesk.Tests.Component.Store.Calendar;

public sealed class CalendarReducersTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);
    private static readonly DateTimeOffset DayStart = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DayEnd = DayStart.AddDays(1);
    private static readonly Guid Provider1 = Guid.NewGuid();
    private static readonly Guid Provider2 = Guid.NewGuid();

    private static AppointmentView Appointment(Guid? id = null, int hour = 10, int version = 0, AppointmentStatus status = AppointmentStatus.Booked, Guid? provider = null, DateTimeOffset? day = null)
    {
        var start = (day ?? DayStart).AddHours(hour);
        return new AppointmentView(
            id ?? Guid.NewGuid(), Guid.NewGuid(), "Jane Cooper", Guid.NewGuid(), "Swedish massage 60", "Massage", provider ?? Provider1, "Alex Morgan",
            start, start.AddHours(1), status, 60m, "GBP", string.Empty, null, null, null, version);
    }

    /// <summary>A state showing the day, loaded, holding <paramref name="appointments"/>.</summary>
    private static CalendarState Showing(params AppointmentView[] appointments) =>
        CalendarState.Initial with
        {
            Date = Day,
            RangeStart = DayStart,
            RangeEnd = DayEnd,
            LoadRequest = 1,
            Appointments = appointments.ToImmutableDictionary(a => a.Id),
        };

    private static LiveBatchReceived Live(AppointmentView appointment, AppointmentChange change = AppointmentChange.Booked) =>
        new([new AppointmentChanged(appointment, change, DayStart, "Second desk")]);

    [Fact]
    public void ShowRange_FromInitial_SetsRangeAndLoadingAndBumpsLoadRequest()
    {
        var before = CalendarState.Initial with { Error = "old failure" };

        var after = CalendarReducers.Reduce(before, new ShowRange(Day, CalendarViewKind.Week, DayStart, DayStart.AddDays(7)));

        Assert.Equal(Day, after.Date);
        Assert.Equal(CalendarViewKind.Week, after.View);
        Assert.Equal(DayStart, after.RangeStart);
        Assert.Equal(DayStart.AddDays(7), after.RangeEnd);
        Assert.True(after.Loading);
        Assert.Null(after.Error);
        Assert.Equal(before.LoadRequest + 1, after.LoadRequest);
    }

    [Fact]
    public void AppointmentsLoaded_ForCurrentRequest_ReplacesAppointmentsAndStopsLoading()
    {
        var loading = CalendarReducers.Reduce(Showing(), new ShowRange(Day, CalendarViewKind.Day, DayStart, DayEnd));
        var a = Appointment();

        var after = CalendarReducers.Reduce(loading, new AppointmentsLoaded(loading.LoadRequest, [a]));

        Assert.False(after.Loading);
        Assert.Equal(a, Assert.Single(after.Appointments.Values));
    }

    [Fact]
    public void AppointmentsLoaded_FromStaleRequest_IsIgnored()
    {
        var first = CalendarReducers.Reduce(Showing(), new ShowRange(Day, CalendarViewKind.Day, DayStart, DayEnd));
        var second = CalendarReducers.Reduce(first, new ShowRange(Day.AddDays(1), CalendarViewKind.Day, DayEnd, DayEnd.AddDays(1)));

        var after = CalendarReducers.Reduce(second, new AppointmentsLoaded(first.LoadRequest, [Appointment()]));

        Assert.Same(second, after);
        Assert.True(after.Loading);
        Assert.Empty(after.Appointments);
    }

    [Fact]
    public void AppointmentsLoadFailed_FromStaleRequest_IsIgnored()
    {
        var first = CalendarReducers.Reduce(Showing(), new ShowRange(Day, CalendarViewKind.Day, DayStart, DayEnd));
        var second = CalendarReducers.Reduce(first, new Reload());

        var stale = CalendarReducers.Reduce(second, new AppointmentsLoadFailed(first.LoadRequest, "boom"));
        var current = CalendarReducers.Reduce(second, new AppointmentsLoadFailed(second.LoadRequest, "boom"));

        Assert.Null(stale.Error);
        Assert.Equal("boom", current.Error);
        Assert.False(current.Loading);
    }

    [Fact]
    public void AppointmentChanged_InsideRange_Upserts()
    {
        var known = Appointment(version: 0);
        var state = Showing(known);
        var checkedIn = known with { Status = AppointmentStatus.CheckedIn, Version = 1 };
        var booked = Appointment(hour: 14);

        var after = CalendarReducers.Reduce(state, Live(checkedIn, AppointmentChange.CheckedIn));
        after = CalendarReducers.Reduce(after, Live(booked));

        Assert.Equal(AppointmentStatus.CheckedIn, after.Appointments[known.Id].Status);
        Assert.Equal(booked, after.Appointments[booked.Id]);
    }

    [Fact]
    public void AppointmentChanged_MovedOutsideRange_Removes()
    {
        var known = Appointment();
        var movedToTomorrow = known with { Start = known.Start.AddDays(1), End = known.End.AddDays(1), Version = 1 };

        var after = CalendarReducers.Reduce(Showing(known), Live(movedToTomorrow, AppointmentChange.Moved));

        Assert.False(after.Appointments.ContainsKey(known.Id));
    }

    [Fact]
    public void AppointmentChanged_OutsideRangeAndUnknown_LeavesStateUnchanged()
    {
        var state = Showing(Appointment());

        var after = CalendarReducers.Reduce(state, Live(Appointment(day: DayEnd.AddDays(3))));

        Assert.Same(state, after);
    }

    [Fact]
    public void AppointmentChanged_OlderVersion_NeverOverwritesNewer()
    {
        var newer = Appointment(version: 3, status: AppointmentStatus.Completed);
        var older = newer with { Version = 2, Status = AppointmentStatus.CheckedIn };

        var after = CalendarReducers.Reduce(Showing(newer), Live(older, AppointmentChange.CheckedIn));

        Assert.Equal(newer, after.Appointments[newer.Id]);
    }

    [Fact]
    public void AppointmentChanged_OlderVersionMovedOutOfRange_DoesNotRemoveNewer()
    {
        var newer = Appointment(version: 2);
        var olderElsewhere = newer with { Start = newer.Start.AddDays(2), End = newer.End.AddDays(2), Version = 1 };

        var after = CalendarReducers.Reduce(Showing(newer), Live(olderElsewhere, AppointmentChange.Moved));

        Assert.Equal(newer, after.Appointments[newer.Id]);
    }

    [Fact]
    public void AppointmentsLoaded_OlderThanLiveChangeDuringLoad_KeepsNewerVersion()
    {
        // The load read version 0; while it ran, the feed brought version 1 (checked in).
        var loading = CalendarReducers.Reduce(Showing(), new Reload());
        var readByLoad = Appointment(version: 0);
        var checkedIn = readByLoad with { Status = AppointmentStatus.CheckedIn, Version = 1 };
        var live = CalendarReducers.Reduce(loading, Live(checkedIn, AppointmentChange.CheckedIn));

        var after = CalendarReducers.Reduce(live, new AppointmentsLoaded(loading.LoadRequest, [readByLoad]));

        Assert.Equal(AppointmentStatus.CheckedIn, after.Appointments[readByLoad.Id].Status);
        Assert.False(after.Loading);
    }

    [Fact]
    public void AppointmentsLoaded_BookingArrivedDuringLoadButNotRead_KeepsTheBooking()
    {
        // The load read the day before another desk's booking committed; the booking arrived live meanwhile.
        var loading = CalendarReducers.Reduce(Showing(), new Reload());
        var readByLoad = Appointment(hour: 9);
        var bookedMeanwhile = Appointment(hour: 11);
        var live = CalendarReducers.Reduce(loading, Live(bookedMeanwhile));

        var after = CalendarReducers.Reduce(live, new AppointmentsLoaded(loading.LoadRequest, [readByLoad]));

        Assert.Equal([readByLoad, bookedMeanwhile], after.Visible);
        Assert.Empty(after.ArrivedWhileLoading);
    }

    [Fact]
    public void AppointmentsLoaded_MovedOutOfRangeDuringLoad_DropsWhatTheLoadRead()
    {
        var known = Appointment(version: 0);
        var loading = CalendarReducers.Reduce(Showing(known), new Reload());
        var movedToTomorrow = known with { Start = known.Start.AddDays(1), End = known.End.AddDays(1), Version = 1 };
        var live = CalendarReducers.Reduce(loading, Live(movedToTomorrow, AppointmentChange.Moved));

        var after = CalendarReducers.Reduce(live, new AppointmentsLoaded(loading.LoadRequest, [known]));

        Assert.Empty(after.Appointments);
    }

    [Fact]
    public void AppointmentChanged_WhileNotLoading_IsAppliedWithoutBeingKeptForALoad()
    {
        var booked = Appointment();

        var after = CalendarReducers.Reduce(Showing(), Live(booked));

        Assert.Equal(booked, after.Appointments[booked.Id]);
        Assert.Empty(after.ArrivedWhileLoading);
    }

    [Fact]
    public void FilterProvider_SetsFilterAndVisibleShowsOnlyThatProvider()
    {
        var mine = Appointment(provider: Provider1);
        var theirs = Appointment(provider: Provider2, hour: 11);

        var filtered = CalendarReducers.Reduce(Showing(mine, theirs), new FilterProvider(Provider2));
        var cleared = CalendarReducers.Reduce(filtered, new FilterProvider(null));

        Assert.Equal(Provider2, filtered.ProviderFilter);
        Assert.Equal([theirs], filtered.Visible);
        Assert.Equal(2, filtered.Appointments.Count);
        Assert.Equal([mine, theirs], cleared.Visible);
    }

    [Fact]
    public void AppointmentSaved_InsideRange_ShowsResultAtOnce()
    {
        var known = Appointment();
        var saved = known with { Status = AppointmentStatus.NoShow, Version = 1 };

        var after = CalendarReducers.Reduce(Showing(known), new AppointmentSaved(saved));

        Assert.Equal(saved, after.Appointments[known.Id]);
    }

    [Fact]
    public void AppointmentSaved_AfterNewerLiveEcho_KeepsNewer()
    {
        var known = Appointment();
        var saved = known with { Status = AppointmentStatus.CheckedIn, Version = 1 };
        var newerFromOtherDesk = saved with { Status = AppointmentStatus.Completed, Version = 2 };
        var state = CalendarReducers.Reduce(Showing(known), Live(newerFromOtherDesk, AppointmentChange.CheckedOut));

        var after = CalendarReducers.Reduce(state, new AppointmentSaved(saved));

        Assert.Equal(newerFromOtherDesk, after.Appointments[known.Id]);
    }

    [Fact]
    public void LiveBatchReceived_ResyncRequired_LeavesStateUnchanged()
    {
        var state = Showing(Appointment());

        var after = CalendarReducers.Reduce(state, new LiveBatchReceived([new ResyncRequired(DayStart)]));

        Assert.Same(state, after);
    }
}
