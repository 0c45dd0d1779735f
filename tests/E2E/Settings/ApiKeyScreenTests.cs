using System.Net;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Settings;

/// <summary>Issue 11, API keys: a manager makes a key on screen, an integration uses it, the manager revokes it.</summary>
[Collection(E2ECollection.Name)]
public sealed class ApiKeyScreenTests(BrowserFixture browser, ClinicServer server) : IClassFixture<ClinicServer>
{
    [Fact]
    public async Task KeyMadeOnScreen_WorksUntilRevoked_Then401()
    {
        await using var manager = await browser.NewPersonAsync("manager", server.BaseAddress, StaffRole.Manager);
        var page = manager.Page;
        await page.GotoAsync("/settings/api-keys");
        await Expect(page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Settings · API keys", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "New API key" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("E2E integration");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var secretElement = dialog.GetByLabel("API key secret");
        await Expect(secretElement).ToBeVisibleAsync();
        var secret = (await secretElement.TextContentAsync())!.Trim();
        await manager.ScreenshotAsync("60-api-key-secret");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "I have copied it, close" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        using var integration = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        integration.DefaultRequestHeaders.Add("X-Api-Key", secret);
        using (var allowed = await integration.GetAsync("/api/v1/clients"))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke E2E integration" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The key E2E integration is revoked." })).ToBeVisibleAsync();

        using var refused = await integration.GetAsync("/api/v1/clients");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
