using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Calendar;
using FrontDesk.Dashboard.Components.Pages;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Radzen;
using Radzen.Blazor.Rendering;

namespace FrontDesk.Tests.Component.Components.Pages;

/// <summary>
/// The calendar page with Radzen's real scheduler. The scheduler asks the browser for its size
/// (Radzen.createResizable) before it lays out appointments; that one call is answered here.
/// </summary>
public sealed class CalendarPageTests : ClinicTestContext
{
    public CalendarPageTests() =>
        JSInterop.Setup<Rect>("Radzen.createResizable", _ => true).SetResult(new Rect { Width = 1200, Height = 800 });

    private Task<AppointmentView> BookTodayAsync(Guid client, int hour) =>
        AppointmentService.BookAsync(new BookAppointment(
            client, Seed.MassageId, Seed.ProviderId, Clock.ToUtc(Clock.LocalNow.Date.AddHours(hour)), false, null, OtherDesk));

    private static string Label(string client, int hour, string status) =>
        $"{client}, Swedish massage 60 with Alex Morgan, {hour:00}:00 to {hour + 1:00}:00: {status}";

    private static bool Shows(IRenderedComponent<CalendarPage> cut, string label) =>
        cut.FindAll("[role=button][aria-label]").Any(e => e.GetAttribute("aria-label") == label);

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
    public async Task LiveEvent_CheckInAtAnotherDesk_UpdatesAppointmentWithoutReload()
    {
        var jane = await BookTodayAsync(Seed.JaneId, 10);
        var cut = Render<CalendarPage>();
        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Jane Cooper", 10, "Booked"))), Patience);

        await AppointmentService.CheckInAsync(jane.Id, OtherDesk);

        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Jane Cooper", 10, "Checked in")), "the check-in did not show"), Patience);
        Assert.False(Shows(cut, Label("Jane Cooper", 10, "Booked")));
    }

    [Fact]
    public async Task LiveEvent_BookedAndCancelledElsewhere_AppearsThenDisappears()
    {
        var cut = Render<CalendarPage>();
        cut.WaitForAssertion(() => Assert.False(Store.State.Loading), Patience);

        var maria = await BookTodayAsync(Seed.MariaId, 16);
        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Maria Garcia", 16, "Booked"))), Patience);
        await AppointmentService.CancelAsync(maria.Id, null, OtherDesk);

        cut.WaitForAssertion(() => Assert.DoesNotContain("Maria Garcia", cut.Markup), Patience);
    }

    [Fact]
    public async Task ClickAppointment_OpensAppointmentDrawerForIt()
    {
        var jane = await BookTodayAsync(Seed.JaneId, 10);
        Type? opened = null;
        Dictionary<string, object?>? parameters = null;
        Services.GetRequiredService<DialogService>().OnSideOpen += (type, p, _) => (opened, parameters) = (type, p);
        var cut = Render<CalendarPage>();
        cut.WaitForAssertion(() => Assert.True(Shows(cut, Label("Jane Cooper", 10, "Booked"))), Patience);

        // Radzen puts the click handler on the event box around the labelled content.
        cut.FindAll(".rz-event").Single(e => e.QuerySelector($"[aria-label='{Label("Jane Cooper", 10, "Booked")}']") is not null).Click();

        cut.WaitForAssertion(() => Assert.Equal(typeof(AppointmentDrawer), opened), Patience);
        Assert.Equal(jane.Id, parameters![nameof(AppointmentDrawer.AppointmentId)]);
    }
}
