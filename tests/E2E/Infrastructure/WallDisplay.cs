using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Infrastructure;

/// <summary>
/// The wall display (/display) as someone in the waiting room sees it: counters named
/// "Upcoming: 3", one lane (region) per provider, and entries named
/// "10:00 Ada L., E2E massage: upcoming". Nobody clicks it; tests only look.
/// </summary>
public sealed class WallDisplay(Person person)
{
    public static readonly string[] CounterNames = ["Upcoming", "Checked in", "In treatment", "Completed", "No-show"];

    public Person Person { get; } = person;

    public IPage Page => Person.Page;

    /// <summary>
    /// The "Connection lost. Reconnecting…" notice (a status in the reconnection banner of
    /// ReconnectModal) shown while the circuit is away; matches nothing while the wall is live.
    /// </summary>
    public ILocator ConnectionLost => Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Connection lost" });

    public async Task OpenAsync()
    {
        await Page.GotoAsync("/display");
        await WaitUntilLoadedAsync();
    }

    public async Task WaitUntilLoadedAsync()
    {
        // KioskLayout sets data-interactive only after its first interactive render: the circuit is up.
        await Expect(Page.Locator(".kiosk[data-interactive='true']")).ToBeAttachedAsync();
        await Expect(Page.Locator(".wall[data-revision]")).ToBeAttachedAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Loading today's board" })).ToHaveCountAsync(0);
    }

    /// <summary>A counter ("Upcoming", "Checked in", ...), whatever its number.</summary>
    public ILocator Counter(string name) =>
        Page.GetByRole(AriaRole.List, new() { Name = "Today so far" })
            .GetByRole(AriaRole.Listitem, new() { NameRegex = new Regex("^" + Regex.Escape(name) + @": \d+$") });

    public Task ExpectCounterAsync(string name, int value) =>
        Expect(Counter(name)).ToHaveAccessibleNameAsync($"{name}: {value}");

    /// <summary>All five counters as shown now, e.g. to take a baseline before the test changes things.</summary>
    public async Task<Dictionary<string, int>> CountersAsync()
    {
        var counters = new Dictionary<string, int>();
        foreach (var name in CounterNames)
        {
            var label = await Counter(name).GetAttributeAsync("aria-label") ?? throw new InvalidOperationException($"No counter {name}.");
            counters[name] = int.Parse(label[(name.Length + 2)..], CultureInfo.InvariantCulture);
        }
        return counters;
    }

    /// <summary>A provider's lane (a region named after the provider).</summary>
    public ILocator Lane(ClinicProvider provider) => Page.GetByRole(AriaRole.Region, new() { Name = provider.Name, Exact = true });

    /// <summary>An entry anywhere on the board by its full accessible name.</summary>
    public ILocator Entry(string label) => Page.Locator(".wall-lanes").GetByLabel(label, new() { Exact = true });

    /// <summary>An entry in a lane's "Now" row.</summary>
    public ILocator NowEntry(ClinicProvider provider, string label) => Lane(provider).Locator(".wall-now").GetByLabel(label, new() { Exact = true });

    /// <summary>An entry in a lane's "Next" row or its "Later" list (still to come).</summary>
    public ILocator WaitingEntry(ClinicProvider provider, string label) =>
        Lane(provider).Locator(".wall-next, .wall-later").GetByLabel(label, new() { Exact = true });

    /// <summary>How an entry is named: "10:00 Ada L., E2E massage: upcoming".</summary>
    public static string EntryLabel(TimeOnly start, string shortName, ClinicService service, string stage) =>
        $"{start:HH\\:mm} {shortName}, {service.Name}: {stage}";
}
