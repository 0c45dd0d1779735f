using AngleSharp.Dom;
using Bunit;
using FrontDesk.Dashboard.Components.Scheduler;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace FrontDesk.Tests.Component.Components.Scheduler;

/// <summary>
/// The scheduler alone, with made-up columns and items: it knows nothing of appointments, so
/// neither do these tests. Slots and items are found by role and accessible name.
/// </summary>
public sealed class SchedulerTests : DashboardTestContext, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's popover service can only be disposed asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static readonly IReadOnlyList<SchedulerShift> WeekdaysNineToFive =
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new SchedulerShift(d, new TimeOnly(9, 0), new TimeOnly(17, 0)))];

    private static readonly SchedulerColumn Ben = new("ben", "Ben Carter", WeekdaysNineToFive);
    private static readonly SchedulerColumn Ada = new("ada", "Ada Byron", WeekdaysNineToFive);

    private static readonly IReadOnlyList<SchedulerStatus> Statuses =
    [
        new("open", "Open", "#1e63c4", Icons.Material.Filled.Event),
        new("done", "Done", "#37474f", Icons.Material.Filled.TaskAlt),
        new("void", "Voided", "#757575", Icons.Material.Filled.EventBusy, Inactive: true),
    ];

    private static SchedulerItem Item(string key, string column, int hour, int minute, int minutes, string title, string status = "open") =>
        new(key, column, Monday.ToDateTime(new TimeOnly(hour, minute)), Monday.ToDateTime(new TimeOnly(hour, minute)).AddMinutes(minutes), title, status);

    private IRenderedComponent<FrontDesk.Dashboard.Components.Scheduler.Scheduler> RenderScheduler(
        IReadOnlyList<SchedulerItem>? items = null,
        SchedulerView view = SchedulerView.Day,
        Action<ComponentParameterCollectionBuilder<FrontDesk.Dashboard.Components.Scheduler.Scheduler>>? more = null,
        IReadOnlyList<SchedulerColumn>? columns = null,
        DateOnly? date = null,
        int slotMinutes = 15) =>
        Render<FrontDesk.Dashboard.Components.Scheduler.Scheduler>(p =>
        {
            p.Add(s => s.Columns, columns ?? [Ben, Ada])
                .Add(s => s.Items, items ?? [])
                .Add(s => s.Statuses, Statuses)
                .Add(s => s.View, view)
                .Add(s => s.Date, date ?? Monday)
                .Add(s => s.Now, Monday.ToDateTime(new TimeOnly(12, 5)))
                .Add(s => s.DayStart, new TimeOnly(8, 0))
                .Add(s => s.DayEnd, new TimeOnly(18, 0))
                .Add(s => s.SlotMinutes, slotMinutes);
            more?.Invoke(p);
        });

    /// <summary>The grid's buttons (slots and items), not the agenda's copies for phones.</summary>
    private static IEnumerable<IElement> GridButtons(IRenderedComponent<FrontDesk.Dashboard.Components.Scheduler.Scheduler> cut) =>
        cut.FindAll("[role=group][aria-label$='time slots'] button, [role=group][aria-label$='time slots'] [role=button]");

    private static IElement Named(IRenderedComponent<FrontDesk.Dashboard.Components.Scheduler.Scheduler> cut, string name)
    {
        var matches = GridButtons(cut).Where(b => b.GetAttribute("aria-label") == name).ToList();
        return matches.Count == 1 ? matches[0] : throw new ElementNotFoundException($"{matches.Count} grid buttons named '{name}'");
    }

    private static IRenderedComponent<SchedulerLaneView> LaneOf(IRenderedComponent<FrontDesk.Dashboard.Components.Scheduler.Scheduler> cut, string column) =>
        cut.FindComponents<SchedulerLaneView>().Single(l => l.Instance.Lane.Column.Key == column);

    private static IElement Focusable(IRenderedComponent<FrontDesk.Dashboard.Components.Scheduler.Scheduler> cut) =>
        GridButtons(cut).Single(b => b.LocalName == "button" && b.GetAttribute("tabindex") == "0");

    [Fact]
    public void Render_DayView_ShowsAFreeSlotPerColumnAndTimeWithItsName()
    {
        var cut = RenderScheduler();

        Assert.Equal("button", Named(cut, "Ben Carter, 10:15, free").LocalName);
        Assert.Equal("button", Named(cut, "Ada Byron, 10:15, free").LocalName);
        // 08:00 to 18:00 in quarter hours, two columns.
        Assert.Equal(2 * 40, GridButtons(cut).Count(b => b.LocalName == "button"));
    }

    [Fact]
    public void Render_TimeOutsideWorkingHours_IsNamedSo()
    {
        var cut = RenderScheduler();

        Assert.NotNull(Named(cut, "Ben Carter, 08:30, free, outside working hours"));
        Assert.NotNull(Named(cut, "Ben Carter, 17:00, free, outside working hours"));
    }

    [Fact]
    public void Render_Item_ShowsItsNameStatusTextAndTakesItsSlots()
    {
        var cut = RenderScheduler([Item("a1", "ben", 10, 0, 30, "Jane Cooper")]);

        var item = Named(cut, "Jane Cooper, 10:00 to 10:30: Open");
        Assert.Contains("Open", item.TextContent);
        Assert.Equal("open", item.GetAttribute("data-status"));
        Assert.NotNull(Named(cut, "Ben Carter, 10:15, taken by Jane Cooper"));
        Assert.NotNull(Named(cut, "Ben Carter, 10:30, free"));
    }

    [Fact]
    public void Render_TitleLooksLikeMarkup_TakenSlotNameIsThatTextAndNoElement()
    {
        const string title = "<b>Jane</b> & \"Co\" 'x'";
        var cut = RenderScheduler([Item("a1", "ben", 10, 0, 30, title)]);

        Assert.NotNull(Named(cut, $"Ben Carter, 10:15, taken by {title}"));
        Assert.Empty(cut.FindAll("[role=group][aria-label$='time slots'] .sch-lane b"));
    }

    [Fact]
    public void Render_ItemWithOwnName_UsesIt()
    {
        var cut = RenderScheduler([Item("a1", "ben", 10, 0, 30, "Jane Cooper") with { AccessibleName = "Jane Cooper, facial with Ben" }]);

        Assert.NotNull(Named(cut, "Jane Cooper, facial with Ben"));
    }

    [Fact]
    public void Legend_NamesEveryStatus()
    {
        var cut = RenderScheduler();

        var legend = cut.Find("[role=list][aria-label=Legend]");
        var names = legend.QuerySelectorAll("[role=listitem]").Select(i => i.TextContent.Trim()).ToList();
        Assert.Equal(["Open", "Done", "Voided"], names);
    }

    [Fact]
    public void ClickFreeSlot_RaisesSlotSelectedWithColumnAndStart()
    {
        SchedulerSlot? chosen = null;
        var cut = RenderScheduler(more: p => p.Add(s => s.SlotSelected, (SchedulerSlot slot) => chosen = slot));

        Named(cut, "Ada Byron, 14:45, free").SlotClick();

        Assert.Equal(new SchedulerSlot("ada", Monday.ToDateTime(new TimeOnly(14, 45))), chosen);
    }

    [Fact]
    public void ClickItem_RaisesItemSelected()
    {
        var jane = Item("a1", "ben", 10, 0, 30, "Jane Cooper");
        SchedulerItem? chosen = null;
        var cut = RenderScheduler([jane], more: p => p.Add(s => s.ItemSelected, (SchedulerItem item) => chosen = item));

        Named(cut, "Jane Cooper, 10:00 to 10:30: Open").ItemClick();

        Assert.Equal(jane, chosen);
    }

    [Fact]
    public async Task ClickOnABlockWhoseItemIsGone_RaisesNothing()
    {
        var jane = Item("a1", "ben", 10, 0, 30, "Jane Cooper");
        SchedulerItem? chosen = null;
        var cut = RenderScheduler([jane], more: p => p.Add(s => s.ItemSelected, (SchedulerItem item) => chosen = item));
        var block = Named(cut, "Jane Cooper, 10:00 to 10:30: Open");

        // Another desk cancelled it; the browser still showed the block when it was clicked.
        await block.TriggerEventAsync("onschitem", new SchedulerItemEventArgs { Key = "gone", Kind = ItemEventKinds.Open });

        Assert.Null(chosen);
    }

    [Fact]
    public void Render_Today_MakesTheSlotOfNowTheOneTabStop()
    {
        var cut = RenderScheduler();

        Assert.Equal("Ben Carter, 12:00, free", Focusable(cut).GetAttribute("aria-label"));
    }

    [Fact]
    public void ArrowKeys_MoveTheTabStopBetweenTimesAndColumns()
    {
        var cut = RenderScheduler();

        Focusable(cut).SlotKeyDown("ArrowDown");
        Focusable(cut).SlotKeyDown("ArrowDown");
        Focusable(cut).SlotKeyDown("ArrowRight");

        Assert.Equal("Ada Byron, 12:30, free", Focusable(cut).GetAttribute("aria-label"));
        Assert.Single(GridButtons(cut), b => b.GetAttribute("tabindex") == "0" && b.LocalName == "button");
    }

    [Fact]
    public void ArrowKeys_InABurstFromTheSameSlot_AddUp()
    {
        var cut = RenderScheduler();
        var start = Focusable(cut);

        // Keys typed faster than the focus moves still arrive from the slot they were typed on.
        start.SlotKeyDown("ArrowUp");
        start.SlotKeyDown("ArrowUp");

        Assert.Equal("Ben Carter, 11:30, free", Focusable(cut).GetAttribute("aria-label"));
    }

    [Fact]
    public void ArrowKey_OnASlotFocusedAnotherWay_MovesFromThatSlot()
    {
        var cut = RenderScheduler();

        // Focus put on 09:00 by a click-less route (a script, a screen reader): not the tab stop.
        Named(cut, "Ada Byron, 09:00, free").SlotKeyDown("ArrowDown");

        Assert.Equal("Ada Byron, 09:15, free", Focusable(cut).GetAttribute("aria-label"));
    }

    [Fact]
    public void ArrowLeft_AtTheFirstColumn_StaysThere()
    {
        var cut = RenderScheduler();

        Focusable(cut).SlotKeyDown("ArrowLeft");

        Assert.Equal("Ben Carter, 12:00, free", Focusable(cut).GetAttribute("aria-label"));
    }

    [Fact]
    public void DropItemOnAnotherSlot_RaisesItemDroppedWithColumnAndStart()
    {
        var jane = Item("a1", "ben", 10, 0, 30, "Jane Cooper");
        SchedulerDrop? dropped = null;
        var cut = RenderScheduler([jane], more: p => p.Add(s => s.ItemDropped, (SchedulerDrop drop) => dropped = drop));

        Named(cut, "Jane Cooper, 10:00 to 10:30: Open").ItemDragStart();
        Named(cut, "Ada Byron, 11:15, free").SlotDrop();

        Assert.Equal(new SchedulerDrop(jane, "ada", Monday.ToDateTime(new TimeOnly(11, 15))), dropped);
    }

    [Fact]
    public void DropOnASlotWithNothingDragged_RaisesNothing()
    {
        var dropped = false;
        var cut = RenderScheduler(more: p => p.Add(s => s.ItemDropped, (SchedulerDrop _) => dropped = true));

        Named(cut, "Ada Byron, 11:15, free").SlotDrop();

        Assert.False(dropped);
    }

    [Fact]
    public void InactiveStatus_IsHiddenUntilTheToggleShowsItStruckThrough()
    {
        var cut = RenderScheduler([Item("a1", "ben", 10, 0, 30, "Jane Cooper", "void")]);
        Assert.DoesNotContain(GridButtons(cut), b => b.GetAttribute("aria-label") == "Jane Cooper, 10:00 to 10:30: Voided");
        Assert.NotNull(Named(cut, "Ben Carter, 10:00, free"));

        cut.Find("button.sch-toggle").Click();

        var item = Named(cut, "Jane Cooper, 10:00 to 10:30: Voided");
        Assert.Contains("sch-inactive", item.ClassList);
        // A voided item does not take its slot: it can be booked again.
        Assert.NotNull(Named(cut, "Ben Carter, 10:00, free"));
    }

    [Fact]
    public void ShowInactiveToggle_IsNamedAfterTheInactiveStatuses()
    {
        var cut = RenderScheduler();

        var toggle = cut.Find("button[aria-pressed].sch-toggle");
        Assert.Equal("Show voided", toggle.TextContent.Trim());
        Assert.Equal("false", toggle.GetAttribute("aria-pressed"));
    }

    [Fact]
    public void ShowInactiveToggle_PressedAndAgain_SaysItsStateTellsTheParentAndHidesThemAgain()
    {
        var shown = new List<bool>();
        var cut = RenderScheduler([Item("a1", "ben", 10, 0, 30, "Jane Cooper", "void")],
            more: p => p.Add(s => s.ShowInactiveChanged, (bool value) => shown.Add(value)));
        Assert.Empty(cut.FindAll("[aria-label='Jane Cooper, 10:00 to 10:30: Voided']"));

        cut.Find("button.sch-toggle").Click();

        Assert.Equal("true", cut.Find("button.sch-toggle").GetAttribute("aria-pressed"));
        Assert.Single(cut.FindAll("[aria-label='Jane Cooper, 10:00 to 10:30: Voided']"));
        Assert.Equal([true], shown);

        cut.Find("button.sch-toggle").Click();

        Assert.Equal("false", cut.Find("button.sch-toggle").GetAttribute("aria-pressed"));
        Assert.Empty(cut.FindAll("[aria-label='Jane Cooper, 10:00 to 10:30: Voided']"));
        Assert.Equal([true, false], shown);
    }

    [Fact]
    public void NewItems_OnlyTheChangedItemsLaneRendersAgain()
    {
        var jane = Item("a1", "ben", 10, 0, 30, "Jane Cooper");
        var john = Item("a2", "ada", 11, 0, 60, "John Smith");
        var cut = RenderScheduler([jane, john]);
        var janeLane = LaneOf(cut, "ben").RenderCount;
        var johnLane = LaneOf(cut, "ada").RenderCount;

        // A live change: new records for both (as a store would hand over), only John's differs.
        cut.Render(p => p.Add(s => s.Items, [jane with { }, john with { StatusKey = "done" }]));

        Assert.Equal(janeLane, LaneOf(cut, "ben").RenderCount);
        Assert.Equal(johnLane + 1, LaneOf(cut, "ada").RenderCount);
        Assert.NotNull(Named(cut, "John Smith, 11:00 to 12:00: Done"));
    }

    [Fact]
    public async Task ShowItems_OneOfTwoItemsInALaneChanged_TheBrowserChangesThatBlockAlone()
    {
        // What the browser would be sent (bUnit re-reads whole markup, so it cannot tell an element left alone).
        var jane = Item("a1", "ben", 10, 0, 30, "Jane Cooper");
        var john = Item("a2", "ben", 11, 0, 60, "John Smith");
        await using var renderer = new RenderBatchRecorder(Services);
        var scheduler = await renderer.RenderAsync<FrontDesk.Dashboard.Components.Scheduler.Scheduler>(new Dictionary<string, object?>
        {
            [nameof(FrontDesk.Dashboard.Components.Scheduler.Scheduler.Columns)] = new[] { Ben, Ada },
            [nameof(FrontDesk.Dashboard.Components.Scheduler.Scheduler.Items)] = new[] { jane, john },
            [nameof(FrontDesk.Dashboard.Components.Scheduler.Scheduler.Statuses)] = Statuses,
            [nameof(FrontDesk.Dashboard.Components.Scheduler.Scheduler.Date)] = Monday,
            [nameof(FrontDesk.Dashboard.Components.Scheduler.Scheduler.Now)] = Monday.ToDateTime(new TimeOnly(12, 5)),
        });
        renderer.Edits.Clear();

        await renderer.Dispatcher.InvokeAsync(() => scheduler.ShowItems([jane with { }, john with { StatusKey = "done" }]));

        // John's block (one piece of markup in its keyed wrapper) is replaced by his new one.
        Assert.Contains(renderer.Edits, e => e.Kind == "UpdateMarkup" && e.Refers.Contains("aria-label=\"John Smith, 11:00 to 12:00: Done\"", StringComparison.Ordinal));
        // No block is removed or inserted, and nothing sent refers to Jane: her block is left as it is.
        Assert.DoesNotContain(renderer.Edits, e => e.Kind is "RemoveFrame" or "PrependFrame");
        Assert.DoesNotContain(renderer.Edits, e => e.Refers.Contains("Jane Cooper", StringComparison.Ordinal));
        // Only one component's output changed at all: the lane of both blocks.
        Assert.Single(renderer.Edits.Select(e => e.ComponentId).Distinct());
    }

    [Fact]
    public void WeekView_ShowsSevenDaysOfTheWeekWithDayInTheSlotNames()
    {
        var cut = RenderScheduler(view: SchedulerView.Week, columns: [Ben], date: Monday.AddDays(3));

        Assert.NotNull(Named(cut, "Ben Carter, Mon 2 Mar, 10:00, free"));
        Assert.NotNull(Named(cut, "Ben Carter, Sun 8 Mar, 10:00, free, outside working hours"));
        Assert.Equal(7 * 40, GridButtons(cut).Count(b => b.LocalName == "button"));
    }

    [Fact]
    public void NextButton_InWeekView_MovesTheDateAWeek()
    {
        DateOnly? date = null;
        var cut = RenderScheduler(view: SchedulerView.Week, more: p => p.Add(s => s.DateChanged, (DateOnly d) => date = d));

        cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Next week").Click();

        Assert.Equal(Monday.AddDays(7), date);
    }

    [Fact]
    public void WeekButton_RaisesViewChanged()
    {
        SchedulerView? view = null;
        var cut = RenderScheduler(more: p => p.Add(s => s.ViewChanged, (SchedulerView v) => view = v));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Week").Click();

        Assert.Equal(SchedulerView.Week, view);
    }

    [Fact]
    public async Task Agenda_ListsTheDaysItemsInTimeOrder()
    {
        var cut = RenderScheduler([Item("a2", "ada", 11, 0, 60, "John Smith"), Item("a1", "ben", 10, 0, 30, "Jane Cooper")]);
        await cut.InvokeAsync(() => cut.Instance.SetNarrowAsync(true));

        var agenda = cut.Find("[role=group][aria-label$=agenda]");
        var names = agenda.QuerySelectorAll("[role=button]").Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Equal(["Jane Cooper, 10:00 to 10:30: Open", "John Smith, 11:00 to 12:00: Open"], names);
    }

    [Fact]
    public void Render_WidthNotReported_ShowsTheGridAndNoAgenda()
    {
        var cut = RenderScheduler([Item("a1", "ben", 10, 0, 30, "Jane Cooper")]);

        Assert.Single(cut.FindAll("[role=group][aria-label$='time slots']"));
        Assert.Empty(cut.FindAll("[role=group][aria-label$=agenda]"));
    }

    [Fact]
    public async Task SetNarrow_PhoneWidth_ShowsTheAgendaAndNoGrid()
    {
        var cut = RenderScheduler([Item("a1", "ben", 10, 0, 30, "Jane Cooper")]);

        await cut.InvokeAsync(() => cut.Instance.SetNarrowAsync(true));

        Assert.Empty(cut.FindAll("[role=group][aria-label$='time slots']"));
        var agenda = cut.Find("[role=group][aria-label$=agenda]");
        Assert.Equal("Jane Cooper, 10:00 to 10:30: Open", agenda.QuerySelector("[role=button]")!.GetAttribute("aria-label"));
        Assert.Single(cut.FindAll("[aria-label='Jane Cooper, 10:00 to 10:30: Open']"));
    }

    [Fact]
    public async Task SetNarrow_BackToWide_ShowsTheGridAndNoAgenda()
    {
        var cut = RenderScheduler([Item("a1", "ben", 10, 0, 30, "Jane Cooper")]);
        await cut.InvokeAsync(() => cut.Instance.SetNarrowAsync(true));

        await cut.InvokeAsync(() => cut.Instance.SetNarrowAsync(false));

        Assert.Empty(cut.FindAll("[role=group][aria-label$=agenda]"));
        Assert.NotNull(Named(cut, "Jane Cooper, 10:00 to 10:30: Open"));
    }

    [Fact]
    public async Task ShowItems_OneItemChanged_RendersItsLaneAloneNotTheToolbarOrLegend()
    {
        var jane = Item("a1", "ben", 10, 0, 30, "Jane Cooper");
        var john = Item("a2", "ada", 11, 0, 60, "John Smith");
        var cut = RenderScheduler([jane, john]);
        var toolbarRenders = cut.FindComponent<MudToolBar>().RenderCount;
        var janeLane = LaneOf(cut, "ben").RenderCount;
        var johnLane = LaneOf(cut, "ada").RenderCount;

        await cut.InvokeAsync(() => cut.Instance.ShowItems([jane with { }, john with { StatusKey = "done" }]));

        Assert.NotNull(Named(cut, "John Smith, 11:00 to 12:00: Done"));
        Assert.Equal(johnLane + 1, LaneOf(cut, "ada").RenderCount);
        Assert.Equal(janeLane, LaneOf(cut, "ben").RenderCount);
        Assert.Equal(toolbarRenders, cut.FindComponent<MudToolBar>().RenderCount);
    }

    [Fact]
    public async Task ShowItems_NewItemInOneColumn_RendersThatLaneAloneNotTheOthers()
    {
        var jane = Item("a1", "ben", 10, 0, 30, "Jane Cooper");
        var cut = RenderScheduler([jane]);
        IRenderedComponent<SchedulerLaneView> Lane(string column) => cut.FindComponents<SchedulerLaneView>().Single(l => l.Instance.Lane.Column.Key == column);
        var benRenders = Lane("ben").RenderCount;
        var adaRenders = Lane("ada").RenderCount;

        await cut.InvokeAsync(() => cut.Instance.ShowItems([jane, Item("a2", "ada", 11, 0, 30, "John Smith")]));

        Assert.NotNull(Named(cut, "Ada Byron, 11:00, taken by John Smith"));
        Assert.Equal(adaRenders + 1, Lane("ada").RenderCount);
        Assert.Equal(benRenders, Lane("ben").RenderCount);
    }

    [Fact]
    public async Task ShowItems_NewItem_AppearsAndTakesItsSlots()
    {
        var cut = RenderScheduler([Item("a1", "ben", 10, 0, 30, "Jane Cooper")]);

        await cut.InvokeAsync(() => cut.Instance.ShowItems([Item("a1", "ben", 10, 0, 30, "Jane Cooper"), Item("a2", "ada", 11, 0, 30, "John Smith")]));

        Assert.NotNull(Named(cut, "John Smith, 11:00 to 11:30: Open"));
        Assert.NotNull(Named(cut, "Ada Byron, 11:15, taken by John Smith"));
    }

    [Fact]
    public void Render_StatusIcons_AreOneSymbolPerStatusThatEveryBlockUses()
    {
        var cut = RenderScheduler([Item("a1", "ben", 10, 0, 30, "Jane Cooper"), Item("a2", "ada", 11, 0, 60, "John Smith"), Item("a3", "ben", 14, 0, 30, "Ann Lee", "done")]);

        var symbols = cut.FindAll("symbol");
        Assert.Equal(Statuses.Count, symbols.Count);
        var open = symbols[Statuses.ToList().FindIndex(s => s.Key == "open")];
        Assert.Contains("<path", open.InnerHtml);
        foreach (var name in new[] { "Jane Cooper, 10:00 to 10:30: Open", "John Smith, 11:00 to 12:00: Open" })
        {
            var block = Named(cut, name);
            Assert.Equal("#" + open.Id, block.QuerySelector("svg use")!.GetAttribute("href"));
            Assert.DoesNotContain("<path", block.InnerHtml);
        }
        var done = symbols[Statuses.ToList().FindIndex(s => s.Key == "done")];
        Assert.Equal("#" + done.Id, Named(cut, "Ann Lee, 14:00 to 14:30: Done").QuerySelector("svg use")!.GetAttribute("href"));
    }

    [Fact]
    public void SlotMinutes_NotAGridSize_IsRefusedWithAMessage()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RenderScheduler(slotMinutes: 7));

        Assert.Contains("5, 10, 15, 20, 30 or 60 minutes", error.Message);
    }

    [Fact]
    public void Render_ItemTitleWithMarkup_ShowsTheTextAndRendersNoElementFromIt()
    {
        var title = "<img src=x onerror=alert(1)> Zoë & \"Co\"";
        var cut = RenderScheduler([Item("x", "ben", 10, 0, 60, title) with { Detail = "<b>bold</b>" }]);

        var block = GridButtons(cut).Single(b => b.GetAttribute("role") == "button");
        Assert.Empty(block.QuerySelectorAll("img, b"));
        Assert.Contains(title, block.TextContent, StringComparison.Ordinal);
        Assert.Contains("<b>bold</b>", block.TextContent, StringComparison.Ordinal);
    }
}
