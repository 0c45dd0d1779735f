using System.Text.RegularExpressions;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Calendar;

/// <summary>
/// The calendar on a 390 px phone: the browser reports its width, the server renders the agenda
/// list and not the day grid (never both), nothing scrolls sideways, and widening the window
/// brings the grid back in place of the agenda. The app bar's menu closes once a link is
/// followed, and its sign-out button (an icon alone there) ends the session.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class PhoneCalendarTests(BrowserFixture browser, ClinicServer server) : IClassFixture<ClinicServer>
{
    [Fact]
    public async Task Calendar_OnAPhone_ShowsTheAgendaAloneWithNothingScrollingSideways()
    {
        using var api = server.Api;
        var client = await api.CreateClientAsync("Pia Phone", "07700 900390");
        await api.BookAsync(client.Id, ClinicServer.Facial, ClinicServer.Uma, ClinicServer.TodayAt(new TimeOnly(15, 0)));
        await using var person = await browser.NewPersonAsync("phone", server.BaseAddress, StaffRole.Receptionist);
        await person.Page.SetViewportSizeAsync(390, 844);

        await person.Page.GotoAsync("/");

        var calendar = person.Page.GetByRole(AriaRole.Region, new() { Name = "Calendar", Exact = true });
        var agenda = calendar.GetByRole(AriaRole.Group, new() { NameRegex = new Regex(": agenda$") });
        await Expect(agenda.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pia Phone, ") })).ToBeVisibleAsync();
        await Expect(calendar.GetByRole(AriaRole.Group, new() { NameRegex = new Regex(": time slots$") })).ToHaveCountAsync(0);
        Assert.Equal(0, await person.Page.Locator(".sch-scroll").CountAsync());
        var widths = await person.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide on a {widths[1]} px screen");
        await person.ScreenshotAsync("01-phone-agenda");

        await person.Page.SetViewportSizeAsync(1400, 900);

        await Expect(calendar.GetByRole(AriaRole.Group, new() { NameRegex = new Regex(": time slots$") })).ToBeVisibleAsync();
        await Expect(agenda).ToHaveCountAsync(0);
        await Expect(calendar.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pia Phone, ") })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Navigation_OnAPhone_ClosesOnceALinkIsFollowed()
    {
        await using var person = await CalendarOnAPhoneAsync("phone-menu");
        var menu = person.Page.GetByRole(AriaRole.Button, new() { Name = "Menu", Exact = true });
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");

        await menu.ClickAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await person.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Clients" }).ClickAsync();

        await Expect(person.Page).ToHaveURLAsync(new Regex("/clients$"));
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(person.Page.Locator("#main-navigation")).ToHaveClassAsync(new Regex("mud-drawer--closed"));
        await person.ScreenshotAsync("02-phone-menu-closed-after-link");
    }

    [Fact]
    public async Task SignOut_FromTheAppBar_EndsTheSessionOnAPhoneToo()
    {
        await using var person = await CalendarOnAPhoneAsync("leaving");

        // On a phone the button shows its icon alone; its name stays "Sign out".
        await person.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();

        await Expect(person.Page).ToHaveURLAsync(new Regex("/account/signin$"));
        await person.Page.GotoAsync("/clients");
        await Expect(person.Page).ToHaveURLAsync(new Regex("/account/signin"));
    }

    /// <summary>A receptionist's calendar on a 390 px phone, once it takes clicks.</summary>
    private async Task<Person> CalendarOnAPhoneAsync(string name)
    {
        var person = await browser.NewPersonAsync(name, server.BaseAddress, StaffRole.Receptionist);
        await person.Page.SetViewportSizeAsync(390, 844);
        await person.Page.GotoAsync("/");
        await Expect(person.Page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
        return person;
    }
}
