using System.Text.RegularExpressions;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Display;

/// <summary>
/// The wall display hangs on a wall where nobody touches it: after the server restarts, or the
/// network drops for a while, or the server goes away before the page has its circuit, it must
/// come back by itself (Components/Layout/ReconnectModal.razor.js, for pages marked unattended)
/// and show what happened meanwhile. Each test books at its own time or provider, so they can
/// share the server.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class DisplayRecoveryTests(BrowserFixture browser, ClinicServer server) : IClassFixture<ClinicServer>
{
    /// <summary>A restart takes a few seconds; the page polls every 2 s and then reloads.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Recovery = new() { Timeout = 60_000 };

    [Fact]
    public async Task ServerRestart_DisplayUntouched_ReloadsItselfAndShowsTheNewBooking()
    {
        Guid client;
        using (var api = server.Api)
        {
            client = (await api.CreateClientAsync("Rita Restart", "07700 900401")).Id;
        }
        await using var wall = await browser.NewPersonAsync("wall-display", server.BaseAddress, StaffRole.Display);
        var display = new WallDisplay(wall);
        await display.OpenAsync();
        var before = await display.CountersAsync();
        await Expect(display.ConnectionLost).ToBeHiddenAsync();

        await server.StopAsync();
        // The socket is gone: the page says so instead of freezing silently.
        await Expect(display.ConnectionLost).ToBeVisibleAsync();
        await Expect(display.ConnectionLost).ToHaveTextAsync("Connection lost. Reconnecting…");
        await wall.ScreenshotAsync("20-wall-server-down");
        await server.StartAsync();

        using (var api = server.Api)
        {
            // Rita was made before the restart: same database file.
            await api.BookAsync(client, ClinicServer.Facial, ClinicServer.Tess, ClinicServer.TodayAt(new TimeOnly(15, 0)));
        }

        // Nobody touches the wall: it reconnects, finds its circuit gone, reloads, and is live again.
        await Expect(display.Entry(WallDisplay.EntryLabel(new TimeOnly(15, 0), "Rita R.", ClinicServer.Facial, "upcoming"))).ToBeVisibleAsync(Recovery);
        await display.ExpectCounterAsync("Upcoming", before["Upcoming"] + 1);
        await Expect(display.ConnectionLost).ToHaveCountAsync(0); // a fresh page: no notice left over
        await wall.ScreenshotAsync("21-wall-after-restart");

        // ...and live, not a one-off snapshot: the next booking arrives without another reload.
        using (var api = server.Api)
        {
            var rhea = await api.CreateClientAsync("Rhea Rebound", "07700 900402");
            await api.BookAsync(rhea.Id, ClinicServer.Facial, ClinicServer.Tess, ClinicServer.TodayAt(new TimeOnly(15, 30)));
        }
        await Expect(display.Entry(WallDisplay.EntryLabel(new TimeOnly(15, 30), "Rhea R.", ClinicServer.Facial, "upcoming"))).ToBeVisibleAsync();
        await display.ExpectCounterAsync("Upcoming", before["Upcoming"] + 2);
    }

    [Fact]
    public async Task NetworkCut_DisplayUntouched_ReconnectsToItsCircuitAndCatchesUp()
    {
        Guid client;
        using (var api = server.Api)
        {
            client = (await api.CreateClientAsync("Nina Network", "07700 900403")).Id;
        }
        // The wall reaches the server through a relay whose cable the test pulls; the server keeps running.
        await using var cable = new TcpRelay(server.Port);
        await using var wall = await browser.NewPersonAsync("wall-display", cable.BaseAddress, StaffRole.Display);
        var display = new WallDisplay(wall);
        await display.OpenAsync();
        var before = await display.CountersAsync();
        var navigations = 0;
        wall.Page.FrameNavigated += (_, frame) => navigations += frame == wall.Page.MainFrame ? 1 : 0;

        cable.Cut();
        await Expect(display.ConnectionLost).ToBeVisibleAsync();
        await Expect(display.ConnectionLost).ToHaveTextAsync("Connection lost. Reconnecting…");
        await wall.ScreenshotAsync("22-wall-network-cut");

        // Booked while the wall is cut off: it cannot hear the live event.
        using (var api = server.Api)
        {
            await api.BookAsync(client, ClinicServer.Facial, ClinicServer.Uma, ClinicServer.TodayAt(new TimeOnly(16, 0)));
        }
        cable.Restore();

        await Expect(display.Entry(WallDisplay.EntryLabel(new TimeOnly(16, 0), "Nina N.", ClinicServer.Facial, "upcoming"))).ToBeVisibleAsync(Recovery);
        await display.ExpectCounterAsync("Upcoming", before["Upcoming"] + 1);
        await Expect(display.ConnectionLost).ToBeHiddenAsync();
        await wall.ScreenshotAsync("23-wall-back-online");
        // The server still held the circuit: the page resumed it instead of reloading.
        Assert.Equal(0, navigations);
    }

    [Fact]
    public async Task ServerStopsBeforeTheCircuitConnects_DisplayUntouched_ReloadsItselfOnceTheServerIsBack()
    {
        Guid client;
        using (var api = server.Api)
        {
            client = (await api.CreateClientAsync("Sami Startup", "07700 900404")).Id;
        }
        await using var wall = await browser.NewPersonAsync("wall-display", server.BaseAddress, StaffRole.Display);
        var display = new WallDisplay(wall);
        // Signing in lands the wall on a page that opens a circuit of its own: leave it settled
        // first, so the one negotiation intercepted below is the display's, not the landing page's.
        await display.WaitUntilLoadedAsync();
        await wall.Page.GotoAsync("about:blank");
        var negotiate = new Regex("/_blazor/negotiate");
        var stopped = new TaskCompletionSource();
        // The page and its scripts have arrived; the moment it asks for its circuit, the server is gone.
        await wall.Page.RouteAsync(negotiate, async route =>
        {
            await server.StopAsync();
            stopped.TrySetResult();
            await route.AbortAsync("connectionrefused");
        }, new() { Times = 1 });
        await wall.Page.GotoAsync("/display");
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await wall.Page.UnrouteAsync(negotiate);
        var before = await display.CountersAsync(); // the prerendered board: a picture, not live

        // No circuit ever came: the page says so rather than showing a dead board as if it were live.
        await Expect(display.ConnectionLost).ToBeVisibleAsync(Recovery);
        await Expect(display.ConnectionLost).ToHaveTextAsync("Connection lost. Reconnecting…");
        await Expect(wall.Page.Locator(".kiosk[data-interactive='true']")).ToHaveCountAsync(0);
        await wall.ScreenshotAsync("24-wall-no-circuit-yet");
        await server.StartAsync();

        using (var api = server.Api)
        {
            await api.BookAsync(client, ClinicServer.Facial, ClinicServer.Uma, ClinicServer.TodayAt(new TimeOnly(17, 0)));
        }

        // Nobody touches the wall: it waits for the server, reloads, and is live.
        await Expect(display.Entry(WallDisplay.EntryLabel(new TimeOnly(17, 0), "Sami S.", ClinicServer.Facial, "upcoming"))).ToBeVisibleAsync(Recovery);
        await display.WaitUntilLoadedAsync();
        await display.ExpectCounterAsync("Upcoming", before["Upcoming"] + 1);
        await Expect(display.ConnectionLost).ToHaveCountAsync(0);
        await wall.ScreenshotAsync("25-wall-live-after-late-start");

        using (var api = server.Api)
        {
            var late = await api.CreateClientAsync("Lena Later", "07700 900405");
            await api.BookAsync(late.Id, ClinicServer.Facial, ClinicServer.Uma, ClinicServer.TodayAt(new TimeOnly(17, 30)));
        }
        await Expect(display.Entry(WallDisplay.EntryLabel(new TimeOnly(17, 30), "Lena L.", ClinicServer.Facial, "upcoming"))).ToBeVisibleAsync();
        await display.ExpectCounterAsync("Upcoming", before["Upcoming"] + 2);
    }
}
