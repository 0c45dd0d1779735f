using AngleSharp.Dom;
using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Calendar;
using FrontDesk.Dashboard.Components.Pages;
using FrontDesk.Dashboard.Components.Scheduler;
using FrontDesk.Dashboard.Components.Theme;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FrontDesk.Tests.Component.Components.Pages;

/// <summary>
/// The calendar page over a real clinic database and the fake live feed: appointments on the
/// scheduler by accessible name, drawers opened from slots and appointments, drag to move.
/// </summary>
public sealed class CalendarPageTests : ClinicTestContext, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    // MudBlazor's popover service can only be disposed asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private Task<AppointmentView> BookTodayAsync(Guid client, int hour) =>
        AppointmentService.BookAsync(new BookAppointment(
            client, Seed.MassageId, Seed.ProviderId, Clock.ToUtc(Clock.LocalNow.Date.AddHours(hour)), false, null, TestCallers.Manager(OtherDesk)));

    private static string Label(string client, int hour, string status) =>
        $"{client}, Swedish massage 60 with Alex Morgan, {hour:00}:00 to {hour + 1:00}:00: {status}";

    /// <summary>The buttons of the day grid (slots and appointments), not the phone agenda's copies.</summary>
    private static IEnumerable<IElement> GridButtons(IRenderedComponent<CalendarPage> cut) =>
        cut.FindAll("[role=group][aria-label$='time slots'] button, [role=group][aria-label$='time slots'] [role=button]");

    private static bool Shows(IRenderedComponent<CalendarPage> cut, string label) =>
        GridButtons(cut).Any(e => e.GetAttribute("aria-label") == label);

    private static IElement Named(IRenderedComponent<CalendarPage> cut, string label) =>
        GridButtons(cut).Single(e => e.GetAttribute("aria-label") == label);

    private static IElement? Drawer(IRenderedComponent<CalendarPage> cut, string name) =>
        cut.FindAll("[role=dialog]").SingleOrDefault(d => d.GetAttribute("aria-label") == name);

    private IRenderedComponent<CalendarPage> RenderLoaded()
    {
        var cut = Render<CalendarPage>();
        cut.WaitForAssertion(() => Assert.True(Store.State.RangeStart != DateTimeOffset.MinValue && !Store.State.Loading), Patience);
        return cut;
    }

    [Fact]
    public async Task Render_Today_ShowsStoreAppointmentsWithAccessibleNames()
    {
        await BookTodayAsync(Seed.JaneId, 10);
        await BookTodayAsync(Seed.JohnId, 14);

        var cut = Render<CalendarPage>();

        cut.WaitForAssertion(() =>
        {
            Assert.True(Shows(cut, Label("Jane Cooper", 10, "Booked")), "Jane's appointment is not shown");
            Assert.True(Shows(cut, Label("John Smith", 14, "Booked")), "John's appointment is not shown");
        }, Patience);
    }

    [Fact]
    public void Render_Today_ShowsAFreeSlotPerProviderAndTime()
    {
        var cut = RenderLoaded();

        Assert.Equal("button", Named(cut, "Alex Morgan, 10:15, free").LocalName);
    }

    [Fact]
    public async Task LiveEvent_ClosureAddedAtAnotherDesk_TodayShadedAsClosedWithTheReasonWithoutReload()
    {
        var cut = RenderLoaded();
        cut.WaitForAssertion(() => Assert.True(Shows(cut, "Alex Morgan, 10:15, free")), Patience);

        await Services.GetRequiredService<FrontDesk.Dashboard.Catalog.CatalogService>()
            .AddClosureAsync(new FrontDesk.Dashboard.Catalog.AddClosure(Clock.Today, "Power cut", TestCallers.Manager(OtherDesk)));

        cut.WaitForAssertion(() => Assert.True(Shows(cut, "Alex Morgan, 10:15, free, Closed: Power cut")), Patience);
    }

    [Fact]
    public async Task LiveEvent_CheckInAtAnotherDesk_UpdatesAppointmentWithoutReload()
    {
        var jane = await BookTodayAsync(Seed.JaneId, 10);
        var cut = Render<CalendarPage>();
        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Jane Cooper", 10, "Booked"))), Patience);

        await AppointmentService.CheckInAsync(jane.Id, TestCallers.Manager(OtherDesk));

        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Jane Cooper", 10, "Checked in")), "the check-in did not show"), Patience);
        Assert.False(Shows(cut, Label("Jane Cooper", 10, "Booked")));
        Assert.Equal("CheckedIn", Named(cut, Label("Jane Cooper", 10, "Checked in")).GetAttribute("data-status"));
    }

    [Fact]
    public async Task LiveEvent_CheckInAtAnotherDesk_RendersItsLaneAloneNotThePageToolbarOrDrawer()
    {
        var jane = await BookTodayAsync(Seed.JaneId, 10);
        await BookTodayAsync(Seed.JohnId, 14);
        var cut = Render<CalendarPage>();
        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("John Smith", 14, "Booked"))), Patience);
        // Both are with the one provider: one lane. That only this lane's changed block is sent to the
        // browser, and that other lanes do not render, is the scheduler's own (SchedulerTests).
        int JaneLaneRenders() => cut.FindComponents<SchedulerLaneView>().Single(l => l.FindAll(".sch-item").Any(b => b.GetAttribute("aria-label")!.StartsWith("Jane Cooper", StringComparison.Ordinal))).RenderCount;
        // The page's title re-renders whenever the page does (its content is a fragment of the page).
        var pageRenders = cut.FindComponent<PageTitle>().RenderCount;
        var toolbarRenders = cut.FindComponent<MudToolBar>().RenderCount;
        var providerSelectRenders = cut.FindComponent<DeferredSelect<Guid>>().RenderCount;
        // No drawer has been opened here: the page holds none yet.
        Assert.Empty(cut.FindComponents<MudDrawer>());
        var janeLane = JaneLaneRenders();

        await AppointmentService.CheckInAsync(jane.Id, TestCallers.Manager(OtherDesk));

        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Jane Cooper", 10, "Checked in"))), Patience);
        Assert.True(JaneLaneRenders() > janeLane);
        Assert.Equal(pageRenders, cut.FindComponent<PageTitle>().RenderCount);
        Assert.Equal(toolbarRenders, cut.FindComponent<MudToolBar>().RenderCount);
        Assert.Equal(providerSelectRenders, cut.FindComponent<DeferredSelect<Guid>>().RenderCount);
        Assert.Empty(cut.FindComponents<MudDrawer>());
    }

    [Fact]
    public async Task LiveEvent_BookedAtAnotherDesk_AppearsAndTakesItsSlot()
    {
        var cut = RenderLoaded();
        Assert.True(Shows(cut, "Alex Morgan, 16:15, free"));

        await BookTodayAsync(Seed.MariaId, 16);

        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Maria Garcia", 16, "Booked"))), Patience);
        Assert.True(Shows(cut, "Alex Morgan, 16:15, taken by Maria Garcia"));
    }

    [Fact]
    public async Task LiveEvent_CancelledElsewhere_DisappearsUnlessCancelledAreShown()
    {
        var cut = RenderLoaded();
        var maria = await BookTodayAsync(Seed.MariaId, 16);
        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Maria Garcia", 16, "Booked"))), Patience);

        await AppointmentService.CancelAsync(maria.Id, null, TestCallers.Manager(OtherDesk));

        cut.WaitForAssertion(() => Assert.DoesNotContain("Maria Garcia", cut.Markup), Patience);
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Show cancelled").Click();
        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Maria Garcia", 16, "Cancelled"))), Patience);
    }

    /// <summary>A treatment room, and a body wrap (Alex performs it) that needs that room.</summary>
    private async Task<(Guid Room, Guid Wrap)> AddRoomAndWrapAsync()
    {
        var catalog = Services.GetRequiredService<FrontDesk.Dashboard.Catalog.CatalogService>();
        var room = await catalog.CreateResourceAsync(new FrontDesk.Dashboard.Catalog.SaveResource("Wrap room", FrontDesk.Domain.Catalog.ResourceKind.Room, true, TestCallers.Manager(OtherDesk)));
        var wrap = await catalog.CreateServiceAsync(new FrontDesk.Dashboard.Catalog.SaveService(
            "Body wrap", "Spa", [], 60, 80m, 0, [room.Id], [Seed.ProviderId], true, true, null, TestCallers.Manager(OtherDesk)));
        return (room.Id, wrap.Id);
    }

    private IRenderedComponent<CalendarPage> RenderRooms()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?view=rooms");
        return RenderLoaded();
    }

    [Fact]
    public async Task RoomsView_ShowsAColumnPerRoomWithItsKindAndTheAppointmentInItsRoom()
    {
        var (_, wrap) = await AddRoomAndWrapAsync();
        await AppointmentService.BookAsync(new BookAppointment(
            Seed.JaneId, wrap, Seed.ProviderId, Clock.ToUtc(Clock.LocalNow.Date.AddHours(10)), false, null, TestCallers.Manager(OtherDesk)));

        var cut = RenderRooms();

        cut.WaitForAssertion(() => Assert.True(Shows(cut, "Wrap room · Room, 10:15, taken by Jane Cooper")), Patience);
        Assert.True(Shows(cut, "Wrap room · Room, 11:00, free"));
        Assert.False(Shows(cut, "Alex Morgan, 11:00, free"));
    }

    [Fact]
    public async Task RoomsView_ABookingAtAnotherDesk_ShowsInItsRoomWithoutReload()
    {
        var (_, wrap) = await AddRoomAndWrapAsync();
        var cut = RenderRooms();
        cut.WaitForAssertion(() => Assert.True(Shows(cut, "Wrap room · Room, 14:15, free")), Patience);

        await AppointmentService.BookAsync(new BookAppointment(
            Seed.JohnId, wrap, Seed.ProviderId, Clock.ToUtc(Clock.LocalNow.Date.AddHours(14)), false, null, TestCallers.Manager(OtherDesk)));

        cut.WaitForAssertion(() => Assert.True(Shows(cut, "Wrap room · Room, 14:15, taken by John Smith")), Patience);
    }

    [Fact]
    public async Task RoomsSwitch_PutsTheRoomsViewInTheAddress()
    {
        await AddRoomAndWrapAsync();
        var cut = RenderLoaded();

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Rooms").Click();

        Assert.EndsWith("?view=rooms", Services.GetRequiredService<NavigationManager>().Uri);
        cut.WaitForAssertion(() => Assert.True(Shows(cut, "Wrap room · Room, 10:15, free")), Patience);
        Assert.Equal("true", cut.FindAll("button").Single(b => b.TextContent.Trim() == "Rooms").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task ClickFreeRoomSlot_OpensBookingDrawerAtThatTimeForThatKindWithNoProvider()
    {
        await AddRoomAndWrapAsync();
        var cut = RenderRooms();
        cut.WaitForAssertion(() => Assert.True(Shows(cut, "Wrap room · Room, 10:15, free")), Patience);

        Named(cut, "Wrap room · Room, 10:15, free").SlotClick();

        cut.WaitForAssertion(() => Assert.NotNull(Drawer(cut, "New appointment")), Patience);
        var drawer = cut.FindComponent<BookingDrawer>();
        Assert.Null(drawer.Instance.ProviderId);
        Assert.Equal(FrontDesk.Domain.Catalog.ResourceKind.Room, drawer.Instance.NeedsResourceKind);
        Assert.Equal(Clock.LocalNow.Date.AddHours(10).AddMinutes(15), drawer.Instance.Start);
    }

    [Fact]
    public void ClickFreeSlot_OpensBookingDrawerWithProviderAndTime()
    {
        var cut = RenderLoaded();
        Assert.Null(Drawer(cut, "New appointment"));

        Named(cut, "Alex Morgan, 10:15, free").SlotClick();

        cut.WaitForAssertion(() => Assert.NotNull(Drawer(cut, "New appointment")), Patience);
        var drawer = cut.FindComponent<BookingDrawer>();
        Assert.Equal(Seed.ProviderId, drawer.Instance.ProviderId);
        Assert.Equal(Clock.LocalNow.Date.AddHours(10).AddMinutes(15), drawer.Instance.Start);
    }

    [Fact]
    public async Task ClickAppointment_OpensAppointmentDrawerForIt()
    {
        var jane = await BookTodayAsync(Seed.JaneId, 10);
        var cut = Render<CalendarPage>();
        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Jane Cooper", 10, "Booked"))), Patience);

        Named(cut, Label("Jane Cooper", 10, "Booked")).ItemClick();

        cut.WaitForAssertion(() => Assert.NotNull(Drawer(cut, "Appointment")), Patience);
        Assert.Equal(jane.Id, cut.FindComponent<AppointmentDrawer>().Instance.AppointmentId);
    }

    [Fact]
    public async Task CloseDrawer_ClosesIt()
    {
        var cut = RenderLoaded();
        Named(cut, "Alex Morgan, 10:15, free").SlotClick();
        cut.WaitForAssertion(() => Assert.NotNull(Drawer(cut, "New appointment")), Patience);

        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Close drawer").Click());

        Assert.Null(Drawer(cut, "New appointment"));
        Assert.Empty(cut.FindComponents<BookingDrawer>());
    }

    [Fact]
    public async Task Drawer_NotThereUntilFirstOpened_ThenStaysClosedForTheNextOpening()
    {
        var cut = RenderLoaded();
        Assert.Empty(cut.FindComponents<MudDrawer>());

        Named(cut, "Alex Morgan, 10:15, free").SlotClick();
        cut.WaitForAssertion(() => Assert.NotNull(Drawer(cut, "New appointment")), Patience);
        Assert.Contains("mud-drawer--open", cut.Find(".cal-drawer").ClassList);
        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Close drawer").Click());

        // Kept, closed, so that it slides in (and out) from now on.
        Assert.Single(cut.FindComponents<MudDrawer>());
        Assert.Contains("mud-drawer--closed", cut.Find(".cal-drawer").ClassList);
        Named(cut, "Alex Morgan, 10:30, free").SlotClick();
        cut.WaitForAssertion(() => Assert.NotNull(Drawer(cut, "New appointment")), Patience);
        Assert.Single(cut.FindComponents<MudDrawer>());
        Assert.Contains("mud-drawer--open", cut.Find(".cal-drawer").ClassList);
    }

    [Fact]
    public async Task DropAppointmentOnAFreeSlot_MovesItThere()
    {
        await BookTodayAsync(Seed.JaneId, 10);
        var cut = Render<CalendarPage>();
        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Jane Cooper", 10, "Booked"))), Patience);

        Named(cut, Label("Jane Cooper", 10, "Booked")).ItemDragStart();
        Named(cut, "Alex Morgan, 12:00, free").SlotDrop();

        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Jane Cooper", 12, "Booked"))), Patience);
        Assert.False(Shows(cut, Label("Jane Cooper", 10, "Booked")));
        var stored = Assert.Single(await Services.GetRequiredService<CalendarQueries>().RangeAsync(Store.State.RangeStart, Store.State.RangeEnd));
        Assert.Equal(Clock.ToUtc(Clock.LocalNow.Date.AddHours(12)), stored.Start);
    }

    [Fact]
    public async Task DropAppointmentOnATakenTime_IsRefusedWithTheReasonAndStays()
    {
        await BookTodayAsync(Seed.JaneId, 10);
        await BookTodayAsync(Seed.JohnId, 12);
        var cut = Render<CalendarPage>();
        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("John Smith", 12, "Booked"))), Patience);

        // Jane's hour from 11:30 would overlap John's at 12:00.
        Named(cut, Label("Jane Cooper", 10, "Booked")).ItemDragStart();
        Named(cut, "Alex Morgan, 11:30, free").SlotDrop();

        cut.WaitForAssertion(() => Assert.Contains("Jane Cooper was not moved", cut.AlertText()), Patience);
        Assert.Contains("already has an appointment", cut.AlertText());
        Assert.True(Shows(cut, Label("Jane Cooper", 10, "Booked")));
    }

    [Fact]
    public async Task UndoAfterAMove_MovesTheAppointmentBack()
    {
        await BookTodayAsync(Seed.JaneId, 10);
        var snackbars = Render<MudSnackbarProvider>();
        var cut = Render<CalendarPage>();
        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Jane Cooper", 10, "Booked"))), Patience);
        Named(cut, Label("Jane Cooper", 10, "Booked")).ItemDragStart();
        Named(cut, "Alex Morgan, 12:00, free").SlotDrop();
        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Jane Cooper", 12, "Booked"))), Patience);

        snackbars.WaitForAssertion(() => Assert.Contains("Moved Jane Cooper to 12:00", snackbars.Markup), Patience);
        await snackbars.InvokeAsync(() => snackbars.FindAll("button").Single(b => b.TextContent.Trim() == "Undo").Click());

        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Jane Cooper", 10, "Booked"))), Patience);
        Assert.False(Shows(cut, Label("Jane Cooper", 12, "Booked")));
    }

    [Fact]
    public void WeekButton_ShowsTheWeekOfOneProviderWithDaysInTheSlotNames()
    {
        var cut = RenderLoaded();

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Week").Click();

        cut.WaitForAssertion(() => Assert.True(Shows(cut, $"Alex Morgan, {Clock.LocalNow:ddd d MMM}, 10:00, free")), Patience);
        Assert.Equal(CalendarViewKind.Week, Store.State.View);
    }
    [Fact]
    public void WeekButtonThenNextWeek_KeepsTheWeekShownForAResumedCircuit()
    {
        var cut = RenderLoaded();

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Week").Click();
        cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Next week").Click();

        var shown = cut.Instance.Shown;
        Assert.NotNull(shown);
        Assert.Equal(SchedulerView.Week, shown.View);
        Assert.Equal(DateOnly.FromDateTime(Clock.LocalNow).AddDays(7), shown.Date);
    }

    [Fact]
    public async Task ClickFreeSlot_KeepsADraftOfTheBookingUntilTheDrawerCloses()
    {
        var cut = RenderLoaded();
        Assert.Null(cut.Instance.Draft);

        Named(cut, "Alex Morgan, 10:15, free").SlotClick();
        cut.WaitForAssertion(() => Assert.NotNull(Drawer(cut, "New appointment")), Patience);

        var draft = cut.Instance.Draft;
        Assert.NotNull(draft);
        Assert.Equal(Seed.ProviderId, draft.ProviderId);
        Assert.Equal(Clock.LocalNow.Date.AddHours(10).AddMinutes(15), draft.SlotStart);
        Assert.Same(draft, cut.FindComponent<BookingDrawer>().Instance.Draft);

        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Close drawer").Click());

        Assert.Null(cut.Instance.Draft);
    }

    [Fact]
    public async Task ClickAppointment_KeepsItsIdForAResumedCircuitUntilTheDrawerCloses()
    {
        var jane = await BookTodayAsync(Seed.JaneId, 10);
        var cut = Render<CalendarPage>();
        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Jane Cooper", 10, "Booked"))), Patience);
        Assert.Null(cut.Instance.OpenAppointmentId);

        Named(cut, Label("Jane Cooper", 10, "Booked")).ItemClick();
        cut.WaitForAssertion(() => Assert.NotNull(Drawer(cut, "Appointment")), Patience);

        Assert.Equal(jane.Id, cut.Instance.OpenAppointmentId);
        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Close drawer").Click());
        Assert.Null(cut.Instance.OpenAppointmentId);
    }
}
