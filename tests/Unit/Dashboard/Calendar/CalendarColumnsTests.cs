using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Components.Calendar;
using FrontDesk.Domain.Calendar;

namespace FrontDesk.Tests.Unit.Dashboard.Calendar;

/// <summary>The calendar's provider columns: built alike by every desk, kept once.</summary>
public sealed class CalendarColumnsTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static ProviderView Provider(Guid id) => new(id, "Ada Lovelace", [],
        [new ShiftView(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0)) { Breaks = [new BreakView(new TimeOnly(12, 0), new TimeOnly(12, 30))] }]);

    private static ProviderDayView Day(Guid id, TimeOnly breakStart) => new(id, Monday, DayStatus.Working, "",
        [new WorkingPeriodView(new TimeOnly(9, 0), breakStart), new WorkingPeriodView(breakStart.AddMinutes(30), new TimeOnly(17, 0))]);

    [Fact]
    public void Column_TwoDesksReadingTheSameHours_ShareOneColumn()
    {
        var id = Guid.NewGuid();

        var first = CalendarItem.Column(Provider(id), [Day(id, new TimeOnly(12, 0))]);
        var second = CalendarItem.Column(Provider(id), [Day(id, new TimeOnly(12, 0))]);

        Assert.Same(first, second);
    }

    [Fact]
    public void Column_HoursThatDiffer_AreNotShared_AndShadeTheirOwnBreak()
    {
        var id = Guid.NewGuid();

        var noon = CalendarItem.Column(Provider(id), [Day(id, new TimeOnly(12, 0))]);
        var one = CalendarItem.Column(Provider(id), [Day(id, new TimeOnly(13, 0))]);

        Assert.NotSame(noon, one);
        Assert.False(noon.Works(Monday, new TimeOnly(12, 0), new TimeOnly(12, 15)));
        Assert.True(one.Works(Monday, new TimeOnly(12, 0), new TimeOnly(12, 15)));
        Assert.False(one.Works(Monday, new TimeOnly(13, 0), new TimeOnly(13, 15)));
    }
}
