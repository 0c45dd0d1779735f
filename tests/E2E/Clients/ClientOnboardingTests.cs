using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Clients;

/// <summary>
/// A receptionist adds a client, is warned that another client already has the phone, uses the
/// existing one; then imports a CSV whose bad rows are listed before anything is written and
/// skipped on confirm.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ClientOnboardingTests(BrowserFixture browser, ClinicServer server) : IClassFixture<ClinicServer>
{
    [Fact]
    public async Task AddAndImport_DuplicatePhoneAndBadRows_WarnedShownAndSkipped()
    {
        using var api = server.Api;
        var ella = await api.CreateClientAsync("Ella Wood", "07700 900123");
        await using var person = await browser.NewPersonAsync("receptionist", server.BaseAddress, StaffRole.Receptionist);
        var page = person.Page;

        await page.GotoAsync("clients");
        await InteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add client", Exact = true }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Ella W");
        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("07700900123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();

        var warning = page.GetByRole(AriaRole.Alert, new() { Name = "Possible duplicate" });
        await Expect(warning).ToContainTextAsync("Ella Wood, 07700 900123, already has this phone.");
        await Expect(warning.GetByRole(AriaRole.Button, new() { Name = "Create another anyway" })).ToBeVisibleAsync();
        await person.ScreenshotAsync("40-add-client-duplicate-phone");
        await warning.GetByRole(AriaRole.Button, new() { Name = "Use Ella Wood" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"clients/{ella.Id}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ella Wood", Level = 1 })).ToBeVisibleAsync();

        // Importing is a manager's command: the receptionist has no way in, a manager does it.
        await page.GotoAsync("clients");
        await InteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Import from CSV" })).ToHaveCountAsync(0);
        await using var manager = await browser.NewPersonAsync("manager", server.BaseAddress, StaffRole.Manager);
        page = manager.Page;
        await page.GotoAsync("clients/import");
        await InteractiveAsync(page);
        var csv = "First name,Last name,Mobile,E-mail\r\nNoor,Ahmed,07000 100001,noor@example.com\r\n,,07000 100002,\r\nOwen,Price,07000 100003,owen@\r\nPaula,Reyes,07000 100004,\r\n";
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "clients.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });

        var errors = page.GetByRole(AriaRole.List, new() { Name = "Rows with errors" });
        await Expect(errors).ToContainTextAsync("Row 3: The name is missing.");
        await Expect(errors).ToContainTextAsync("Row 4: 'owen@' is not an email address.");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Preview" })).ToContainTextAsync("Noor Ahmed");
        await manager.ScreenshotAsync("41-import-preview-errors");
        var before = await CountClientsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 clients (skip 2 rows)" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Imported 2 clients, skipped 2 rows." })).ToBeVisibleAsync();
        Assert.Equal(before + 2, await CountClientsAsync());
        await page.GotoAsync("clients");
        await InteractiveAsync(page);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Search clients" }).FillAsync("paula");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open Paula Reyes's profile" })).ToBeVisibleAsync();
    }

    /// <summary>MainLayout sets data-interactive after its first interactive render: clicks reach the circuit from then on.</summary>
    private static Task InteractiveAsync(IPage page) => Expect(page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();

    /// <summary>How many active clients the API lists.</summary>
    private async Task<int> CountClientsAsync()
    {
        using var http = server.CreateClient();
        using var response = await http.GetAsync("api/v1/clients?limit=1");
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("total").GetInt32();
    }
}
