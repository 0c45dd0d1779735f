using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Audit;

/// <summary>Issue 11, "the audit screen shows a day's changes with their authors": a manager reads, filters and exports the trail.</summary>
[Collection(E2ECollection.Name)]
public sealed class AuditTrailTests(BrowserFixture browser, ClinicServer server) : IClassFixture<ClinicServer>
{
    private static AuditEntry Row(DateTimeOffset at, string author, string command, string objectType, Guid objectId, Guid? clientId, string? before, string? after) => new()
    {
        At = at,
        ActorKind = ActorKind.Staff,
        ActorId = "e2e-" + author.Split(' ')[0].ToLowerInvariant(),
        ActorName = author,
        Command = command,
        ObjectType = objectType,
        ObjectId = objectId.ToString("D"),
        ClientId = clientId?.ToString("D"),
        Before = before,
        After = after,
    };

    /// <summary>Writes rows into the running app's database file, as the commands would.</summary>
    private async Task AddAsync(params AuditEntry[] rows)
    {
        var options = new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(server.ConnectionString).Options;
        await using (var db = new DashboardDbContext(options))
        {
            db.AuditTrail.AddRange(rows);
            await db.SaveChangesAsync();
        }
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Manager_OpensAuditOnADay_SeesItsChangesWithAuthorsFiltersByPersonAndDownloadsCsv()
    {
        using var api = server.Api;
        var client = await api.CreateClientAsync("Hana Audit", "07700 955001");
        var today = ClinicServer.Today;
        await AddAsync(
            Row(ClinicServer.TodayAt(new TimeOnly(9, 5)), "Ella Hart", "Appointments.CheckIn", "Appointment", Guid.NewGuid(), client.Id, "{\"Status\":\"Booked\"}", "{\"Status\":\"CheckedIn\"}"),
            Row(ClinicServer.TodayAt(new TimeOnly(10, 15)), "Noah Patel", "Packages.Adjust", "PackageRecord", Guid.NewGuid(), client.Id, "{\"Sessions\":3,\"Reason\":null}", "{\"Sessions\":5,\"Reason\":\"goodwill\"}"),
            Row(ClinicServer.TodayAt(new TimeOnly(11, 30)), "Ella Hart", "Clients.Edit", "Client", client.Id, client.Id, "{\"Phone\":\"07700 955000\"}", "{\"Phone\":\"07700 955001\"}"),
            Row(ClinicServer.TodayAt(new TimeOnly(11, 0)).AddDays(-1), "Noah Patel", "Settings.Save", "Setting", Guid.NewGuid(), null, "{\"NoShow\":\"None\"}", "{\"NoShow\":\"Fee\"}"));
        await using var manager = await browser.NewPersonAsync("manager", server.BaseAddress, StaffRole.Manager);
        var page = manager.Page;

        await page.GotoAsync("/clients");
        // The menu is used once the page is live, as a person at the desk would.
        await Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/audit$"));
        await Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Audit trail entries" });
        var rows = table.Locator("tbody tr.mud-table-row");
        // All five rows first (the grid's first load), then one date at a time, each seen to hold
        // before the next is typed, as a manager watches the list change.
        await Expect(rows).ToHaveCountAsync(5);
        var from = page.GetByLabel("From", new() { Exact = true });
        await from.FillAsync(day);
        await from.PressAsync("Tab");
        await Expect(from).ToHaveValueAsync(day);
        await Expect(rows).ToHaveCountAsync(4); // nothing is later than today
        var to = page.GetByLabel("To", new() { Exact = true });
        await to.FillAsync(day);
        await to.PressAsync("Tab");
        await Expect(to).ToHaveValueAsync(day);
        await Expect(from).ToHaveValueAsync(day);
        // Today: the three rows above and the client's registration through the API, written by
        // that command itself and attributed to the API key that made it.
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(rows.Filter(new() { HasText = "Clients.Register" })).ToHaveCountAsync(1);
        var arranged = rows.Filter(new() { HasNotText = "Clients.Register" });
        await Expect(arranged.Nth(0)).ToContainTextAsync("Ella Hart");
        await Expect(arranged.Nth(0)).ToContainTextAsync("Clients.Edit");
        await Expect(arranged.Nth(1)).ToContainTextAsync("Noah Patel");
        await Expect(arranged.Nth(2)).ToContainTextAsync("Ella Hart");
        await manager.ScreenshotAsync("80-audit-trail-day");

        await page.GetByLabel("Person", new() { Exact = true }).FillAsync("noah");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Nth(0)).ToContainTextAsync("Packages.Adjust");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Details of Packages.Adjust by Noah Patel") }).ClickAsync();
        var fields = page.GetByRole(AriaRole.Table, new() { Name = "Fields before and after" });
        await Expect(fields.GetByRole(AriaRole.Row, new() { Name = "Sessions, changed" })).ToContainTextAsync("5");
        await Expect(fields.GetByRole(AriaRole.Row, new() { Name = "Reason, changed" })).ToContainTextAsync("goodwill");
        await manager.ScreenshotAsync("81-audit-trail-details");
        await page.Keyboard.PressAsync("Escape");
        await Expect(fields).ToHaveCountAsync(0);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path, Encoding.UTF8);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at,actor_kind,actor_id,actor_name,command,object_type,object_id,client_id,before,after", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains(",Staff,e2e-noah,Noah Patel,Packages.Adjust,PackageRecord,", row, StringComparison.Ordinal);
        Assert.StartsWith($"{day} 10:15:00,", row, StringComparison.Ordinal);

        await page.GotoAsync($"/clients/{client.Id}");
        var history = page.GetByRole(AriaRole.Table, new() { Name = "History of Hana Audit" });
        await Expect(history.Locator("tbody tr.mud-table-row")).ToHaveCountAsync(4);
        await Expect(history.Locator("tbody tr.mud-table-row").Filter(new() { HasNotText = "Clients.Register" }).Nth(0)).ToContainTextAsync("Clients.Edit");
        await manager.ScreenshotAsync("82-client-history");
    }

    [Fact]
    public async Task Receptionist_OpensAudit_IsDenied()
    {
        await using var desk = await browser.NewPersonAsync("receptionist", server.BaseAddress, StaffRole.Receptionist);

        await desk.Page.GotoAsync("/audit");

        await Expect(desk.Page).ToHaveURLAsync(new Regex(@"/account/denied(\?|$)"));
        await desk.Page.GotoAsync("/clients");
        await Expect(desk.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Clients" })).ToBeVisibleAsync();
        await Expect(desk.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Audit trail" })).ToHaveCountAsync(0);
    }
}
