using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Calendar;

/// <summary>Issue 10, "the calendar can show rooms as columns": a room booked at one desk shows live in its column at another.</summary>
[Collection(E2ECollection.Name)]
public sealed class RoomsCalendarTests(BrowserFixture browser, ClinicServer server) : IClassFixture<ClinicServer>
{
    [Fact]
    public async Task RoomBooking_MadeAtOneDesk_AppearsLiveInItsColumnOfTheOtherDesksRoomsView()
    {
        using var api = server.Api;
        var wrap = await api.CreateRoomServiceAsync("Wrap room", "E2E body wrap", 60, 80m, ClinicServer.Tess);
        await api.CreateClientAsync("Grace Hopper", "07700 900131");
        await using var personA = await browser.NewPersonAsync("receptionist-a", server.BaseAddress, StaffRole.Receptionist);
        await using var personB = await browser.NewPersonAsync("receptionist-b", server.BaseAddress, StaffRole.Receptionist);
        var a = new CalendarDesk(personA);
        var b = new CalendarDesk(personB);
        await a.OpenAsync();
        await b.OpenAsync();
        await b.Page.GetByRole(AriaRole.Button, new() { Name = "Rooms", Exact = true }).ClickAsync();
        await Expect(b.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?view=rooms$"));
        var freeRoom = b.Page.GetByRole(AriaRole.Button, new() { Name = "Wrap room · Room, 15:15, free", Exact = true });
        await Expect(freeRoom).ToBeVisibleAsync();

        await a.ClickSlotAsync(ClinicServer.Tess, new TimeOnly(15, 0));
        await a.SearchAndChooseClientAsync("hopp", "Grace Hopper");
        await a.ChooseServiceAsync(wrap);
        await a.SaveBookingAsync();
        await Expect(a.BookingDrawer).ToBeHiddenAsync();

        // B never reloads: the booking arrives over the live feed, in the room's column.
        await Expect(b.Page.GetByRole(AriaRole.Button, new() { Name = "Wrap room · Room, 15:15, taken by Grace Hopper", Exact = true })).ToBeVisibleAsync();
        await Expect(b.Appointment("Grace Hopper")).ToHaveCountAsync(1);
        await personB.ScreenshotAsync("30-rooms-view-live");

        // The choice survives a reload.
        await b.Page.ReloadAsync();
        await Expect(b.Page.GetByRole(AriaRole.Button, new() { Name = "Rooms", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(b.Page.GetByRole(AriaRole.Button, new() { Name = "Wrap room · Room, 15:15, taken by Grace Hopper", Exact = true })).ToBeVisibleAsync();
    }
}
