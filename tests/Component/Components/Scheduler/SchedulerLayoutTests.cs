using FrontDesk.Dashboard.Components.Scheduler;

namespace FrontDesk.Tests.Component.Components.Scheduler;

public sealed class SchedulerLayoutTests
{
    private static readonly DateTime Eight = new(2026, 3, 2, 8, 0, 0);

    private static SchedulerItem At(string key, int fromMinutes, int minutes) =>
        new(key, "c", Eight.AddMinutes(fromMinutes), Eight.AddMinutes(fromMinutes + minutes), key, "s");

    [Fact]
    public void DaysOf_Week_StartsOnTheFirstDayOfWeekThatHoldsTheDate()
    {
        var days = SchedulerLayout.DaysOf(SchedulerView.Week, new DateOnly(2026, 3, 8));

        Assert.Equal(new DateOnly(2026, 3, 2), days[0]);
        Assert.Equal(new DateOnly(2026, 3, 8), days[^1]);
    }

    [Fact]
    public void Place_OverlappingItems_ShareTheLaneInTracks()
    {
        var placed = SchedulerLayout.Place([At("a", 0, 60), At("b", 30, 60), At("c", 120, 30)], Eight, 40, 15).ToDictionary(p => p.Item.Key, p => p.Placement);

        Assert.Equal(new BlockPlacement(0, 4, 0, 2), placed["a"]);
        Assert.Equal(new BlockPlacement(2, 4, 1, 2), placed["b"]);
        Assert.Equal(new BlockPlacement(8, 2, 0, 1), placed["c"]);
    }

    [Fact]
    public void Place_ItemOutsideTheVisibleHours_IsLeftOutAndOnePartlyInsideIsCut()
    {
        var placed = SchedulerLayout.Place([At("before", -120, 60), At("early", -30, 60)], Eight, 40, 15);

        var early = Assert.Single(placed);
        Assert.Equal("early", early.Item.Key);
        Assert.Equal(new BlockPlacement(0, 2, 0, 1), early.Placement);
    }
}
