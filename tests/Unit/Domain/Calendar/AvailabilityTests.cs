using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Domain.Calendar;

/// <summary>
/// The one availability function: hours, breaks, dated exceptions, closures, resources of a
/// kind, buffers, inactive things, overrides, and the list of bookable starts. January 2030 in
/// London is on UTC, so A.At(day, hour) is also the wall-clock time there; 7 January is a Monday.
/// </summary>
public sealed class AvailabilityTests
{
    private static readonly DateOnly Tuesday = new(2030, 1, 8);
    private readonly Service _massage = A.Service("Swedish massage", 60);
    private readonly Provider _amira;

    public AvailabilityTests()
    {
        _amira = A.Provider("Amira", Weekdays(new(9, 0), new(17, 0), new TimeRange(new(12, 0), new(12, 30))), _massage);
    }

    private static IEnumerable<WorkingShift> Weekdays(TimeOnly from, TimeOnly to, params TimeRange[] breaks) =>
        A.Weekdays(from, to).Select(s => s with { Breaks = breaks });

    private static Slot At(int day, int hour, int minute = 0, int minutes = 60) => Slot.Starting(A.At(day, hour, minute), TimeSpan.FromMinutes(minutes));

    private static AvailabilityContext Context(IEnumerable<BusyPeriod>? busy = null, IEnumerable<Resource>? resources = null, IEnumerable<BusinessClosure>? closures = null, TimeZoneInfo? zone = null) =>
        AvailabilityContext.Of(zone ?? A.London, busy ?? [], resources, closures);

    private static BusyPeriod Busy(Provider provider, Slot slot, int bufferMinutes = 0, params ResourceId[] resources) =>
        new(AppointmentId.New(), provider.Id, resources, slot) { Buffer = TimeSpan.FromMinutes(bufferMinutes) };

    [Fact]
    public void Check_InsideHours_Bookable()
    {
        var verdict = Availability.Check(_massage, _amira, At(8, 10), Context());

        Assert.True(verdict.Bookable);
    }

    [Fact]
    public void Check_EndsAfterClosing_OutsideHours()
    {
        var verdict = Availability.Check(_massage, _amira, At(8, 16, 30), Context());

        Assert.Equal(AvailabilityReason.OutsideHours, verdict.Reason);
        Assert.Contains("Amira is not working", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WeekdayWithoutHours_OutsideHours()
    {
        var verdict = Availability.Check(_massage, _amira, At(12, 10), Context()); // Saturday

        Assert.Equal(AvailabilityReason.OutsideHours, verdict.Reason);
    }

    [Theory]
    [InlineData(11, 30)] // runs into the break
    [InlineData(12, 0)]  // starts in it
    [InlineData(12, 15)] // starts in it, ends after
    public void Check_OverlapsTheBreak_InBreakNamingIt(int hour, int minute)
    {
        var verdict = Availability.Check(_massage, _amira, At(8, hour, minute), Context());

        Assert.Equal(AvailabilityReason.InBreak, verdict.Reason);
        Assert.Contains("on a break 12:00-12:30", verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(11, 0)]  // ends as the break starts
    [InlineData(12, 30)] // starts as it ends
    public void Check_TouchesTheBreak_Bookable(int hour, int minute)
    {
        Assert.True(Availability.Check(_massage, _amira, At(8, hour, minute), Context()).Bookable);
    }

    [Fact]
    public void Check_DayOffException_DayOffWithReason()
    {
        _amira.SetSchedule(_amira.Shifts, [new ScheduleException(Tuesday, "Sick day")]);

        var verdict = Availability.Check(_massage, _amira, At(8, 10), Context());

        Assert.Equal(AvailabilityReason.DayOff, verdict.Reason);
        Assert.Contains("Amira is off on Tue 8 Jan (Sick day)", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DatedHoursReplaceTheWeek_OnlyThoseHoursCount()
    {
        _amira.SetSchedule(_amira.Shifts, [new ScheduleException(Tuesday, "Short day") { Hours = [new DayInterval(new(13, 0), new(15, 0))] }]);
        var context = Context();

        Assert.Equal(AvailabilityReason.OutsideHours, Availability.Check(_massage, _amira, At(8, 10), context).Reason);
        Assert.True(Availability.Check(_massage, _amira, At(8, 14), context).Bookable);
    }

    [Fact]
    public void Check_ExtraShiftOnSaturday_Bookable()
    {
        var saturday = new DateOnly(2030, 1, 12);
        _amira.SetSchedule(_amira.Shifts, [new ScheduleException(saturday, "Extra shift") { Hours = [new DayInterval(new(10, 0), new(14, 0))] }]);

        Assert.True(Availability.Check(_massage, _amira, At(12, 10), Context()).Bookable);
    }

    [Fact]
    public void Check_BusinessClosed_ClosedWithReason()
    {
        var verdict = Availability.Check(_massage, _amira, At(8, 10), Context(closures: [new BusinessClosure(Tuesday, "Staff training")]));

        Assert.Equal(AvailabilityReason.Closed, verdict.Reason);
        Assert.Contains("closed on Tue 8 Jan (Staff training)", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ClosureOnAnotherDate_Bookable()
    {
        Assert.True(Availability.Check(_massage, _amira, At(8, 10), Context(closures: [new BusinessClosure(Tuesday.AddDays(1), "Holiday")])).Bookable);
    }

    [Fact]
    public void Check_ServiceNotPerformed_NotPerformed()
    {
        var facial = A.Service("Facial", 60);

        var verdict = Availability.Check(facial, _amira, At(8, 10), Context());

        Assert.Equal(AvailabilityReason.NotPerformed, verdict.Reason);
    }

    [Fact]
    public void Check_OverrideInABreakNotPerformed_BookableNamingEveryOverriddenRule()
    {
        var facial = A.Service("Facial", 60);

        var verdict = Availability.Check(facial, _amira, At(8, 12), Context(), overrideAvailability: true);

        Assert.True(verdict.Bookable);
        Assert.Equal([AvailabilityReason.NotPerformed, AvailabilityReason.InBreak], verdict.Overridden);
    }

    [Fact]
    public void Check_OverrideWithTheProviderBusy_ProviderBusyStill()
    {
        var verdict = Availability.Check(_massage, _amira, At(8, 18), Context([Busy(_amira, At(8, 18, 30))]), overrideAvailability: true);

        Assert.Equal(AvailabilityReason.ProviderBusy, verdict.Reason);
    }

    [Fact]
    public void Check_InactiveService_InactiveEvenWithOverride()
    {
        _massage.Deactivate();

        var verdict = Availability.Check(_massage, _amira, At(8, 10), Context(), overrideAvailability: true);

        Assert.Equal(AvailabilityReason.Inactive, verdict.Reason);
    }

    [Fact]
    public void Check_InactiveProvider_Inactive()
    {
        _amira.Update(_amira.Name, null, _amira.Colour, 0, active: false);

        Assert.Equal(AvailabilityReason.Inactive, Availability.Check(_massage, _amira, At(8, 10), Context()).Reason);
    }

    [Fact]
    public void Check_OtherAppointmentsBufferNotOver_ProviderBusy()
    {
        var earlier = Busy(_amira, At(8, 9), bufferMinutes: 15); // 09:00-10:00, cleaning until 10:15

        var verdict = Availability.Check(_massage, _amira, At(8, 10), Context([earlier]));

        Assert.Equal(AvailabilityReason.ProviderBusy, verdict.Reason);
    }

    [Fact]
    public void Check_OwnBufferRunsIntoTheNextAppointment_ProviderBusy()
    {
        var laser = new Service(ServiceId.New(), "Laser", TimeSpan.FromMinutes(60), new Money(90m, "GBP"), "Laser", bufferMinutes: 15);
        var chloe = A.Provider("Chloe", null, laser);
        var next = Busy(chloe, At(8, 11));

        Assert.Equal(AvailabilityReason.ProviderBusy, Availability.Check(laser, chloe, At(8, 10), Context([next])).Reason);
        Assert.True(Availability.Check(laser, chloe, At(8, 9, 45), Context([Busy(chloe, At(8, 11, 0))])).Bookable);
    }

    [Fact]
    public void Check_OneOfTwoRoomsFree_TakesTheFreeOne()
    {
        var room1 = new Resource(ResourceId.New(), "Room 1", ResourceKind.Room);
        var room2 = new Resource(ResourceId.New(), "Room 2", ResourceKind.Room);
        var facial = A.Service("Facial", 60, 50m, room1.Id, room2.Id);
        var chloe = A.Provider("Chloe", null, facial);
        var ben = A.Provider("Ben", null, facial);

        var verdict = Availability.Check(facial, chloe, At(8, 10), Context([Busy(ben, At(8, 10), 0, room1.Id)], [room1, room2]));

        Assert.True(verdict.Bookable);
        Assert.Equal([room2.Id], verdict.Resources);
    }

    [Fact]
    public void Check_TheOnlyMachineTaken_ResourceTakenNamingItAndWhen()
    {
        var machine = new Resource(ResourceId.New(), "Laser machine", ResourceKind.Machine);
        var laser = new Service(ServiceId.New(), "Laser", TimeSpan.FromMinutes(30), new Money(90m, "GBP"), "Laser", [], [machine.Id], bufferMinutes: 15);
        var chloe = A.Provider("Chloe", null, laser);
        var farah = A.Provider("Farah", null, laser);
        var taken = Busy(farah, At(8, 10, 0, 30), 15, machine.Id);

        var verdict = Availability.Check(laser, chloe, At(8, 10), Context([taken], [machine]));

        Assert.Equal(AvailabilityReason.ResourceTaken, verdict.Reason);
        Assert.Equal("The Laser machine (Machine) is taken 10:00-10:45 by another appointment.", verdict.Message);
    }

    [Fact]
    public void Check_RoomAndMachineNeeded_TakesOneOfEachKind()
    {
        var machine = new Resource(ResourceId.New(), "Laser machine", ResourceKind.Machine);
        var room1 = new Resource(ResourceId.New(), "Room 1", ResourceKind.Room);
        var room2 = new Resource(ResourceId.New(), "Room 2", ResourceKind.Room);
        var laser = A.Service("Laser", 60, 90m, machine.Id, room1.Id, room2.Id);
        var chloe = A.Provider("Chloe", null, laser);

        var verdict = Availability.Check(laser, chloe, At(8, 10), Context(resources: [machine, room1, room2]));

        Assert.Equal([machine.Id, room1.Id], verdict.Resources);
    }

    [Fact]
    public void Check_InactiveRoomSkipped_TakesTheActiveOne()
    {
        var room1 = new Resource(ResourceId.New(), "Room 1", ResourceKind.Room);
        var room2 = new Resource(ResourceId.New(), "Room 2", ResourceKind.Room);
        room1.Update(room1.Name, room1.Kind, active: false);
        var facial = A.Service("Facial", 60, 50m, room1.Id, room2.Id);

        var verdict = Availability.Check(facial, A.Provider("Chloe", null, facial), At(8, 10), Context(resources: [room1, room2]));

        Assert.Equal([room2.Id], verdict.Resources);
    }

    [Fact]
    public void Check_BothRoomsTaken_ResourceTakenListingBoth()
    {
        var room1 = new Resource(ResourceId.New(), "Room 1", ResourceKind.Room);
        var room2 = new Resource(ResourceId.New(), "Room 2", ResourceKind.Room);
        var facial = A.Service("Facial", 60, 50m, room1.Id, room2.Id);
        var ben = A.Provider("Ben", null, facial);

        var verdict = Availability.Check(facial, A.Provider("Chloe", null, facial), At(8, 10), Context([Busy(ben, At(8, 10), 0, room1.Id), Busy(ben, At(8, 9, 30), 0, room2.Id)], [room1, room2]));

        Assert.Equal(AvailabilityReason.ResourceTaken, verdict.Reason);
        Assert.Equal("No room that Facial needs is free: Room 1 (Room) is taken 10:00-11:00 by another appointment; Room 2 (Room) is taken 09:30-10:30 by another appointment.", verdict.Message);
    }

    [Fact]
    public void Starts_OneProviderOnADayWithABreak_EveryQuarterThatFitsAndNoneOverlappingTheBreak()
    {
        var starts = Availability.Starts(_massage, [_amira], Tuesday, Tuesday, Context(), A.Now);

        var times = starts.Select(s => s.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(["09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45", "11:00", "12:30", "12:45", "13:00", "13:15", "13:30", "13:45", "14:00", "14:15", "14:30", "14:45", "15:00", "15:15", "15:30", "15:45", "16:00"], times);
    }

    [Fact]
    public void Starts_BeforeNow_NotListed()
    {
        var starts = Availability.Starts(_massage, [_amira], new DateOnly(2030, 1, 7), new DateOnly(2030, 1, 7), Context(), A.At(7, 15, 10));

        Assert.Equal([A.At(7, 15, 15), A.At(7, 15, 30), A.At(7, 15, 45), A.At(7, 16)], starts.Select(s => s.Start));
    }

    [Fact]
    public void Starts_AnyProvider_ListsEachProvidersFreeStartsInTimeOrder()
    {
        var ben = A.Provider("Ben", A.Weekdays(new(15, 0), new(17, 0)), _massage);
        var busy = Busy(ben, At(8, 15));

        var starts = Availability.Starts(_massage, [_amira, ben], Tuesday, Tuesday, Context([busy]), A.Now);

        var bens = starts.Where(s => s.ProviderId == ben.Id).Select(s => s.Start).ToList();
        Assert.Equal([A.At(8, 16)], bens);
        Assert.Equal(starts.OrderBy(s => s.Start).Select(s => s.Start), starts.Select(s => s.Start));
        Assert.Contains(starts, s => s.ProviderId == _amira.Id && s.Start == A.At(8, 15));
    }

    [Fact]
    public void Starts_ProviderWhoDoesNotPerformIt_NoneListed()
    {
        var facial = A.Service("Facial", 60);

        Assert.Empty(Availability.Starts(facial, [_amira], Tuesday, Tuesday, Context(), A.Now));
    }

    [Fact]
    public void Starts_CustomStep_OnThatGrid()
    {
        var starts = Availability.Starts(_massage, [_amira], Tuesday, Tuesday, Context(), A.Now, TimeSpan.FromMinutes(60));

        Assert.Equal([9, 10, 11, 13, 14, 15, 16], starts.Select(s => s.Start.Hour));
    }

    [Fact]
    public void Starts_StepNotWholeMinutes_RefusedAsInvalid()
    {
        var ex = Assert.Throws<DomainException>(() => Availability.Starts(_massage, [_amira], Tuesday, Tuesday, Context(), A.Now, TimeSpan.FromSeconds(90)));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public void Day_ClosureDayOffAndHours_StatusAndReasonForEachDate()
    {
        _amira.SetSchedule(_amira.Shifts, [new ScheduleException(Tuesday.AddDays(1), "Dentist")]);
        var closures = new Dictionary<DateOnly, BusinessClosure> { [Tuesday.AddDays(2)] = new(Tuesday.AddDays(2), "Holiday") };

        Assert.Equal(DayStatus.Working, Availability.Day(_amira, Tuesday, closures).Status);
        Assert.Equal((DayStatus.DayOff, "Dentist"), (Availability.Day(_amira, Tuesday.AddDays(1), closures).Status, Availability.Day(_amira, Tuesday.AddDays(1), closures).Reason));
        Assert.Equal(DayStatus.Closed, Availability.Day(_amira, Tuesday.AddDays(2), closures).Status);
        Assert.Equal(DayStatus.NotScheduled, Availability.Day(_amira, Tuesday.AddDays(4), closures).Status);
    }

    // ---- daylight saving time ----

    private static readonly TimeZoneInfo Santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

    private IReadOnlyList<AvailableStart> AllDayStarts(DateOnly date, TimeZoneInfo zone, int minutes = 30)
    {
        var service = A.Service("Short", minutes);
        var provider = A.Provider("Night", A.EveryDay(TimeOnly.MinValue, TimeOnly.MaxValue), service);
        return Availability.Starts(service, [provider], date, date, Context(zone: zone), new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    private static List<string> Walls(IEnumerable<AvailableStart> starts) =>
        starts.Select(s => s.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public void Starts_LondonSpringForward_SkippedHourNotOffered()
    {
        var starts = AllDayStarts(new DateOnly(2030, 3, 31), A.London);

        var walls = Walls(starts);
        Assert.DoesNotContain(walls, w => w.StartsWith("01:", StringComparison.Ordinal));
        Assert.Contains("00:45", walls);
        Assert.Contains("02:00", walls);
        Assert.Equal(new DateTimeOffset(2030, 3, 31, 2, 0, 0, TimeSpan.FromHours(1)), starts.Single(s => s.Start.Hour == 2 && s.Start.Minute == 0).Start);
        Assert.Equal(96 - 4 - 1, starts.Count); // 23:45 would run past midnight
    }

    [Fact]
    public void Starts_LondonFallBack_RepeatedHourOfferedOnceAtItsFirstOccurrence()
    {
        var starts = AllDayStarts(new DateOnly(2030, 10, 27), A.London);

        Assert.Equal(starts.Count, starts.Select(s => s.Start.UtcDateTime).Distinct().Count());
        var oneThirty = Assert.Single(starts, s => s.Start.Hour == 1 && s.Start.Minute == 30);
        Assert.Equal(TimeSpan.FromHours(1), oneThirty.Start.Offset);
        Assert.Equal(96 - 1, starts.Count);
    }

    [Fact]
    public void Starts_SantiagoSpringForward_MidnightHourNotOffered()
    {
        var starts = AllDayStarts(new DateOnly(2030, 9, 8), Santiago);

        var walls = Walls(starts);
        Assert.DoesNotContain(walls, w => w.StartsWith("00:", StringComparison.Ordinal));
        Assert.Equal("01:00", walls[0]);
    }

    [Fact]
    public void Starts_SantiagoFallBack_RepeatedElevenOClockOfferedOnce()
    {
        var starts = AllDayStarts(new DateOnly(2030, 4, 6), Santiago, minutes: 15);

        var eleven = starts.Where(s => s.Start.Hour == 23).ToList();
        Assert.Equal(["23:00", "23:15", "23:30", "23:45"], Walls(eleven));
        Assert.All(eleven, s => Assert.Equal(TimeSpan.FromHours(-3), s.Start.Offset));
    }

    [Fact]
    public void Check_SantiagoFallBackWorkingUntilARepeatedTime_CountsItsSecondOccurrence()
    {
        // 23:45 (-03:00) plus 30 minutes is 23:15 (-04:00): the clock went back, and the day's
        // 23:30 is the later one, so the provider still works then.
        var service = A.Service("Short", 30);
        var late = A.Provider("Late", A.EveryDay(new(18, 0), new(23, 30)), service);
        var start = new DateTimeOffset(2030, 4, 6, 23, 45, 0, TimeSpan.FromHours(-3));

        Assert.True(Availability.Check(service, late, Slot.Starting(start, service.Duration), Context(zone: Santiago)).Bookable);
        Assert.Equal(AvailabilityReason.OutsideHours, Availability.Check(service, late, Slot.Starting(start.AddMinutes(45), service.Duration), Context(zone: Santiago)).Reason);
    }

    [Fact]
    public void Check_LondonSpringForwardAcrossTheChange_JudgedByRealTime()
    {
        // 00:30 GMT for an hour ends at 02:30 BST: inside 00:00-03:00.
        var service = A.Service("Hour", 60);
        var night = A.Provider("Night", A.EveryDay(new(0, 0), new(3, 0)), service);

        var verdict = Availability.Check(service, night, Slot.Starting(new DateTimeOffset(2030, 3, 31, 0, 30, 0, TimeSpan.Zero), service.Duration), Context());

        Assert.True(verdict.Bookable);
    }
}
