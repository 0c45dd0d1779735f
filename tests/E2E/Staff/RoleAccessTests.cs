using System.Text.RegularExpressions;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Staff;

/// <summary>Issue 11, accounts and roles: who lands where.</summary>
[Collection(E2ECollection.Name)]
public sealed class RoleAccessTests(BrowserFixture browser, ClinicServer server) : IClassFixture<ClinicServer>
{
    [Fact]
    public async Task AnonymousBrowser_OpensClients_LandsOnSignInThenComesBack()
    {
        await using var stranger = await browser.NewPersonAsync("anonymous", server.BaseAddress, signInAs: null);
        var page = stranger.Page;

        await page.GotoAsync("/clients");

        await Expect(page).ToHaveURLAsync(new Regex("/account/signin\\?returnUrl=%2Fclients$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await stranger.ScreenshotAsync("50-sign-in");
        await page.GetByLabel("Email").FillAsync(E2EStaff.Receptionist.Email);
        await page.GetByLabel("Password").FillAsync(E2EStaff.Receptionist.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/clients$"));
        await Expect(page.GetByText(E2EStaff.Receptionist.Name)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndStaysOnSignIn()
    {
        await using var stranger = await browser.NewPersonAsync("anonymous", server.BaseAddress, signInAs: null);
        var page = stranger.Page;
        await page.GotoAsync("/account/signin");

        await page.GetByLabel("Email").FillAsync(E2EStaff.Manager.Email);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or the password is not right.");
        await Expect(page).ToHaveURLAsync(new Regex("/account/signin"));
    }

    [Theory]
    [InlineData("settings/business")]
    [InlineData("settings/packages")]
    public async Task Receptionist_OpensSettings_IsDenied(string path)
    {
        await using var desk = await browser.NewPersonAsync("receptionist", server.BaseAddress, StaffRole.Receptionist);

        await desk.Page.GotoAsync(path);

        await Expect(desk.Page).ToHaveURLAsync(new Regex(@"/account/denied(\?|$)"));
        await Expect(desk.Page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Receptionist_Navigation_HasNoSettings()
    {
        await using var desk = await browser.NewPersonAsync("receptionist", server.BaseAddress, StaffRole.Receptionist);

        await desk.Page.GotoAsync("/clients");

        var navigation = desk.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Clients" })).ToBeVisibleAsync();
        await Expect(navigation.GetByRole(AriaRole.Navigation, new() { Name = "Settings" })).ToHaveCountAsync(0);
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Business" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Manager_Navigation_HasSettings()
    {
        await using var manager = await browser.NewPersonAsync("manager", server.BaseAddress, StaffRole.Manager);

        await manager.Page.GotoAsync("/clients");

        var navigation = manager.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Business" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Display_SignsIn_OpensTheWallButNotTheCalendar()
    {
        await using var wall = await browser.NewPersonAsync("wall", server.BaseAddress, StaffRole.Display);

        await Expect(wall.Page).ToHaveURLAsync(new Regex("/display$"));
        await wall.Page.GotoAsync("/");

        await Expect(wall.Page).ToHaveURLAsync(new Regex(@"/account/denied(\?|$)"));
    }
}
