using System.Globalization;
using System.Text.RegularExpressions;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Layout;

/// <summary>
/// A receptionist's screen when its circuit goes away (Components/Layout/ReconnectModal): it
/// says so and retries; rejoins its circuit after a short network cut without a reload; offers
/// Reload once the server has restarted and no longer knows it, without reloading by itself
/// (what the receptionist sees may matter); and a tab hidden for long gives its circuit back
/// (paused) and resumes it when shown again, unless something is typed on it outside what is
/// kept (the booking drawer's draft is kept, as is the day on show). The server here pauses a hidden tab after one
/// second instead of five minutes.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ReconnectModalTests(BrowserFixture browser, QuickPauseClinicServer server) : IClassFixture<QuickPauseClinicServer>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Recovery = new() { Timeout = 60_000 };

    [Fact]
    public async Task ServerRestart_DeskOpen_SaysReconnectingThenOffersReload()
    {
        await using var desk = await browser.NewPersonAsync("receptionist", server.BaseAddress, StaffRole.Receptionist);
        await OpenAsync(desk);
        var sameDocument = await MarkDocumentAsync(desk.Page);

        await server.StopAsync();
        await Expect(ConnectionLost(desk.Page)).ToBeVisibleAsync();
        await Expect(ConnectionLost(desk.Page)).ToHaveTextAsync("Connection lost. Reconnecting…");
        await desk.ScreenshotAsync("30-desk-reconnecting");
        await server.StartAsync();

        var dialog = desk.Page.GetByRole(AriaRole.Dialog, new() { Name = "The server has restarted and no longer knows this screen." });
        await Expect(dialog).ToBeVisibleAsync(Recovery);
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Retry" })).ToBeHiddenAsync();
        await desk.ScreenshotAsync("31-desk-offers-reload");
        Assert.True(await sameDocument(), "The desk reloaded by itself."); // it asks; it does not reload under the receptionist's hands

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reload" }).ClickAsync();
        await Expect(desk.Page.Locator("[data-interactive='true']").First).ToBeAttachedAsync();
        await Expect(desk.Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.False(await sameDocument(), "Reload did not reload the page.");
    }

    [Fact]
    public async Task NetworkCut_DeskOpen_RejoinsItsCircuitWithoutReload()
    {
        await using var cable = new TcpRelay(server.Port);
        await using var desk = await browser.NewPersonAsync("receptionist", cable.BaseAddress, StaffRole.Receptionist);
        await OpenAsync(desk);
        var sameDocument = await MarkDocumentAsync(desk.Page);

        cable.Cut();
        await Expect(ConnectionLost(desk.Page)).ToBeVisibleAsync();
        // A desk cannot be used meanwhile: the notice is a modal dialog over the page.
        await Expect(desk.Page.GetByRole(AriaRole.Dialog, new() { Name = "Connection lost. Reconnecting…" })).ToBeVisibleAsync();
        cable.Restore();

        await Expect(ConnectionLost(desk.Page)).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(desk.Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.True(await sameDocument(), "The desk reloaded instead of rejoining its circuit.");
    }

    [Fact]
    public async Task TabHiddenLong_DeskOpen_PausesItsCircuitAndResumesWhenShown()
    {
        await using var desk = await browser.NewPersonAsync("receptionist", server.BaseAddress, StaffRole.Receptionist);
        await OpenAsync(desk);
        var sameDocument = await MarkDocumentAsync(desk.Page);

        await SetVisibilityAsync(desk.Page, "hidden");
        await Expect(desk.Page.GetByRole(AriaRole.Dialog, new() { Name = "This screen was paused while it was hidden." })).ToBeVisibleAsync();
        await desk.ScreenshotAsync("32-desk-paused-while-hidden");

        await SetVisibilityAsync(desk.Page, "visible");
        // Resumed on a new circuit from the state the server kept: no dialog left, and no reload.
        await Expect(desk.Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(desk.Page.Locator("[data-interactive='true']").First).ToBeAttachedAsync();
        Assert.True(await sameDocument(), "The desk reloaded instead of resuming its circuit.");
    }

    [Fact]
    public async Task TabHiddenLong_WithSomethingTyped_KeepsItsCircuitUntilTheFieldIsEmpty()
    {
        await using var desk = await browser.NewPersonAsync("receptionist", server.BaseAddress, StaffRole.Receptionist);
        await OpenAsync(desk);
        // A half-typed field outside anything kept (not the booking drawer's draft): pausing would throw it away.
        await desk.Page.EvaluateAsync(
            """
            () => {
                const field = document.createElement('input');
                field.setAttribute('aria-label', 'Half-typed note');
                field.value = 'Emily Jo';
                document.body.append(field);
            }
            """);
        var paused = desk.Page.GetByRole(AriaRole.Dialog, new() { Name = "This screen was paused while it was hidden." });

        await SetVisibilityAsync(desk.Page, "hidden");
        await Task.Delay(TimeSpan.FromSeconds(3)); // three times the pause delay: long enough to have paused
        await Expect(paused).ToHaveCountAsync(0);

        // Once nothing is left typed, the next check pauses it after all.
        await desk.Page.GetByLabel("Half-typed note").FillAsync("");
        await Expect(paused).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TabHiddenLong_BookingDrawerHalfFilled_ResumesOnTheSameDayWithTheDraft()
    {
        await using var person = await browser.NewPersonAsync("receptionist", server.BaseAddress, StaffRole.Receptionist);
        var desk = new CalendarDesk(person);
        await desk.OpenAsync();
        var sameDocument = await MarkDocumentAsync(desk.Page);
        var tomorrow = ClinicServer.Today.AddDays(1).ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        await desk.Page.GetByRole(AriaRole.Button, new() { Name = "Next day", Exact = true }).ClickAsync();
        await Expect(desk.Page.GetByRole(AriaRole.Heading, new() { Name = tomorrow, Exact = true })).ToBeVisibleAsync();
        await desk.ClickSlotAsync(ClinicServer.Uma, new TimeOnly(11, 0));
        await desk.BookingDrawer.GetByRole(AriaRole.Button, new() { Name = "New client" }).ClickAsync();
        var name = desk.BookingDrawer.GetByRole(AriaRole.Textbox, new() { Name = "Name" });
        var note = desk.BookingDrawer.GetByRole(AriaRole.Textbox, new() { Name = "Note" });
        await name.FillAsync("Grace Hopper");
        await note.FillAsync("Prefers the quiet room"); // still focused when the tab is hidden
        await desk.ChooseServiceAsync(ClinicServer.Facial);

        await SetVisibilityAsync(desk.Page, "hidden");
        await Expect(desk.Page.GetByRole(AriaRole.Dialog, new() { Name = "This screen was paused while it was hidden." })).ToBeVisibleAsync();
        // The paused circuit's elements stay on screen until the new circuit renders: mark them,
        // so what is checked below is what the resumed circuit rendered, not what was left over.
        await desk.BookingDrawer.EvaluateAsync("drawer => { drawer.dataset.before = 'pause'; }");
        await SetVisibilityAsync(desk.Page, "visible");

        // A new circuit, built from the persisted state: the same day, the drawer as it was left.
        await Expect(desk.Page.GetByRole(AriaRole.Dialog, new() { Name = "This screen was paused while it was hidden." })).ToHaveCountAsync(0);
        await Expect(desk.BookingDrawer).ToBeVisibleAsync();
        await Expect(desk.BookingDrawer).Not.ToHaveAttributeAsync("data-before", "pause", new() { Timeout = 30_000 });
        await Expect(desk.Page.GetByRole(AriaRole.Heading, new() { Name = tomorrow, Exact = true })).ToBeVisibleAsync();
        await Expect(desk.BookingDrawer).ToBeVisibleAsync();
        await Expect(name).ToHaveValueAsync("Grace Hopper");
        await Expect(note).ToHaveValueAsync("Prefers the quiet room");
        await Expect(desk.BookingDrawer.GetByRole(AriaRole.Combobox, new() { Name = "Provider" })).ToHaveValueAsync(ClinicServer.Uma.Name);
        await Expect(desk.BookingDrawer.GetByRole(AriaRole.Textbox, new() { Name = "Start" })).ToHaveValueAsync(new Regex("11:00$"));
        await Expect(desk.BookingDrawer.GetByRole(AriaRole.Combobox, new() { Name = "Service" })).ToHaveValueAsync(ClinicServer.Facial.Label);
        Assert.True(await sameDocument(), "The desk reloaded instead of resuming its circuit.");
        await person.ScreenshotAsync("33-desk-resumed-with-booking-draft");

        await desk.SaveBookingAsync();
        await Expect(desk.BookingDrawer).ToBeHiddenAsync();
        await Expect(desk.Appointment("Grace Hopper")).ToHaveAccessibleNameAsync(
            $"Grace Hopper, {ClinicServer.Facial.Name} with {ClinicServer.Uma.Name}, 11:00 to 11:30: Booked");
    }

    [Fact]
    public async Task TabHiddenLong_AppointmentDrawerOpen_ResumesWithTheSameAppointmentOpen()
    {
        using var api = server.Api;
        var client = await api.CreateClientAsync("Ida Resume", "07700 900777");
        await api.BookAsync(client.Id, ClinicServer.Facial, ClinicServer.Tess, ClinicServer.TodayAt(new TimeOnly(13, 0)));
        await using var person = await browser.NewPersonAsync("receptionist", server.BaseAddress, StaffRole.Receptionist);
        var desk = new CalendarDesk(person);
        await desk.OpenAsync();
        var sameDocument = await MarkDocumentAsync(desk.Page);
        await desk.OpenAppointmentAsync("Ida Resume");

        await SetVisibilityAsync(desk.Page, "hidden");
        await Expect(desk.Page.GetByRole(AriaRole.Dialog, new() { Name = "This screen was paused while it was hidden." })).ToBeVisibleAsync();
        await desk.AppointmentDrawer.EvaluateAsync("drawer => { drawer.dataset.before = 'pause'; }");
        await SetVisibilityAsync(desk.Page, "visible");

        // A new circuit, built from the persisted state: the same appointment's drawer is open.
        await Expect(desk.Page.GetByRole(AriaRole.Dialog, new() { Name = "This screen was paused while it was hidden." })).ToHaveCountAsync(0);
        await Expect(desk.AppointmentDrawer).Not.ToHaveAttributeAsync("data-before", "pause", new() { Timeout = 30_000 });
        await Expect(desk.AppointmentDrawer.GetByRole(AriaRole.Heading, new() { Name = "Ida Resume" })).ToBeVisibleAsync();
        await Expect(desk.DrawerStatus).ToHaveAccessibleNameAsync("Status: Booked");
        Assert.True(await sameDocument(), "The desk reloaded instead of resuming its circuit.");
        await person.ScreenshotAsync("34-desk-resumed-with-appointment-drawer");
    }

    private static ILocator ConnectionLost(IPage page) => page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Connection lost" });

    private static async Task OpenAsync(Person desk)
    {
        await desk.Page.GotoAsync("/");
        // The layouts mark themselves once their circuit has rendered (see MainLayout).
        await Expect(desk.Page.Locator("[data-interactive='true']").First).ToBeAttachedAsync();
    }

    /// <summary>Marks the page's document; the returned check says whether it is still the same one (no reload).</summary>
    private static async Task<Func<Task<bool>>> MarkDocumentAsync(IPage page)
    {
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        return () => page.EvaluateAsync<bool>("() => window.__sameDocument === true");
    }

    /// <summary>
    /// What the browser reports when the receptionist switches to another tab and back: headless
    /// pages are always "visible", so the page's document is told otherwise.
    /// </summary>
    private static Task SetVisibilityAsync(IPage page, string state) => page.EvaluateAsync(
        """
        state => {
            Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
            Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
            document.dispatchEvent(new Event('visibilitychange'));
        }
        """,
        state);
}

/// <summary>The fixed clinic, with desks' hidden tabs paused after one second instead of five minutes.</summary>
public sealed class QuickPauseClinicServer : ClinicServer
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Circuit:PauseWhenHidden"] = "00:00:01" };
}
