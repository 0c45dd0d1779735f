using System.Text.RegularExpressions;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Packages;

/// <summary>
/// Two desks, one client, one green circle left: both receptionists pick it and press Save at
/// the same moment. The session is sold once; the other desk is told so in its drawer and
/// sees the circle turn orange without a reload.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class LastCircleTests(BrowserFixture browser, ClinicServer server) : IClassFixture<ClinicServer>
{
    private const string Course = "E2E facial x2";
    private static readonly TimeOnly SlotA = new(11, 0);
    private static readonly TimeOnly SlotB = new(12, 0);

    [Fact]
    public async Task SaveBooking_BothDesksTakeTheLastCircleAtOnce_OneBookingAndTheOtherDeskIsToldAndSeesItOrange()
    {
        using var api = server.Api;
        var client = await api.CreateClientAsync("Lena Last", "07700 900501");
        var course = await api.CreateCourseAsync(Course, ClinicServer.Facial, 2, 60m);
        var record = await api.SellAsync(client.Id, course);
        // Session 1 is already booked (through the API, so online redemption is switched on): one green circle is left.
        await api.AllowOnlineRedemptionAsync();
        await api.BookAsync(client.Id, ClinicServer.Facial, ClinicServer.Tess, ClinicServer.TodayAt(new TimeOnly(9, 0)), record.Id, 1);
        var appointmentsBefore = (await api.AppointmentsTodayAsync()).Count(x => x.ClientId == client.Id);

        await using var personA = await browser.NewPersonAsync("receptionist-a", server.BaseAddress, StaffRole.Receptionist);
        await using var personB = await browser.NewPersonAsync("receptionist-b", server.BaseAddress, StaffRole.Receptionist);
        var a = new CalendarDesk(personA);
        var b = new CalendarDesk(personB);
        await a.OpenAsync();
        await b.OpenAsync();

        // Each desk books Lena at its own provider and hour (so only the circle can clash), from session 2.
        await OpenDrawerOnLastCircleAsync(a, ClinicServer.Tess, SlotA);
        await OpenDrawerOnLastCircleAsync(b, ClinicServer.Uma, SlotB);
        await personB.ScreenshotAsync("30-last-circle-selected");

        await Task.WhenAll(a.SaveBookingAsync(), b.SaveBookingAsync());

        // Exactly one desk's save went through: its drawer closes, the other stays open with a message.
        var winnerAppointment = await WaitForTheWinnerAsync(a);
        var (winner, loser, loserPerson) = winnerAppointment.ProviderId == ClinicServer.Tess.Id ? (a, b, personB) : (b, a, personA);
        await Expect(winner.BookingDrawer).ToBeHiddenAsync();
        await Expect(loser.BookingDrawer).ToBeVisibleAsync();
        await Expect(loser.BookingDrawer.GetByRole(AriaRole.Alert)).ToContainTextAsync($"{Course}: session 2 is already booked. Pick a green circle.");
        // Without a reload, the loser's circle is orange now and nothing is selected any more.
        await Expect(loser.BookingCircle(Course, 2, 2)).ToHaveAccessibleNameAsync($"{Course}, session 2 of 2: booked");
        await Expect(loser.BookingCircle(Course, 2, 2)).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(loser.BookingCircle(Course, 2, 2)).ToBeDisabledAsync();
        await Expect(loser.BookingCircle(Course, 2, 2)).ToHaveClassAsync(new Regex(@"\bcircle-booked\b"));
        await loserPerson.ScreenshotAsync("31-last-circle-taken-by-other-desk");
        // Both calendars show the winner's booking, and only that one.
        await Expect(a.Appointment("Lena Last")).ToHaveCountAsync(2);
        await Expect(b.Appointment("Lena Last")).ToHaveCountAsync(2);

        // The record: both sessions booked, session 2 by the winner's appointment; one new appointment only.
        var lena = (await api.AppointmentsTodayAsync()).Where(x => x.ClientId == client.Id).ToList();
        Assert.Equal(appointmentsBefore + 1, lena.Count);
        var after = (await api.ClientPackagesAsync(client.Id)).Single(r => r.Id == record.Id);
        Assert.Equal([SessionState.Booked, SessionState.Booked], after.Sessions.OrderBy(s => s.Number).Select(s => s.State));
        Assert.Equal(winnerAppointment.Id, after.Sessions.Single(s => s.Number == 2).AppointmentId);
        Assert.Equal((record.Id, 2), (winnerAppointment.PackageRecordId, winnerAppointment.PackageSession));
    }

    private static async Task OpenDrawerOnLastCircleAsync(CalendarDesk desk, ClinicProvider provider, TimeOnly time)
    {
        await desk.ClickSlotAsync(provider, time);
        await desk.SearchAndChooseClientAsync("lena", "Lena Last");
        await desk.ChooseServiceAsync(ClinicServer.Facial);
        await Expect(desk.BookingCircle(Course, 1, 2)).ToHaveAccessibleNameAsync($"{Course}, session 1 of 2: booked");
        await Expect(desk.BookingCircle(Course, 2, 2)).ToHaveAccessibleNameAsync($"{Course}, session 2 of 2: free");
        await desk.BookingCircle(Course, 2, 2).ClickAsync();
        await Expect(desk.BookingCircle(Course, 2, 2)).ToHaveAccessibleNameAsync($"{Course}, session 2 of 2: free, selected");
        await Expect(desk.BookingCircle(Course, 2, 2)).ToHaveAttributeAsync("aria-pressed", "true");
    }

    /// <summary>
    /// The new appointment from session 2, once it shows on desk A's calendar (it does whoever
    /// saved it: A's own save, or B's over the live feed); then read back through the API.
    /// </summary>
    private async Task<FrontDesk.Dashboard.Api.AppointmentDto> WaitForTheWinnerAsync(CalendarDesk a)
    {
        await Expect(a.Appointment("Lena Last")).ToHaveCountAsync(2);
        using var api = server.Api;
        return (await api.AppointmentsTodayAsync()).Single(x => x.ClientName == "Lena Last" && x.PackageSession == 2);
    }
}
