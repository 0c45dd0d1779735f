using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Setup;

/// <summary>
/// Issue 10, "Done means": a new clinic on an empty database, set up on screen the way its owner
/// would: the setup wizard, one room, three services (two of them need the room), two providers
/// with different hours (one takes a day off), 50 clients imported from another system's CSV with
/// two bad rows. Then a receptionist, in a browser of their own, books: the calendar shades each
/// provider's hours, and the second booking of the room at the same time and a booking on the day
/// off are refused with their reasons.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class NewClinicJourneyTests(BrowserFixture browser, EmptyDatabaseServer server) : IClassFixture<EmptyDatabaseServer>
{
    private const string Pia = "Pia Park";
    private const string Ravi = "Ravi Rao";
    private const string Room = "Laser room";
    private const string Assessment = "Physio assessment";
    private const string HairLaser = "Laser hair removal";
    private const string SkinLaser = "Laser skin rejuvenation";
    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static ILocator Dialog(IPage page) => page.GetByRole(AriaRole.Dialog);

    private static Task InteractiveAsync(IPage page) => Expect(page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();

    /// <summary>Types into a field and leaves it (MudBlazor fields take their value on change); a required field's name ends with an asterisk.</summary>
    private static async Task FillAsync(ILocator scope, string name, string text, AriaRole? role = null)
    {
        var field = scope.GetByRole(role ?? AriaRole.Textbox, new() { NameRegex = new Regex($"^{Regex.Escape(name)}\\*?$") });
        await field.FillAsync(text);
        await field.PressAsync("Tab");
    }

    /// <summary>Picks options of a multi-select in the open dialog, then closes its list.</summary>
    private static async Task ChooseManyAsync(IPage page, string select, params string[] options)
    {
        var combobox = Dialog(page).GetByRole(AriaRole.Combobox, new() { Name = select });
        await combobox.ClickAsync();
        foreach (var option in options)
        {
            await page.GetByRole(AriaRole.Option).Filter(new() { HasText = option }).ClickAsync();
        }
        await combobox.ClickAsync();
        await Expect(combobox).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task NewOwner_SetsUpClinicAndImportsClients_ReceptionistBooksAndIsRefusedTheTakenRoomAndTheDayOff()
    {
        await using var owner = await browser.NewPersonAsync("owner", server.BaseAddress, StaffRole.Owner);
        await using var receptionist = await browser.NewPersonAsync("receptionist", server.BaseAddress, StaffRole.Receptionist);
        try
        {
            await SetUpClinicAsync(owner);
            await ImportClientsAsync(owner);
            await BookAsync(receptionist);
        }
        catch
        {
            await owner.ScreenshotAsync("journey-failed");
            await receptionist.ScreenshotAsync("journey-failed");
            throw;
        }
    }

    private async Task SetUpClinicAsync(Person owner)
    {
        var page = owner.Page;

        // The wizard: the business, opening hours 08:00-19:00 every day, the rest later.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/setup$"));
        await InteractiveAsync(page);
        await page.GetByLabel("Business name").FillAsync("Riverside Clinic");
        await page.GetByLabel("Currency").FillAsync("GBP");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Opening hours" })).ToBeVisibleAsync();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            await page.GetByLabel($"{day} opens").FillAsync("08:00");
            await page.GetByLabel($"{day} closes").FillAsync("19:00");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip, do this later" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Your settings" })).ToContainTextAsync("Riverside Clinic");
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish setup" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(":\\d+/$"));

        // One room that both laser services need.
        await page.GotoAsync("/settings/resources");
        await InteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "New room or machine" }).ClickAsync();
        await FillAsync(Dialog(page), "Name", Room);
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Rooms and machines" }).GetByRole(AriaRole.Cell, new() { Name = Room, Exact = true })).ToBeVisibleAsync();

        // Three services.
        await page.GotoAsync("/settings/services");
        await InteractiveAsync(page);
        await AddServiceAsync(page, Assessment, "Physiotherapy", 45, 55, room: null);
        await AddServiceAsync(page, HairLaser, "Laser", 30, 60, Room);
        await AddServiceAsync(page, SkinLaser, "Laser", 30, 80, Room);
        await owner.ScreenshotAsync("journey-01-services");

        // Two providers: Pia 09:00-17:00 does everything; Ravi 12:00-18:00 does the lasers and is off the day after tomorrow.
        await page.GotoAsync("/settings/providers");
        await InteractiveAsync(page);
        await AddProviderAsync(page, Pia, "Physiotherapist", Assessment, HairLaser, SkinLaser);
        await AddProviderAsync(page, Ravi, "Laser technician", HairLaser, SkinLaser);
        await SetHoursAsync(page, Pia, "09:00", "17:00", dayOff: null);
        await SetHoursAsync(page, Ravi, "12:00", "18:00", dayOff: DayAfterTomorrow);
        await owner.ScreenshotAsync("journey-02-providers");
    }

    private static async Task AddServiceAsync(IPage page, string name, string activity, int minutes, int price, string? room)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "New service" }).ClickAsync();
        await FillAsync(Dialog(page), "Name", name);
        await FillAsync(Dialog(page), "Activity", activity);
        await FillAsync(Dialog(page), "Duration (minutes)", minutes.ToString(), AriaRole.Spinbutton);
        await FillAsync(Dialog(page), "Price (GBP)", price.ToString(), AriaRole.Spinbutton);
        if (room is not null)
        {
            await ChooseManyAsync(page, "Rooms and machines it needs", room);
        }
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Save service" }).ClickAsync();
        await Expect(Dialog(page)).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Services" }).GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToBeVisibleAsync();
    }

    private static async Task AddProviderAsync(IPage page, string name, string title, params string[] services)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "New provider" }).ClickAsync();
        await FillAsync(Dialog(page), "Name", name);
        await FillAsync(Dialog(page), "Title", title);
        await ChooseManyAsync(page, "Services they perform", services);
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Save provider" }).ClickAsync();
        await Expect(Dialog(page)).ToBeHiddenAsync();
    }

    private static async Task SetHoursAsync(IPage page, string provider, string from, string to, DateOnly? dayOff)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Working hours of {provider}" }).ClickAsync();
        var hours = Dialog(page);
        foreach (var day in Weekdays)
        {
            // The switch's state comes back from the server: click, then wait for it.
            var open = hours.GetByRole(AriaRole.Switch, new() { Name = $"{day} open" });
            await open.ClickAsync();
            await Expect(open).ToBeCheckedAsync();
            await FillAsync(hours, $"{day} hours 1 start", from);
            await FillAsync(hours, $"{day} hours 1 end", to);
        }
        if (dayOff is { } date)
        {
            await hours.GetByRole(AriaRole.Button, new() { Name = "Add exception" }).ClickAsync();
            var when = hours.GetByRole(AriaRole.Textbox, new() { Name = "Exception 1 date" });
            await when.FillAsync(date.ToString("yyyy-MM-dd"));
            await when.PressAsync("Enter");
            await FillAsync(hours, "Exception 1 reason", "Training");
            await Expect(when).ToHaveValueAsync(date.ToString("yyyy-MM-dd"));
        }
        await hours.GetByRole(AriaRole.Button, new() { Name = "Save working hours" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Working hours of {provider} saved." })).ToBeVisibleAsync();
    }

    private async Task ImportClientsAsync(Person owner)
    {
        var page = owner.Page;
        var csv = new StringBuilder("First name,Last name,Mobile,E-mail\r\n");
        for (var i = 1; i <= 50; i++)
        {
            csv.Append(i switch
            {
                17 => $",,07000 2000{i:00},\r\n", // no name
                33 => $"Quinn,Bad{i},07000 2000{i:00},quinn@\r\n", // not an email address
                _ => $"Client{i:00},Imported,07000 2000{i:00},client{i:00}@example.com\r\n",
            });
        }

        await page.GotoAsync("/clients/import");
        await InteractiveAsync(page);
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "other-system.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        var errors = page.GetByRole(AriaRole.List, new() { Name = "Rows with errors" });
        await Expect(errors).ToContainTextAsync("Row 18: The name is missing.");
        await Expect(errors).ToContainTextAsync("Row 34: 'quinn@' is not an email address.");
        await Expect(errors.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await owner.ScreenshotAsync("journey-03-import-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 48 clients (skip 2 rows)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Imported 48 clients, skipped 2 rows." })).ToBeVisibleAsync();

        using var http = server.CreateClient();
        var clients = await http.GetFromJsonAsync<JsonElement>("api/v1/clients?limit=1");
        Assert.Equal(48, clients.GetProperty("total").GetInt32());
    }

    private async Task BookAsync(Person receptionist)
    {
        var page = receptionist.Page;
        var desk = new CalendarDesk(receptionist, new TimeOnly(8, 0));
        await desk.OpenAsync();

        // Today: each provider's own hours shaded.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"{Pia}, 10:00, free", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"{Ravi}, 10:00, free, outside working hours", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"{Ravi}, 17:30, free", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"{Pia}, 17:30, free, outside working hours", Exact = true })).ToBeVisibleAsync();
        await receptionist.ScreenshotAsync("journey-04-calendar-shaded");

        // Tomorrow: the room at 13:00 with Pia, then the other laser at 13:00 with Ravi: the room is taken.
        await page.GetByRole(AriaRole.Button, new() { Name = "Next day" }).ClickAsync();
        await BookSlotAsync(desk, Pia, "client07", "Client07 Imported", HairLaser, 60);
        await Expect(desk.Appointment("Client07 Imported")).ToBeVisibleAsync();

        await BookSlotAsync(desk, Ravi, "client08", "Client08 Imported", SkinLaser, 80);
        var refusal = desk.BookingDrawer.GetByRole(AriaRole.Alert);
        await Expect(refusal).ToContainTextAsync(new Regex($"{Room}.* is taken 13:00-13:30"));
        await receptionist.ScreenshotAsync("journey-05-room-taken");
        await Expect(desk.Appointment("Client08 Imported")).ToHaveCountAsync(0);
        await desk.CloseBookingDrawerAsync();

        // The day after: Ravi is off; the column says so and a booking there is refused with the reason.
        await page.GetByRole(AriaRole.Button, new() { Name = "Next day" }).ClickAsync();
        var dayOff = page.GetByRole(AriaRole.Button, new() { Name = $"{Ravi}, 13:00, free, Day off: Training", Exact = true });
        await Expect(dayOff).ToBeVisibleAsync();
        await dayOff.ClickAsync();
        await Expect(desk.BookingDrawer).ToBeVisibleAsync();
        await desk.SearchAndChooseClientAsync("client09", "Client09 Imported");
        await ChooseServiceAsync(desk, SkinLaser, 80);
        await desk.SaveBookingAsync();
        await Expect(desk.BookingDrawer.GetByRole(AriaRole.Alert)).ToContainTextAsync(new Regex($"{Ravi} is off on .*\\(Training\\)"));
        await receptionist.ScreenshotAsync("journey-06-day-off");
        await Expect(desk.Appointment("Client09 Imported")).ToHaveCountAsync(0);
    }

    private static async Task BookSlotAsync(CalendarDesk desk, string provider, string query, string client, string service, int price)
    {
        var slot = desk.Page.GetByRole(AriaRole.Button, new() { Name = $"{provider}, 13:00, free", Exact = true });
        await slot.ClickAsync();
        await Expect(desk.BookingDrawer).ToBeVisibleAsync();
        await desk.SearchAndChooseClientAsync(query, client);
        await ChooseServiceAsync(desk, service, price);
        await desk.SaveBookingAsync();
    }

    private static async Task ChooseServiceAsync(CalendarDesk desk, string service, int price)
    {
        var label = $"{service} · 30 min · {price:0.00} GBP";
        await desk.BookingDrawer.GetByRole(AriaRole.Combobox, new() { Name = "Service" }).ClickAsync();
        await desk.Page.GetByRole(AriaRole.Option, new() { Name = label, Exact = true }).ClickAsync();
        await Expect(desk.BookingDrawer.GetByRole(AriaRole.Combobox, new() { Name = "Service" })).ToHaveValueAsync(label);
    }

    /// <summary>The day after tomorrow in the business's zone (Europe/London, the first-run value).</summary>
    private static DateOnly DayAfterTomorrow =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime).AddDays(2);
}
