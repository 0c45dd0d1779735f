using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Domain.Staff;

public sealed class ProviderScheduleTests
{
    private static readonly DateOnly Day = new(2030, 1, 8);
    private readonly Provider _amira = A.Provider("Amira", null);

    private static WorkingShift Monday(int from, int to, params (int From, int To)[] breaks) =>
        new(DayOfWeek.Monday, new(from, 0), new(to, 0)) { Breaks = breaks.Select(b => new TimeRange(new(b.From, 0), new(b.To, 0))).ToList() };

    private DomainException Refused(IEnumerable<WorkingShift> weekly, IEnumerable<ScheduleException>? exceptions = null) =>
        Assert.Throws<DomainException>(() => _amira.SetSchedule(weekly, exceptions ?? []));

    [Fact]
    public void SetSchedule_TwoIntervalsWithBreaks_Kept()
    {
        _amira.SetSchedule([Monday(14, 18), Monday(8, 12, (10, 11))], []);

        Assert.Equal([new TimeOnly(8, 0), new TimeOnly(14, 0)], _amira.Shifts.Select(s => s.From));
        Assert.Equal(new TimeRange(new(10, 0), new(11, 0)), Assert.Single(_amira.Shifts[0].Breaks));
    }

    [Fact]
    public void SetSchedule_EndBeforeStart_RefusedNamingTheDay()
    {
        var ex = Refused([Monday(17, 9)]);

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
        Assert.Equal("Monday: working hours 17:00-09:00 must end after they start.", ex.Message);
    }

    [Fact]
    public void SetSchedule_BreakOutsideTheInterval_Refused()
    {
        var ex = Refused([Monday(9, 17, (16, 18))]);

        Assert.Equal("Monday: the break 16:00-18:00 is not inside the working hours 09:00-17:00.", ex.Message);
    }

    [Fact]
    public void SetSchedule_OverlappingBreaks_Refused()
    {
        var ex = Refused([Monday(9, 17, (12, 14), (13, 15))]);

        Assert.Equal("Monday: the breaks 12:00-14:00 and 13:00-15:00 overlap.", ex.Message);
    }

    [Fact]
    public void SetSchedule_OverlappingIntervals_Refused()
    {
        var ex = Refused([Monday(9, 13), Monday(12, 17)]);

        Assert.Equal("Monday: working hours 09:00-13:00 and 12:00-17:00 overlap.", ex.Message);
    }

    [Fact]
    public void SetSchedule_Refused_KeepsTheScheduleItHad()
    {
        var before = _amira.Shifts.ToList();

        Refused([Monday(9, 13), Monday(12, 17)]);

        Assert.Equal(before, _amira.Shifts);
    }

    [Fact]
    public void SetSchedule_DayOffAndHoursOnOneDate_Refused()
    {
        var ex = Refused([], [new ScheduleException(Day, "Off"), new ScheduleException(Day, "Extra") { Hours = [new DayInterval(new(9, 0), new(12, 0))] }]);

        Assert.Contains("both a day off and a working day", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetSchedule_TwoDatedIntervals_MergedIntoOneDate()
    {
        _amira.SetSchedule([], [
            new ScheduleException(Day, "Split") { Hours = [new DayInterval(new(14, 0), new(16, 0))] },
            new ScheduleException(Day, "") { Hours = [new DayInterval(new(9, 0), new(11, 0))] },
        ]);

        var only = Assert.Single(_amira.Exceptions);
        Assert.Equal([new TimeOnly(9, 0), new TimeOnly(14, 0)], only.Hours.Select(h => h.From));
        Assert.False(only.Off);
    }

    [Fact]
    public void HoursOn_DateWithException_ExceptionReplacesTheWeek()
    {
        _amira.SetSchedule(A.Weekdays(new(9, 0), new(17, 0)), [new ScheduleException(Day, "Off")]);

        Assert.Empty(_amira.HoursOn(Day, out var exception));
        Assert.True(exception!.Off);
        Assert.Single(_amira.HoursOn(Day.AddDays(1), out _));
    }

    [Fact]
    public void Update_BadColour_RefusedAndNothingChanges()
    {
        var ex = Assert.Throws<DomainException>(() => _amira.Update("Amira H", "Senior", "red", 2, active: true));

        Assert.Equal("colour", ex.Field);
        Assert.Equal("Amira", _amira.Name);
    }

    [Fact]
    public void SetPerforms_AddThenRemove_ServicesFollow()
    {
        var service = ServiceId.New();

        _amira.SetPerforms(service, true);
        _amira.SetPerforms(service, true);
        Assert.Equal([service], _amira.Services);
        _amira.SetPerforms(service, false);
        Assert.Empty(_amira.Services);
    }
}
