using System.Text.RegularExpressions;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Staff;

/// <summary>Issue 11, staff management: disabled or changed accounts leave open screens, wall displays pair by code.</summary>
[Collection(E2ECollection.Name)]
public sealed class StaffManagementTests(BrowserFixture browser, StaffClinicServer server) : IClassFixture<StaffClinicServer>
{
    /// <summary>The revalidation interval is 2 s here; the wait allows for a loaded machine.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions WithinRevalidation = new() { Timeout = 20_000 };

    private async Task<Person> OpenCalendarAsync(string name, E2EAccount account)
    {
        var person = await browser.NewPersonAsync(name, server.BaseAddress, signInAs: null);
        await E2EStaff.SignInAsync(person.Page, account);
        await person.Page.GotoAsync("/");
        await Expect(person.Page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
        await Expect(person.Page.GetByRole(AriaRole.Heading, new() { Name = "Calendar", Level = 1 })).ToBeVisibleAsync();
        return person;
    }

    private async Task<Person> OpenStaffScreenAsync(StaffRole role)
    {
        var manager = await browser.NewPersonAsync(role.ToString().ToLowerInvariant(), server.BaseAddress, role);
        await manager.Page.GotoAsync("/settings/staff");
        await Expect(manager.Page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
        await Expect(manager.Page.GetByRole(AriaRole.Heading, new() { Name = "Settings · Staff", Level = 1 })).ToBeVisibleAsync();
        return manager;
    }

    [Fact]
    public async Task Disable_ReceptionistWithCalendarOpen_IsSentToSignIn()
    {
        await using var dana = await OpenCalendarAsync("dana", StaffClinicServer.Dana);
        await using var manager = await OpenStaffScreenAsync(StaffRole.Manager);

        await manager.Page.GetByRole(AriaRole.Button, new() { Name = $"Disable {StaffClinicServer.Dana.Name}" }).ClickAsync();
        await manager.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Disable", Exact = true }).ClickAsync();
        await Expect(manager.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{StaffClinicServer.Dana.Name} is disabled." })).ToBeVisibleAsync();

        await Expect(dana.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync(WithinRevalidation);
        await Expect(dana.Page).ToHaveURLAsync(new Regex("/account/signin"));
    }

    [Fact]
    public async Task ChangeRole_ReceptionistWithCalendarOpen_IsSentToSignIn()
    {
        await using var rory = await OpenCalendarAsync("rory", StaffClinicServer.Rory);
        await using var owner = await OpenStaffScreenAsync(StaffRole.Owner);

        await owner.Page.GetByLabel($"Role of {StaffClinicServer.Rory.Name}").ClickAsync();
        await owner.Page.GetByRole(AriaRole.Option, new() { Name = "Manager", Exact = true }).ClickAsync();
        await Expect(owner.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{StaffClinicServer.Rory.Name} is now Manager." })).ToBeVisibleAsync();

        await Expect(rory.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync(WithinRevalidation);
    }

    [Fact]
    public async Task PairingCode_TypedOnTheWall_ShowsTheDisplayAndListsTheDevice()
    {
        await using var manager = await OpenStaffScreenAsync(StaffRole.Manager);
        await manager.Page.GetByLabel("Display name").FillAsync("Lobby screen");
        await manager.Page.GetByRole(AriaRole.Button, new() { Name = "Make a pairing code" }).ClickAsync();
        var code = (await manager.Page.GetByLabel("Pairing code", new() { Exact = true }).InnerTextAsync()).Trim();
        await manager.ScreenshotAsync("staff-01-pairing-code");
        await using var wall = await browser.NewPersonAsync("wall", server.BaseAddress, signInAs: null);

        await wall.Page.GotoAsync("/pair");
        await wall.ScreenshotAsync("staff-02-pair");
        await wall.Page.GetByLabel("Pairing code").FillAsync(code.ToLowerInvariant());
        await wall.Page.GetByRole(AriaRole.Button, new() { Name = "Pair", Exact = true }).ClickAsync();

        await Expect(wall.Page).ToHaveURLAsync(new Regex("/display$"));
        await Expect(wall.Page.Locator(".wall[data-revision]")).ToBeAttachedAsync();
        var cookie = (await wall.Context.CookiesAsync()).Single(c => c.Name == ".FrontDesk.Session");
        Assert.True(DateTimeOffset.FromUnixTimeSeconds((long)cookie.Expires) > DateTimeOffset.UtcNow.AddDays(300), "A paired display stays signed in for a year.");
        await manager.Page.ReloadAsync();
        await Expect(manager.Page.GetByRole(AriaRole.Button, new() { Name = "Disable Lobby screen" })).ToBeVisibleAsync();
        await manager.ScreenshotAsync("staff-03-staff-screen");
    }

    [Fact]
    public async Task PairingCode_Wrong_SaysSoAndStaysOnPair()
    {
        await using var wall = await browser.NewPersonAsync("wall", server.BaseAddress, signInAs: null);
        await wall.Page.GotoAsync("/pair");

        await wall.Page.GetByLabel("Pairing code").FillAsync("ABCD2345");
        await wall.Page.GetByRole(AriaRole.Button, new() { Name = "Pair", Exact = true }).ClickAsync();

        await Expect(wall.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code is not right");
        await Expect(wall.Page).ToHaveURLAsync(new Regex("/pair$"));
    }
}

/// <summary>Issue 11 "Done means" with issue 10's first run: a new installation's owner is made on screen and invites the staff.</summary>
[Collection(E2ECollection.Name)]
public sealed class FirstOwnerTests(BrowserFixture browser, OwnerlessServer server) : IClassFixture<OwnerlessServer>
{
    [Fact]
    public async Task EmptyDatabase_OwnerCreatedInSetup_InvitesReceptionistWhoChangesPasswordAndSeesCalendar()
    {
        await using var owner = await browser.NewPersonAsync("new-owner", server.BaseAddress, signInAs: null);
        var page = owner.Page;

        // 1. Nobody can sign in yet: the app opens the setup at "Your account".
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/setup$"));
        await Expect(page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account", Level = 2 })).ToBeVisibleAsync();
        await page.GetByLabel("Your name").FillAsync("Hana Harbour");
        await page.GetByLabel("Email").FillAsync("hana@harbour.test");
        await page.GetByLabel(new Regex(@"^Password\*?$")).FillAsync("short");
        await page.GetByLabel("Password again").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page.GetByText("Passwords must be at least 10 characters.")).ToBeVisibleAsync();
        await page.GetByLabel(new Regex(@"^Password\*?$")).FillAsync("harbour-owner-2026");
        await page.GetByLabel("Password again").FillAsync("harbour-owner-2026");
        await owner.ScreenshotAsync("first-owner-01-account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();

        // 2. Signed in as the owner, the wizard goes on; finished as it is.
        await Expect(page).ToHaveURLAsync(new Regex("/setup\\?welcome=1$"));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your owner account is ready" })).ToBeVisibleAsync();
        await Expect(page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
        for (var step = 0; step < 3; step++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Skip, do this later" }).ClickAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish setup" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Calendar", Level = 1 })).ToBeVisibleAsync();

        // 3. The owner invites a receptionist and reads the one-time password off the screen.
        await page.GotoAsync("/settings/staff");
        await Expect(page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Nora Desk");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("nora@harbour.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        var oneTime = (await page.GetByLabel("One-time password", new() { Exact = true }).InnerTextAsync()).Trim();
        Assert.Equal(14, oneTime.Length);
        await owner.ScreenshotAsync("first-owner-02-invited");

        // 4. The receptionist signs in with it, must choose a password, then sees the calendar.
        await using var nora = await browser.NewPersonAsync("nora", server.BaseAddress, signInAs: null);
        await nora.Page.GotoAsync("/account/signin");
        await nora.Page.GetByLabel("Email").FillAsync("nora@harbour.test");
        await nora.Page.GetByLabel("Password").FillAsync(oneTime);
        await nora.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(nora.Page).ToHaveURLAsync(new Regex("/account/password"));
        await nora.Page.GotoAsync("/clients");
        await Expect(nora.Page).ToHaveURLAsync(new Regex("/account/password"));
        await nora.Page.GetByLabel("One-time password").FillAsync(oneTime);
        await nora.Page.GetByLabel("New password", new() { Exact = true }).FillAsync("nora-own-password");
        await nora.Page.GetByLabel("New password again").FillAsync("nora-own-password");
        await nora.Page.GetByRole(AriaRole.Button, new() { Name = "Save my password" }).ClickAsync();
        await Expect(nora.Page.GetByRole(AriaRole.Heading, new() { Name = "Clients", Level = 1 })).ToBeVisibleAsync();
        await nora.Page.GotoAsync("/");
        await Expect(nora.Page.GetByRole(AriaRole.Heading, new() { Name = "Calendar", Level = 1 })).ToBeVisibleAsync();
        await Expect(nora.Page.GetByText("Nora Desk")).ToBeVisibleAsync();
    }
}
