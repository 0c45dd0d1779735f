using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Domain.Calendar;

public sealed class BookingRulesTests
{
    private static readonly ResourceId Laser = ResourceId.New();
    private static readonly ResourceId RoomA = ResourceId.New();

    private readonly Service _massage = A.Service("Swedish massage", 60);
    private readonly Service _laserHair = A.Service("Laser hair removal", 60, 90m, Laser);
    private readonly Service _laserSkin = A.Service("Laser skin", 60, 120m, Laser, RoomA);
    private readonly Provider _amira;
    private readonly Provider _chloe;
    private readonly Provider _farah;

    public BookingRulesTests()
    {
        _amira = A.Provider("Amira", null, _massage, _laserHair);
        _chloe = A.Provider("Chloe", null, _laserHair, _laserSkin);
        _farah = A.Provider("Farah", null, _laserSkin, _massage);
    }

    private static Slot SlotAt(int day, int hour, int minute = 0, int minutes = 60) =>
        new(A.At(day, hour, minute), A.At(day, hour, minute).AddMinutes(minutes));

    private static BusyPeriod BusyFor(Provider provider, Slot slot, params ResourceId[] resources) =>
        new(AppointmentId.New(), provider.Id, resources, slot);

    private static DomainException Refusal(Action act) => Assert.Throws<DomainException>(act);

    [Fact]
    public void EnsureCanTake_ProviderDoesNotPerformService_RefusedAsRuleBroken()
    {
        var ex = Refusal(() => BookingRules.EnsureCanTake(_laserSkin, _amira, SlotAt(8, 10), A.London, false, []));

        Assert.Equal(DomainErrorKind.RuleBroken, ex.Kind);
        Assert.Equal("providerId", ex.Field);
    }

    [Fact]
    public void EnsureCanTake_ProviderDoesNotPerformServiceWithOverride_AcceptedNamingTheOverriddenRule()
    {
        var verdict = BookingRules.EnsureCanTake(_laserSkin, _amira, SlotAt(8, 10), A.London, true, []);

        Assert.Equal([AvailabilityReason.NotPerformed], verdict.Overridden);
    }

    [Fact]
    public void EnsureCanTake_FreeSlotInsideShift_Accepted()
    {
        BookingRules.EnsureCanTake(_massage, _amira, SlotAt(8, 10), A.London, false, []);
    }

    [Fact]
    public void EnsureCanTake_SlotFillsShiftExactly_Accepted()
    {
        BookingRules.EnsureCanTake(_massage, _amira, SlotAt(8, 9, minutes: 8 * 60), A.London, false, []);
    }

    [Theory]
    [InlineData(8, 8, 30)]  // Tuesday, starts before the shift
    [InlineData(8, 16, 30)] // Tuesday, ends after the shift
    [InlineData(8, 18, 0)]  // Tuesday evening
    [InlineData(12, 10, 0)] // Saturday: no shift
    public void EnsureCanTake_OutsideWorkingHours_RefusedAsRuleBroken(int day, int hour, int minute)
    {
        var ex = Refusal(() => BookingRules.EnsureCanTake(_massage, _amira, SlotAt(day, hour, minute), A.London, false, []));

        Assert.Equal(DomainErrorKind.RuleBroken, ex.Kind);
        Assert.Equal("start", ex.Field);
    }

    [Theory]
    [InlineData(8, 16, 30)]
    [InlineData(12, 10, 0)]
    public void EnsureCanTake_OutsideWorkingHoursWithOverride_Accepted(int day, int hour, int minute)
    {
        BookingRules.EnsureCanTake(_massage, _amira, SlotAt(day, hour, minute), A.London, true, []);
    }

    [Fact]
    public void EnsureCanTake_SpanningMidnightForAllDayProvider_RefusedAsRuleBroken()
    {
        var night = A.Provider("Night", A.EveryDay(TimeOnly.MinValue, TimeOnly.MaxValue), _massage);

        var ex = Refusal(() => BookingRules.EnsureCanTake(_massage, night, SlotAt(8, 23, 30), A.London, false, []));

        Assert.Equal(DomainErrorKind.RuleBroken, ex.Kind);
    }

    [Fact]
    public void EnsureCanTake_SummerTime_ChecksHoursInBusinessLocalTime()
    {
        // 1 July 2030, a Monday: London is UTC+1, so 08:30 UTC is 09:30 at the desk.
        var summer = new Slot(new DateTimeOffset(2030, 7, 1, 8, 30, 0, TimeSpan.Zero), new DateTimeOffset(2030, 7, 1, 9, 30, 0, TimeSpan.Zero));

        BookingRules.EnsureCanTake(_massage, _amira, summer, A.London, false, []);
    }

    [Fact]
    public void EnsureCanTake_SummerTimeAfterLocalClosing_RefusedAsRuleBroken()
    {
        // 16:30 UTC is 17:30 in London in July: after Amira's shift although before 17:00 UTC.
        var summer = new Slot(new DateTimeOffset(2030, 7, 1, 15, 30, 0, TimeSpan.Zero), new DateTimeOffset(2030, 7, 1, 16, 30, 0, TimeSpan.Zero));

        var ex = Refusal(() => BookingRules.EnsureCanTake(_massage, _amira, summer, A.London, false, []));

        Assert.Equal(DomainErrorKind.RuleBroken, ex.Kind);
    }

    [Fact]
    public void EnsureCanTake_ProviderAlreadyBusy_RefusedAsConflict()
    {
        var busy = BusyFor(_amira, SlotAt(8, 10, 30));

        var ex = Refusal(() => BookingRules.EnsureCanTake(_massage, _amira, SlotAt(8, 10), A.London, false, [busy]));

        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public void EnsureCanTake_ProviderBusyEvenWithOverride_RefusedAsConflict()
    {
        var busy = BusyFor(_amira, SlotAt(12, 10));

        var ex = Refusal(() => BookingRules.EnsureCanTake(_massage, _amira, SlotAt(12, 10), A.London, true, [busy]));

        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public void EnsureCanTake_SharedResourceTakenByAnotherProvider_RefusedAsConflict()
    {
        var busy = BusyFor(_amira, SlotAt(8, 10, 15), Laser);

        var ex = Refusal(() => BookingRules.EnsureCanTake(_laserSkin, _chloe, SlotAt(8, 10), A.London, false, [busy]));

        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public void EnsureCanTake_OtherProviderBusyWithoutSharedResource_Accepted()
    {
        var busy = BusyFor(_amira, SlotAt(8, 10), Laser);

        BookingRules.EnsureCanTake(_massage, _farah, SlotAt(8, 10), A.London, false, [busy]);
    }

    [Fact]
    public void EnsureCanTake_ProviderBusyAtAnotherTime_Accepted()
    {
        var busy = BusyFor(_amira, SlotAt(8, 14));

        BookingRules.EnsureCanTake(_massage, _amira, SlotAt(8, 10), A.London, false, [busy]);
    }

    [Theory]
    [InlineData(10, 11)] // the new one starts when the other ends
    [InlineData(12, 11)] // the new one ends when the other starts
    public void EnsureCanTake_TouchingSameProviderAndResource_Accepted(int busyHour, int newHour)
    {
        var busy = BusyFor(_chloe, SlotAt(8, busyHour), Laser, RoomA);

        BookingRules.EnsureCanTake(_laserSkin, _chloe, SlotAt(8, newHour), A.London, false, [busy]);
    }

    [Fact]
    public void EnsureCanTake_BusyPeriodIsTheAppointmentItself_Accepted()
    {
        var self = AppointmentId.New();
        var busy = new BusyPeriod(self, _amira.Id, [], SlotAt(8, 10));

        BookingRules.EnsureCanTake(_massage, _amira, SlotAt(8, 10, 30), A.London, false, [busy], self);
    }
}
