using System.Text.RegularExpressions;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Operations;

/// <summary>
/// What people see of operations: a manager's backups screen (/settings/backups), and a desk
/// told that the server is restarting when it is stopped the way a service manager stops it.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class OperationsScreenTests(BrowserFixture browser, NoticeClinicServer server) : IClassFixture<NoticeClinicServer>
{
    [Fact]
    public async Task BackUpNow_Manager_ListsTheNewBackupWithItsDownloadLink()
    {
        await using var manager = await browser.NewPersonAsync("manager", server.BaseAddress, StaffRole.Manager);
        await manager.Page.GotoAsync("/settings/backups");
        await Expect(manager.Page.Locator("[data-interactive='true']").First).ToBeAttachedAsync();
        await Expect(manager.Page.GetByRole(AriaRole.Link, new() { Name = "Backups" })).ToBeVisibleAsync();

        await manager.Page.GetByRole(AriaRole.Button, new() { Name = "Back up now" }).ClickAsync();

        await Expect(manager.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Backed up: frontdesk-" })).ToBeVisibleAsync();
        var table = manager.Page.GetByRole(AriaRole.Region, new() { Name = "Backups" }).GetByRole(AriaRole.Table);
        await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(2); // header and the one backup
        var download = table.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Download the backup taken ") });
        await Expect(download).ToHaveAttributeAsync("href", new Regex(@"downloads/backups/frontdesk-\d{8}-\d{6}Z\.db$"));
        await manager.ScreenshotAsync("40-backups-after-back-up-now");

        var file = await manager.Page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.Matches(@"^frontdesk-\d{8}-\d{6}Z\.db$", file.SuggestedFilename);
    }

    [Fact]
    public async Task BackupsScreen_Receptionist_IsDeniedAndHasNoBackupsLink()
    {
        await using var desk = await browser.NewPersonAsync("receptionist", server.BaseAddress, StaffRole.Receptionist);
        await desk.Page.GotoAsync("/");
        await Expect(desk.Page.Locator("[data-interactive='true']").First).ToBeAttachedAsync();
        await Expect(desk.Page.GetByRole(AriaRole.Link, new() { Name = "Backups" })).ToHaveCountAsync(0);

        await desk.Page.GotoAsync("/settings/backups");

        await Expect(desk.Page).ToHaveURLAsync(new Regex("/account/denied"));
    }

    [Fact]
    public async Task ServerStopped_DeskOpen_ShowsServerRestartingBeforeReconnecting()
    {
        await using var desk = await browser.NewPersonAsync("receptionist", server.BaseAddress, StaffRole.Receptionist);
        await desk.Page.GotoAsync("/");
        await Expect(desk.Page.Locator("[data-interactive='true']").First).ToBeAttachedAsync();

        var stopping = server.TerminateAsync();
        try
        {
            await Expect(desk.Page.GetByText("The server is restarting.")).ToBeVisibleAsync(new() { Timeout = 10_000 });
            await desk.ScreenshotAsync("41-desk-told-server-restarting");
        }
        finally
        {
            await stopping;
            await server.StartAsync();
        }
    }
}

/// <summary>The fixed clinic; a stopping server gives screens three seconds to show its notice.</summary>
public sealed class NoticeClinicServer : ClinicServer
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Shutdown:NoticeDelay"] = "00:00:03" };
}
