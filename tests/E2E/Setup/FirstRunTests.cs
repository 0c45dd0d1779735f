using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Setup;

/// <summary>
/// Issue 10, "First run": a new clinic starts the app on an empty database, walks the setup
/// wizard as its owner and lands on a calendar that shows its name and its opening hours.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class FirstRunTests(BrowserFixture browser, EmptyDatabaseServer server) : IClassFixture<EmptyDatabaseServer>
{
    private const string Zone = "Europe/Berlin";

    [Fact]
    public async Task SetupWizard_NewOwnerSetsUpTheBusiness_CalendarShowsItsNameAndOpeningHours()
    {
        await using var owner = await browser.NewPersonAsync("owner", server.BaseAddress, StaffRole.Owner);
        var page = owner.Page;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Zone)).DateTime);
        var closedDay = today.AddDays(2).DayOfWeek; // never today: the calendar opens on today

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/setup$"));
        await Expect(page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();

        // 1. The business.
        await page.GetByLabel("Business name").FillAsync("Harbour Physio");
        await page.GetByLabel("Time zone").FillAsync(Zone);
        await page.GetByLabel("Currency").FillAsync("EUR");
        await owner.ScreenshotAsync("setup-01-business");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();

        // 2. Opening hours: 10:00-16:00, closed one day.
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Opening hours" })).ToBeVisibleAsync();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (day == closedDay)
            {
                await page.GetByRole(AriaRole.Switch, new() { Name = $"Open on {day}" }).Or(page.GetByRole(AriaRole.Checkbox, new() { Name = $"Open on {day}" })).ClickAsync();
                continue;
            }
            await page.GetByLabel($"{day} opens").FillAsync("10:00");
            await page.GetByLabel($"{day} closes").FillAsync("16:00");
        }
        await Expect(page.GetByLabel($"{closedDay} opens")).ToHaveCountAsync(0);
        await owner.ScreenshotAsync("setup-02-hours");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();

        // 3. Services and providers: done later, in Settings.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add a provider" })).ToBeVisibleAsync();
        await owner.ScreenshotAsync("setup-03-services");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip, do this later" }).ClickAsync();

        // 4. Finish.
        var summary = page.GetByRole(AriaRole.Table, new() { Name = "Your settings" });
        await Expect(summary).ToContainTextAsync("Harbour Physio");
        await Expect(summary).ToContainTextAsync($"{closedDay}Closed");
        await owner.ScreenshotAsync("setup-04-finish");
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish setup" }).ClickAsync();

        // The calendar, with the business's name and what to do next.
        await Expect(page).ToHaveURLAsync(new Regex(":\\d+/$"));
        await Expect(page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Harbour Physio");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "No providers yet — add one in Settings" })).ToBeVisibleAsync();

        // Once a provider exists (12:00-14:00), the day runs over the business's hours, 10:00-16:00.
        await server.AddProviderAsync("Pia Park", new TimeOnly(12, 0), new TimeOnly(14, 0));
        await page.ReloadAsync();
        await Expect(page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pia Park, 10:00, free, outside working hours", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pia Park, 12:00, free", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pia Park, 15:45, free, outside working hours", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pia Park, (09:45|16:00),") })).ToHaveCountAsync(0);
        await owner.ScreenshotAsync("setup-05-calendar");

        using var http = server.CreateClient();
        var settings = await http.GetFromJsonAsync<JsonElement>("api/v1/settings/business");
        Assert.Equal("Harbour Physio", settings.GetProperty("name").GetString());
        Assert.Equal(Zone, settings.GetProperty("timeZone").GetString());
        Assert.Equal("EUR", settings.GetProperty("currency").GetString());
    }
}

/// <summary>While a new clinic is being set up, every other screen leads to the wizard (the wall display waits).</summary>
[Collection(E2ECollection.Name)]
public sealed class SetupRedirectTests(BrowserFixture browser, EmptyDatabaseServer server) : IClassFixture<EmptyDatabaseServer>
{
    [Fact]
    public async Task SecondBrowser_OpensTheCalendarDuringSetup_IsSentToTheSetup()
    {
        await using var owner = await browser.NewPersonAsync("owner", server.BaseAddress, StaffRole.Owner);
        // A second manager's browser: the setup is for owners and managers (a receptionist is refused it).
        await using var receptionist = await browser.NewPersonAsync("manager", server.BaseAddress, StaffRole.Manager);
        await owner.Page.GotoAsync("/setup");
        await Expect(owner.Page.GetByRole(AriaRole.Heading, new() { Name = "Welcome — let's set up your business" })).ToBeVisibleAsync();

        await receptionist.Page.GotoAsync("/clients");

        await Expect(receptionist.Page).ToHaveURLAsync(new Regex("/setup$"));
        await Expect(receptionist.Page.GetByRole(AriaRole.Heading, new() { Name = "Welcome — let's set up your business" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WallDisplay_OpenedDuringSetup_SaysItIsNotSetUpYet()
    {
        await using var wall = await browser.NewPersonAsync("wall", server.BaseAddress, StaffRole.Display);

        await wall.Page.GotoAsync("/display");

        await Expect(wall.Page).ToHaveURLAsync(new Regex("/display$"));
        await Expect(wall.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "This display is not set up yet." })).ToBeVisibleAsync();
    }
}
