using System.Text.RegularExpressions;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Calendar;

/// <summary>
/// Issue "live calendar": what one desk (or the API) does appears on every other open
/// calendar without a reload. Two receptionists, two browser contexts, one real server. Each
/// test books at its own provider and hour, so the tests of this class can share the server.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class LiveCalendarTests(BrowserFixture browser, ClinicServer server) : IClassFixture<ClinicServer>
{
    [Fact]
    public async Task Booking_MadeAtOneDesk_IsSeenCheckedInAndCheckedOutLiveAtTheOther()
    {
        using var api = server.Api;
        await api.CreateClientAsync("Ada Lovelace", "07700 900101");
        await using var personA = await browser.NewPersonAsync("receptionist-a", server.BaseAddress, StaffRole.Receptionist);
        await using var personB = await browser.NewPersonAsync("receptionist-b", server.BaseAddress, StaffRole.Receptionist);
        var a = new CalendarDesk(personA);
        var b = new CalendarDesk(personB);
        await a.OpenAsync();
        await b.OpenAsync();
        await Expect(b.Appointment("Ada Lovelace")).ToHaveCountAsync(0);

        // A books Ada into Tess's 10:00 slot through the drawer.
        await a.ClickSlotAsync(ClinicServer.Tess, new TimeOnly(10, 0));
        await Expect(a.BookingDrawer.GetByRole(AriaRole.Combobox, new() { Name = "Provider" })).ToHaveValueAsync(ClinicServer.Tess.Name);
        await Expect(a.BookingDrawer.GetByRole(AriaRole.Textbox, new() { Name = "Start" })).ToHaveValueAsync(new Regex("10:00$"));
        await a.SearchAndChooseClientAsync("lovel", "Ada Lovelace");
        await a.ChooseServiceAsync(ClinicServer.Massage);
        await personA.ScreenshotAsync("01-booking-drawer-filled");
        await a.SaveBookingAsync();
        await Expect(a.BookingDrawer).ToBeHiddenAsync();

        var expectedName = $"Ada Lovelace, {ClinicServer.Massage.Name} with {ClinicServer.Tess.Name}, 10:00 to 11:00: ";
        await Expect(a.Appointment("Ada Lovelace")).ToHaveAccessibleNameAsync(expectedName + "Booked");
        // B never reloads: the booking arrives over the live feed.
        await Expect(b.Appointment("Ada Lovelace")).ToHaveAccessibleNameAsync(expectedName + "Booked");
        await Expect(b.Appointment("Ada Lovelace")).ToHaveAttributeAsync("data-status", "Booked");
        await personB.ScreenshotAsync("02-booking-arrived-live");

        // B checks Ada in; A sees it.
        await b.OpenAppointmentAsync("Ada Lovelace");
        await Expect(b.DrawerStatus).ToHaveAccessibleNameAsync("Status: Booked");
        await b.AppointmentDrawer.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();
        await Expect(b.DrawerStatus).ToHaveAccessibleNameAsync("Status: Checked in");
        await Expect(a.Appointment("Ada Lovelace")).ToHaveAttributeAsync("data-status", "CheckedIn");
        await Expect(a.Appointment("Ada Lovelace")).ToHaveAccessibleNameAsync(expectedName + "Checked in");
        await personA.ScreenshotAsync("03-check-in-arrived-live");

        // A checks Ada out, paying the full price by card; B sees it completed, even in B's open drawer.
        await a.OpenAppointmentAsync("Ada Lovelace");
        await Expect(a.DrawerStatus).ToHaveAccessibleNameAsync("Status: Checked in");
        await a.AppointmentDrawer.GetByRole(AriaRole.Button, new() { Name = "Check out", Exact = true }).ClickAsync();
        // The check-out window prices the appointment and fills the card payment with the total.
        var checkOut = a.Page.GetByRole(AriaRole.Dialog, new() { Name = "Check out · Ada Lovelace" });
        await Expect(checkOut.GetByRole(AriaRole.Spinbutton, new() { Name = "Payment 1 amount" })).ToHaveValueAsync("60.00");
        await Expect(checkOut.GetByText("Paying 60.00 GBP", new() { Exact = true })).ToBeVisibleAsync();
        await personA.ScreenshotAsync("04-check-out-payment");
        await checkOut.GetByRole(AriaRole.Button, new() { Name = "Confirm sale" }).ClickAsync();
        await Expect(checkOut).ToBeHiddenAsync();
        await Expect(a.DrawerStatus).ToHaveAccessibleNameAsync("Status: Checked out");

        await Expect(b.Appointment("Ada Lovelace")).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(b.Appointment("Ada Lovelace")).ToHaveAccessibleNameAsync(expectedName + "Checked out");
        await Expect(b.DrawerStatus).ToHaveAccessibleNameAsync("Status: Checked out");
        await personB.ScreenshotAsync("05-check-out-arrived-live");

        var stored = (await api.AppointmentsTodayAsync()).Single(x => x.ClientName == "Ada Lovelace");
        Assert.Equal(FrontDesk.Domain.Calendar.AppointmentStatus.Completed, stored.Status);
        Assert.NotNull(stored.InvoiceId);
    }

    [Fact]
    public async Task Booking_MadeThroughTheApi_AppearsOnBothScreensLive()
    {
        using var api = server.Api;
        var client = await api.CreateClientAsync("Grace Hopper", "07700 900102");
        await using var personA = await browser.NewPersonAsync("receptionist-a", server.BaseAddress, StaffRole.Receptionist);
        await using var personB = await browser.NewPersonAsync("receptionist-b", server.BaseAddress, StaffRole.Receptionist);
        var a = new CalendarDesk(personA);
        var b = new CalendarDesk(personB);
        await a.OpenAsync();
        await b.OpenAsync();
        await Expect(a.Appointment("Grace Hopper")).ToHaveCountAsync(0);
        await Expect(b.Appointment("Grace Hopper")).ToHaveCountAsync(0);

        await api.BookAsync(client.Id, ClinicServer.Facial, ClinicServer.Uma, ClinicServer.TodayAt(new TimeOnly(10, 30)));

        var expected = $"Grace Hopper, {ClinicServer.Facial.Name} with {ClinicServer.Uma.Name}, 10:30 to 11:00: Booked";
        await Expect(a.Appointment("Grace Hopper")).ToHaveAccessibleNameAsync(expected);
        await Expect(b.Appointment("Grace Hopper")).ToHaveAccessibleNameAsync(expected);
        await personA.ScreenshotAsync("06-api-booking-arrived-live");
    }

    [Fact]
    public async Task SaveBooking_WithoutClient_ShowsInlineMessageAndTheDeskKeepsWorking()
    {
        using var api = server.Api;
        await api.CreateClientAsync("Alan Turing", "07700 900103");
        await using var personA = await browser.NewPersonAsync("receptionist-a", server.BaseAddress, StaffRole.Receptionist);
        var a = new CalendarDesk(personA);
        await a.OpenAsync();

        await a.ClickSlotAsync(ClinicServer.Tess, new TimeOnly(13, 0));
        await a.ChooseServiceAsync(ClinicServer.Facial);
        await a.SaveBookingAsync();

        await Expect(a.BookingDrawer.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choose a client, or add a new one.");
        await personA.ScreenshotAsync("07-save-without-client");
        // The circuit is alive: the same drawer still books once a client is chosen.
        await a.SearchAndChooseClientAsync("turing", "Alan Turing");
        await a.SaveBookingAsync();
        await Expect(a.BookingDrawer).ToBeHiddenAsync();
        await Expect(a.Appointment("Alan Turing")).ToHaveAccessibleNameAsync(
            $"Alan Turing, {ClinicServer.Facial.Name} with {ClinicServer.Tess.Name}, 13:00 to 13:30: Booked");
    }

    [Fact]
    public async Task SaveBooking_SlotTakenMeanwhileByTheOtherDesk_ShowsInlineConflictAndTheDeskKeepsWorking()
    {
        using var api = server.Api;
        await api.CreateClientAsync("Katherine Johnson", "07700 900104");
        await api.CreateClientAsync("Dorothy Vaughan", "07700 900105");
        await using var personA = await browser.NewPersonAsync("receptionist-a", server.BaseAddress, StaffRole.Receptionist);
        await using var personB = await browser.NewPersonAsync("receptionist-b", server.BaseAddress, StaffRole.Receptionist);
        var a = new CalendarDesk(personA);
        var b = new CalendarDesk(personB);
        await a.OpenAsync();
        await b.OpenAsync();

        // Both desks start on Uma's 14:00 slot; B saves first.
        await a.ClickSlotAsync(ClinicServer.Uma, new TimeOnly(14, 0));
        await a.SearchAndChooseClientAsync("katherine", "Katherine Johnson");
        await a.ChooseServiceAsync(ClinicServer.Massage);

        await b.ClickSlotAsync(ClinicServer.Uma, new TimeOnly(14, 0));
        await b.SearchAndChooseClientAsync("dorothy", "Dorothy Vaughan");
        await b.ChooseServiceAsync(ClinicServer.Massage);
        await b.SaveBookingAsync();
        await Expect(b.BookingDrawer).ToBeHiddenAsync();
        await Expect(a.Appointment("Dorothy Vaughan")).ToHaveAttributeAsync("data-status", "Booked");

        await a.SaveBookingAsync();
        await Expect(a.BookingDrawer.GetByRole(AriaRole.Alert)).ToContainTextAsync($"{ClinicServer.Uma.Name} already has an appointment at that time.");
        await Expect(a.BookingDrawer).ToBeVisibleAsync();
        await personA.ScreenshotAsync("08-slot-taken-by-other-desk");
        await Expect(a.Appointment("Katherine Johnson")).ToHaveCountAsync(0);

        // The circuit is alive: A closes the drawer and books the next free hour instead.
        await a.CloseBookingDrawerAsync();
        await a.ClickSlotAsync(ClinicServer.Uma, new TimeOnly(15, 0));
        await a.SearchAndChooseClientAsync("katherine", "Katherine Johnson");
        await a.ChooseServiceAsync(ClinicServer.Massage);
        await a.SaveBookingAsync();
        await Expect(a.BookingDrawer).ToBeHiddenAsync();
        var expected = $"Katherine Johnson, {ClinicServer.Massage.Name} with {ClinicServer.Uma.Name}, 15:00 to 16:00: Booked";
        await Expect(a.Appointment("Katherine Johnson")).ToHaveAccessibleNameAsync(expected);
        await Expect(b.Appointment("Katherine Johnson")).ToHaveAccessibleNameAsync(expected);
    }
}
