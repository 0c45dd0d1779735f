using AngleSharp.Dom;
using Bunit;
using FrontDesk.Dashboard.Components.Scheduler;
using FrontDesk.Tests.Component.Infrastructure;

namespace FrontDesk.Tests.Component.Components.Scheduler;

/// <summary>The scheduler's per-date shading: working periods per date win over the weekly shifts; slots say why they are greyed.</summary>
public sealed class SchedulerShadingTests : DashboardTestContext, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static readonly IReadOnlyList<SchedulerShift> EveryDayNineToFive =
        [.. Enum.GetValues<DayOfWeek>().Select(d => new SchedulerShift(d, new TimeOnly(9, 0), new TimeOnly(17, 0)))];

    private IRenderedComponent<FrontDesk.Dashboard.Components.Scheduler.Scheduler> RenderScheduler(SchedulerColumn column, SchedulerView view = SchedulerView.Day) =>
        Render<FrontDesk.Dashboard.Components.Scheduler.Scheduler>(p => p
            .Add(s => s.Columns, [column])
            .Add(s => s.View, view)
            .Add(s => s.Date, Monday)
            .Add(s => s.DayStart, new TimeOnly(8, 0))
            .Add(s => s.DayEnd, new TimeOnly(18, 0))
            .Add(s => s.SlotMinutes, 30));

    private static IEnumerable<IElement> Slots(IRenderedComponent<FrontDesk.Dashboard.Components.Scheduler.Scheduler> cut) =>
        cut.FindAll("[role=group][aria-label$='time slots'] button");

    private static IElement Named(IRenderedComponent<FrontDesk.Dashboard.Components.Scheduler.Scheduler> cut, string name) =>
        Slots(cut).Single(b => b.GetAttribute("aria-label") == name);

    private static SchedulerColumn Ben(params (DateOnly Date, SchedulerDay Day)[] days) =>
        new("ben", "Ben Carter", EveryDayNineToFive) { Days = days.ToDictionary(d => d.Date, d => d.Day) };

    [Fact]
    public void Render_DayOffDate_GreysEverySlotAndSaysWhy()
    {
        var cut = RenderScheduler(Ben((Monday, new SchedulerDay([], "Day off: dentist"))));

        var slots = Slots(cut).ToList();
        Assert.Equal(20, slots.Count);
        Assert.All(slots, s => Assert.EndsWith(", free, Day off: dentist", s.GetAttribute("aria-label")));
        Assert.All(slots, s => Assert.Contains("sch-off", s.ClassList));
        Assert.Contains("Day off: dentist", cut.Find(".sch-lane-head").TextContent);
    }

    [Fact]
    public void Render_BreakBetweenPeriods_GreysOnlyTheBreak()
    {
        var day = new SchedulerDay([new SchedulerPeriod(new TimeOnly(9, 0), new TimeOnly(12, 0)), new SchedulerPeriod(new TimeOnly(13, 0), new TimeOnly(17, 0))]);

        var cut = RenderScheduler(Ben((Monday, day)));

        Assert.Contains("sch-off", Named(cut, "Ben Carter, 12:00, free, on a break").ClassList);
        Assert.Contains("sch-off", Named(cut, "Ben Carter, 12:30, free, on a break").ClassList);
        Assert.DoesNotContain("sch-off", Named(cut, "Ben Carter, 11:30, free").ClassList);
        Assert.DoesNotContain("sch-off", Named(cut, "Ben Carter, 13:00, free").ClassList);
        Assert.NotNull(Named(cut, "Ben Carter, 08:30, free, outside working hours"));
    }

    [Fact]
    public void Render_DateWithDifferentHours_OverridesTheWeeklyShift()
    {
        var cut = RenderScheduler(Ben((Monday, new SchedulerDay([new SchedulerPeriod(new TimeOnly(14, 0), new TimeOnly(18, 0))]))));

        Assert.NotNull(Named(cut, "Ben Carter, 10:00, free, outside working hours"));
        Assert.NotNull(Named(cut, "Ben Carter, 17:30, free"));
    }

    [Fact]
    public void Render_DateNotGiven_FallsBackToWeeklyShifts()
    {
        var cut = RenderScheduler(Ben((Monday.AddDays(1), new SchedulerDay([], "Closed: holiday"))));

        Assert.NotNull(Named(cut, "Ben Carter, 10:00, free"));
        Assert.NotNull(Named(cut, "Ben Carter, 08:00, free, outside working hours"));
    }

    [Fact]
    public void SetParameters_ShadingChangedForSameColumns_RebuildsTheSlots()
    {
        var cut = RenderScheduler(Ben((Monday, new SchedulerDay([new SchedulerPeriod(new TimeOnly(9, 0), new TimeOnly(17, 0))]))));
        Assert.NotNull(Named(cut, "Ben Carter, 10:00, free"));

        cut.Render(p => p.Add(s => s.Columns, [Ben((Monday, new SchedulerDay([], "Closed: Easter Monday")))]));

        Assert.NotNull(Named(cut, "Ben Carter, 10:00, free, Closed: Easter Monday"));
    }
}
