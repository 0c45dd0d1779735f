using FrontDesk.Domain.Staff;
using System.Text.RegularExpressions;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Settings;

/// <summary>
/// Issue 10 (setting up the clinic): a manager adds a room, a provider with working hours (a
/// break) and a day off, and a service that needs the room; a receptionist's calendar, open all
/// along in another browser context, shows the new provider's column shaded without a reload and
/// refuses a booking on the day off with its reason.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ClinicSetupTests(BrowserFixture browser, ClinicServer server) : IClassFixture<ClinicServer>
{
    private const string Vera = "Vera Vance";

    private static ILocator Dialog(IPage page) => page.GetByRole(AriaRole.Dialog);

    /// <summary>Types into a field and leaves it, as MudBlazor fields take their value on change.</summary>
    private static async Task FillAsync(ILocator scope, string name, string text, AriaRole? role = null)
    {
        // A required field's label ends with MudBlazor's asterisk.
        var field = scope.GetByRole(role ?? AriaRole.Textbox, new() { NameRegex = new Regex($"^{Regex.Escape(name)}\\*?$") });
        await field.FillAsync(text);
        await field.PressAsync("Tab");
    }

    /// <summary>Picks options of a multi-select, then closes its list.</summary>
    private static async Task ChooseManyAsync(IPage page, string select, params string[] options)
    {
        var combobox = Dialog(page).GetByRole(AriaRole.Combobox, new() { Name = select });
        await combobox.ClickAsync();
        foreach (var option in options)
        {
            await page.GetByRole(AriaRole.Option).Filter(new() { HasText = option }).ClickAsync();
        }
        // A multi-select stays open: a second click on it closes the list.
        await combobox.ClickAsync();
        await Expect(combobox).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(Dialog(page).GetByRole(AriaRole.Combobox, new() { Name = select })).ToHaveValueAsync(string.Join(", ", options));
    }

    [Fact]
    public async Task Manager_AddsProviderHoursDayOffAndRoomService_ReceptionistSeesShadingLiveAndIsRefusedOnTheDayOff()
    {
        using var api = server.Api;
        await api.CreateClientAsync("Ada Lovelace", "07700 900101");
        await using var manager = await browser.NewPersonAsync("manager", server.BaseAddress, StaffRole.Manager);
        await using var receptionist = await browser.NewPersonAsync("receptionist", server.BaseAddress, StaffRole.Receptionist);
        var desk = new CalendarDesk(receptionist);
        await desk.OpenAsync();
        var page = manager.Page;
        try
        {
            await SetUpAndBookAsync(api, manager, receptionist, desk, page);
        }
        catch
        {
            await manager.ScreenshotAsync("failed");
            await receptionist.ScreenshotAsync("failed");
            throw;
        }
    }

    private static async Task SetUpAndBookAsync(FrontDeskApi api, Person manager, Person receptionist, CalendarDesk desk, IPage page)
    {

        // A room.
        await page.GotoAsync("/settings/resources");
        await Expect(page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New room or machine" }).ClickAsync();
        await FillAsync(Dialog(page), "Name", "Treatment room");
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Rooms and machines" }).GetByRole(AriaRole.Cell, new() { Name = "Treatment room", Exact = true })).ToBeVisibleAsync();

        // A provider who performs the massage.
        await page.GotoAsync("/settings/providers");
        await Expect(page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New provider" }).ClickAsync();
        await FillAsync(Dialog(page), "Name", Vera);
        await FillAsync(Dialog(page), "Title", "Therapist");
        await ChooseManyAsync(page, "Services they perform", ClinicServer.Massage.Name);
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Save provider" }).ClickAsync();
        await Expect(Dialog(page)).ToBeHiddenAsync();

        // The new column arrives on the receptionist's calendar without a reload; no hours yet, so all grey.
        await Expect(receptionist.Page.GetByRole(AriaRole.Button, new() { Name = $"{Vera}, 10:00, free, outside working hours", Exact = true })).ToBeVisibleAsync();

        // Working hours: every day 09:00-17:00 (the editor's first hours) with a break 12:00-12:30 (its first break); tomorrow off for training.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Working hours of {Vera}" }).ClickAsync();
        var hours = Dialog(page);
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" })
        {
            // The switch's state comes back from the server: click, then wait for it (CheckAsync asks at once).
            var open = hours.GetByRole(AriaRole.Switch, new() { Name = $"{day} open" });
            await open.ClickAsync();
            await Expect(open).ToBeCheckedAsync();
            await hours.GetByRole(AriaRole.Button, new() { Name = $"Add a break to {day} hours 1" }).ClickAsync();
            // Each change moves the days below it: wait for the new break before the next click.
            await Expect(hours.GetByRole(AriaRole.Textbox, new() { Name = $"{day} hours 1 break 1 start" })).ToBeVisibleAsync();
        }
        await hours.GetByRole(AriaRole.Button, new() { Name = "Add exception" }).ClickAsync();
        await FillAsync(hours, "Exception 1 reason", "Training");
        await manager.ScreenshotAsync("01-working-hours-editor");
        await hours.GetByRole(AriaRole.Button, new() { Name = "Save working hours" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Working hours of {Vera} saved." })).ToBeVisibleAsync();

        // A service that needs the room, performed by Vera.
        await page.GotoAsync("/settings/services");
        await Expect(page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New service" }).ClickAsync();
        await FillAsync(Dialog(page), "Name", "Hot stone therapy");
        await FillAsync(Dialog(page), "Activity", "Massage");
        await FillAsync(Dialog(page), "Duration (minutes)", "90", AriaRole.Spinbutton);
        await FillAsync(Dialog(page), "Price (GBP)", "95", AriaRole.Spinbutton);
        await ChooseManyAsync(page, "Providers who perform it", Vera);
        await ChooseManyAsync(page, "Rooms and machines it needs", "Treatment room");
        await manager.ScreenshotAsync("02-service-editor");
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Save service" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Services" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Hot stone therapy" })).ToContainTextAsync("Treatment room");

        // Today: Vera's hours shade live, the break greyed.
        var calendar = receptionist.Page;
        await Expect(calendar.GetByRole(AriaRole.Button, new() { Name = $"{Vera}, 10:00, free", Exact = true })).ToBeVisibleAsync();
        await Expect(calendar.GetByRole(AriaRole.Button, new() { Name = $"{Vera}, 12:15, free, on a break", Exact = true })).ToBeVisibleAsync();
        await Expect(calendar.GetByRole(AriaRole.Button, new() { Name = $"{Vera}, 17:00, free, outside working hours", Exact = true })).ToBeVisibleAsync();
        await receptionist.ScreenshotAsync("03-calendar-shaded-live");

        // Tomorrow: the whole column greyed with the reason; booking there is refused with it.
        await calendar.GetByRole(AriaRole.Button, new() { Name = "Next day" }).ClickAsync();
        var dayOff = calendar.GetByRole(AriaRole.Button, new() { Name = $"{Vera}, 10:00, free, Day off: Training", Exact = true });
        await Expect(dayOff).ToBeVisibleAsync();
        await receptionist.ScreenshotAsync("04-calendar-day-off");
        await dayOff.ClickAsync();
        await Expect(desk.BookingDrawer).ToBeVisibleAsync();
        await desk.SearchAndChooseClientAsync("lovel", "Ada Lovelace");
        await desk.ChooseServiceAsync(ClinicServer.Massage);
        await desk.SaveBookingAsync();
        var refusal = desk.BookingDrawer.GetByRole(AriaRole.Alert);
        await Expect(refusal).ToContainTextAsync(new Regex($"{Vera} is off on .*\\(Training\\)"));
        await Expect(refusal.GetByRole(AriaRole.Button, new() { Name = "Book anyway (manager override)" })).ToBeVisibleAsync();
        await receptionist.ScreenshotAsync("05-refused-on-day-off");
        await Expect(desk.Appointment("Ada Lovelace")).ToHaveCountAsync(0);
    }
}
