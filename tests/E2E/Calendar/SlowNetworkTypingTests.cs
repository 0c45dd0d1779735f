using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Calendar;

/// <summary>
/// Issue "stack" (calendar): typing in the client search at full speed loses no character, also
/// when every message between the browser and the server takes a network's round trip: the
/// browser reaches the app through a relay that delays every byte, so each key's event reaches
/// the server, and the server's render comes back, long after the next keys were typed.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class SlowNetworkTypingTests(BrowserFixture browser, ClinicServer server) : IClassFixture<ClinicServer>
{
    [Theory]
    [InlineData(150)]
    [InlineData(300)]
    public async Task FastTyping_OverASlowNetwork_KeepsEveryCharacterAndFindsTheClient(int latencyMs)
    {
        using var api = server.Api;
        await api.CreateClientAsync($"Theodora Quickfinger {latencyMs}", $"07700 9007{latencyMs / 10:00}");
        await using var slowNetwork = new TcpRelay(server.Port, TimeSpan.FromMilliseconds(latencyMs));
        await using var person = await browser.NewPersonAsync($"receptionist-{latencyMs}ms", slowNetwork.BaseAddress, StaffRole.Receptionist);
        var desk = new CalendarDesk(person);
        await desk.OpenAsync();
        await desk.ClickSlotAsync(ClinicServer.Tess, new TimeOnly(11, 0));

        // Typed key by key at a fast typist's (or a scanner's) pace, right after the drawer appears,
        // so the burst lasts longer than a round trip: anything the server does "after render"
        // (the drawer focusing its heading) lands while keys are still coming. The helper asserts
        // the field holds every character.
        await desk.SearchAndChooseClientAsync($"theodora quickfinger {latencyMs}", $"Theodora Quickfinger {latencyMs}",
            keyDelay: TimeSpan.FromMilliseconds(latencyMs / 5.0));
    }

    /// <summary>
    /// Keys about as far apart as the search's pause (a steady typist): a search starts between two
    /// keys, and its answer must not set the field back to the text it searched for while the next
    /// key is on its way ("katherine" became "katine" when the autocomplete's own debounce timer
    /// ran the search). Each round opens the drawer anew on another slot.
    /// </summary>
    [Theory]
    [InlineData(0, 240)]
    [InlineData(0, 265)]
    [InlineData(60, 200)]
    public async Task SteadyTyping_InABookingDrawerOpenedAgain_KeepsEveryCharacter(int latencyMs, int keyDelayMs)
    {
        using var api = server.Api;
        var name = $"Katharina Steady {latencyMs}x{keyDelayMs}";
        await api.CreateClientAsync(name, $"07700 9{latencyMs:00}{keyDelayMs:000}");
        await using var slowNetwork = new TcpRelay(server.Port, TimeSpan.FromMilliseconds(latencyMs));
        await using var person = await browser.NewPersonAsync($"receptionist-reopen-{latencyMs}-{keyDelayMs}", slowNetwork.BaseAddress, StaffRole.Receptionist);
        var desk = new CalendarDesk(person);
        await desk.OpenAsync();
        for (var round = 0; round < 3; round++)
        {
            await desk.ClickSlotAsync(ClinicServer.Tess, new TimeOnly(12 + round, 0));
            await desk.SearchAndChooseClientAsync(name.ToLowerInvariant(), name, TimeSpan.FromMilliseconds(keyDelayMs));
            await desk.CloseBookingDrawerAsync();
        }
    }

    /// <summary>The clients list's search field, typed at about its pause: every key stays.</summary>
    [Theory]
    [InlineData(0, 265)]
    [InlineData(60, 200)]
    public async Task SteadyTyping_OnTheClientsPageSearch_KeepsEveryCharacter(int latencyMs, int keyDelayMs)
    {
        await using var slowNetwork = new TcpRelay(server.Port, TimeSpan.FromMilliseconds(latencyMs));
        await using var person = await browser.NewPersonAsync($"receptionist-list-{latencyMs}-{keyDelayMs}", slowNetwork.BaseAddress, StaffRole.Receptionist);
        var page = person.Page;
        await page.GotoAsync("clients");
        await Expect(page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
        var search = page.GetByRole(AriaRole.Textbox, new() { Name = "Search clients" });
        for (var round = 0; round < 3; round++)
        {
            await search.FillAsync("");
            await search.PressSequentiallyAsync("katharina reopen", new() { Delay = keyDelayMs });
            await Expect(search).ToHaveValueAsync("katharina reopen");
        }
    }
}
