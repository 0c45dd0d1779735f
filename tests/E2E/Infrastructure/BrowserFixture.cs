using FrontDesk.Domain.Staff;
using Microsoft.Playwright;

namespace FrontDesk.Tests.E2E.Infrastructure;

/// <summary>
/// One headless Debian Chromium for the whole E2E collection, driven by Microsoft.Playwright
/// (no <c>playwright install</c>: the browser comes from apt, see scripts/test.sh). Each person
/// in a test gets a browser context of their own (<see cref="NewPersonAsync"/>): separate
/// cookies, storage and Blazor circuit, as on two different desks. If Chromium cannot start,
/// every test fails with the reason; nothing is skipped.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>Generous, because a live update crosses a server, a feed and a socket.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultChromium;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install Debian's package (apt-get install chromium) or run scripts/test.sh, which does; set CHROMIUM_PATH to use another binary.");
        }
        Assertions.SetDefaultExpectTimeout((float)Timeout.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        try
        {
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                ],
                Timeout = 60_000,
            });
        }
        catch (PlaywrightException ex)
        {
            throw new InvalidOperationException($"Chromium at {ChromiumPath} could not be started by Playwright: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// A fresh browser context and page for one person (a receptionist, the wall display),
    /// signed in with the test account of <paramref name="signInAs"/> (see <see cref="E2EStaff"/>),
    /// or anonymous when it is null.
    /// </summary>
    public async Task<Person> NewPersonAsync(string name, Uri baseAddress, StaffRole? signInAs)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        var person = new Person(name, context, page);
        if (signInAs is { } role)
        {
            await person.SignInAsAsync(role);
        }
        return person;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}

/// <summary>Someone at a screen: their own browser context and page. Disposing closes the context.</summary>
public sealed class Person(string name, IBrowserContext context, IPage page) : IAsyncDisposable
{
    private readonly List<string> _console = [];

    public string Name { get; } = name;

    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = Track(page, name);

    /// <summary>Signs this person's browser in as the test account of <paramref name="role"/>.</summary>
    public Task SignInAsAsync(StaffRole role) => E2EStaff.SignInAsync(Page, E2EStaff.For(role));

    public Task<string> ScreenshotAsync(string step) => Artifacts.ScreenshotAsync(Page, $"{step}-{Name}");

    public ValueTask DisposeAsync() => new(Context.CloseAsync());

    private static IPage Track(IPage page, string name)
    {
        page.PageError += (_, error) => Console.Error.WriteLine($"[{name}] page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Console.Error.WriteLine($"[{name}] console {message.Type}: {message.Text}");
            }
        };
        return page;
    }

    public override string ToString() => Name;
}

[CollectionDefinition(Name)]
public sealed class E2ECollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "E2E";
}
