using System.Text.RegularExpressions;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Calendar;

/// <summary>
/// Issue "calendar on MudBlazor": a receptionist can book and open appointments without a
/// mouse. Arrow keys move between free slots, Enter opens the booking drawer there; Enter on
/// an appointment opens its drawer.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class LiveCalendarKeyboardTests(BrowserFixture browser, ClinicServer server) : IClassFixture<ClinicServer>
{
    private static ILocator Focused(CalendarDesk desk) => desk.Page.Locator(":focus");

    [Fact]
    public async Task ArrowKeysThenEnter_OnAFreeSlot_OpenTheBookingDrawerForThatProviderAndTime()
    {
        await using var person = await browser.NewPersonAsync("receptionist-keyboard", server.BaseAddress, StaffRole.Receptionist);
        var desk = new CalendarDesk(person);
        await desk.OpenAsync();

        await (await desk.SlotAsync(ClinicServer.Tess, new TimeOnly(9, 0))).FocusAsync();
        foreach (var key in new[] { "ArrowDown", "ArrowDown", "ArrowDown", "ArrowDown", "ArrowRight" })
        {
            await desk.Page.Keyboard.PressAsync(key);
        }

        await Expect(Focused(desk)).ToHaveAccessibleNameAsync($"{ClinicServer.Uma.Name}, 10:00, free");
        await desk.Page.Keyboard.PressAsync("Enter");
        await Expect(desk.BookingDrawer).ToBeVisibleAsync();
        await Expect(desk.BookingDrawer.GetByRole(AriaRole.Combobox, new() { Name = "Provider" })).ToHaveValueAsync(ClinicServer.Uma.Name);
        await Expect(desk.BookingDrawer.GetByRole(AriaRole.Textbox, new() { Name = "Start" })).ToHaveValueAsync(new Regex("10:00$"));
        await person.ScreenshotAsync("20-keyboard-booking-drawer");
    }

    [Fact]
    public async Task Enter_OnAnAppointment_OpensItsDrawer()
    {
        using var api = server.Api;
        var client = await api.CreateClientAsync("Hedy Lamarr", "07700 900120");
        await api.BookAsync(client.Id, ClinicServer.Facial, ClinicServer.Tess, ClinicServer.TodayAt(new TimeOnly(16, 0)));
        await using var person = await browser.NewPersonAsync("receptionist-keyboard", server.BaseAddress, StaffRole.Receptionist);
        var desk = new CalendarDesk(person);
        await desk.OpenAsync();

        await desk.Appointment("Hedy Lamarr").FocusAsync();
        await desk.Page.Keyboard.PressAsync("Enter");

        await Expect(desk.AppointmentDrawer).ToBeVisibleAsync();
        await Expect(desk.AppointmentDrawer.GetByRole(AriaRole.Heading, new() { Name = "Hedy Lamarr" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task StepAndBack_InTheAppointmentDrawer_KeepTheFocusOnWhatComesNext()
    {
        using var api = server.Api;
        var client = await api.CreateClientAsync("Grace Hopper", "07700 900121");
        await api.BookAsync(client.Id, ClinicServer.Facial, ClinicServer.Uma, ClinicServer.TodayAt(new TimeOnly(16, 0)));
        await using var person = await browser.NewPersonAsync("receptionist-keyboard", server.BaseAddress, StaffRole.Receptionist);
        var desk = new CalendarDesk(person);
        await desk.OpenAsync();
        await desk.Appointment("Grace Hopper").FocusAsync();
        await desk.Page.Keyboard.PressAsync("Enter");
        await Expect(desk.AppointmentDrawer.GetByRole(AriaRole.Heading, new() { Name = "Grace Hopper" })).ToBeVisibleAsync();

        // The button pressed goes away with the step it opens: the step's heading takes the focus.
        await desk.AppointmentDrawer.GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" }).FocusAsync();
        await desk.Page.Keyboard.PressAsync("Enter");
        await Expect(Focused(desk)).ToHaveAccessibleNameAsync("Cancel appointment");
        await Expect(Focused(desk)).ToHaveRoleAsync(AriaRole.Heading);

        // Back: the first action takes it.
        await desk.AppointmentDrawer.GetByRole(AriaRole.Button, new() { Name = "Back" }).FocusAsync();
        await desk.Page.Keyboard.PressAsync("Enter");
        await Expect(Focused(desk)).ToHaveAccessibleNameAsync("Check in");
    }
}
