using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace FrontDesk.Benchmarks.FanOut;

/// <summary>
/// "Fast as a bare page" (issue 9): the real app in its own process (Development, demo data),
/// N headless Chromium pages on the desk calendar (/) and N on the bare control page
/// (/diagnostics/bare-control, one value pushed from the live feed), all open at once. Each round
/// books one appointment through the API and times, in every page, the moment its DOM shows the
/// booked client's name, from just before the request is sent. Reports p50/p95 per kind, the
/// ratio desk/control, and server memory per open page (managed heap after a full GC, and
/// working set): over all N pages of a kind, and over the N-1 opened after the first (what one
/// more page costs, without what the first fills once for the whole server).
/// Usage: dotnet run -c Release -- fanout [--pages 10,25] [--rounds 8] [--port 5322]
/// </summary>
public static class FanOutBenchmark
{
    /// <summary>
    /// Signs the context in as the demo receptionist (the desk calendar needs a signed-in member of
    /// staff; every page of the context shares the cookie). The sign-in page lands on a bare control
    /// page and stays open; it is returned.
    /// </summary>
    internal static async Task<IPage> SignInDeskAsync(IBrowserContext context, Uri baseAddress)
    {
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync(new Uri(baseAddress, "account/signin?returnUrl=%2Fdiagnostics%2Fbare-control").ToString());
        await signIn.GetByLabel("Email").FillAsync("desk@demo.clinic");
        await signIn.GetByLabel("Password").FillAsync("demo-desk-only");
        await signIn.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await signIn.GetByLabel("Circuit").Filter(new LocatorFilterOptions { HasText = "interactive" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        return signIn;
    }

    internal static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
        // Every page is a tab of one browser: none of them may be throttled as a background tab.
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
    ];

    // Installed in each page before a round: records when the page's text first contains the token.
    internal const string WatchScript = """
        token => {
            window.__arrivedAt = null;
            const seen = () => document.body && document.body.textContent.includes(token);
            if (seen()) { window.__arrivedAt = -1; return; }
            const observer = new MutationObserver(() => {
                if (window.__arrivedAt === null && seen()) {
                    window.__arrivedAt = performance.timeOrigin + performance.now();
                    observer.disconnect();
                }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var pageCounts = Option(args, "--pages", "10,25").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var rounds = int.Parse(Option(args, "--rounds", "8"), CultureInfo.InvariantCulture);
        var port = int.Parse(Option(args, "--port", "5322"), CultureInfo.InvariantCulture);
        var chromium = ChromiumPath(args);
        var root = await BuildAppAsync();

        var results = new List<RunResult>();
        foreach (var n in pageCounts)
        {
            Console.WriteLine($"--- N = {n}: {n} desk pages and {n} control pages, {rounds} bookings");
            results.Add(await RunOnceAsync(root, chromium, port, n, rounds));
        }

        Console.WriteLine();
        Console.WriteLine(Report(results, rounds));
        return 0;
    }

    private static async Task<RunResult> RunOnceAsync(string root, string chromium, int port, int n, int rounds)
    {
        await using var server = await AppProcess.StartAsync(root, port);
        using var http = server.Client(TimeSpan.FromSeconds(60));
        var run = Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var clients = new List<(Guid Id, string Token)>();
        for (var r = 0; r <= rounds; r++) // round 0 warms the booking path up and is not counted
        {
            var token = $"Fx{run}r{r}";
            var created = await http.PostAsJsonAsync("/api/v1/clients", new { name = $"{token} Fanout" });
            created.EnsureSuccessStatusCode();
            clients.Add(((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), token));
        }
        var slots = await FreeSlots.TodayAsync(http);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumFlags,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });

        // The desk calendar needs a signed-in receptionist (the demo account): every page of the
        // context shares the cookie. The sign-in page lands on a control page and stays open, so
        // its circuit is in every memory reading below and in none of the differences.
        await SignInDeskAsync(context, server.BaseAddress);

        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = await Memory.ReadAsync(http);
        // Memory is also read after the first page of each kind: what the first one fills once
        // for the whole server (caches, the JIT's code, a type's metadata) is then outside the
        // "each further page" figures.
        var controls = new List<IPage>();
        Memory? afterFirstControl = null;
        for (var i = 0; i < n; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(server.BaseAddress, "diagnostics/bare-control").ToString());
            await page.GetByLabel("Circuit").Filter(new LocatorFilterOptions { HasText = "interactive" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 240_000 });
            controls.Add(page);
            afterFirstControl ??= await Memory.SettledAsync(http);
        }
        var withControls = await Memory.SettledAsync(http);
        var desks = new List<IPage>();
        Memory? afterFirstDesk = null;
        for (var i = 0; i < n; i++)
        {
            var page = await context.NewPageAsync();
            var live = Circuit.WatchFor(page);
            await page.GotoAsync(server.BaseAddress.ToString());
            await live.WaitAsync(TimeSpan.FromSeconds(60));
            desks.Add(page);
            afterFirstDesk ??= await Memory.SettledAsync(http);
        }
        var withDesks = await Memory.SettledAsync(http);
        Console.WriteLine($"    live subscribers: {before.Subscribers} before, {withControls.Subscribers} with controls, {withDesks.Subscribers} with desks too");

        var deskTimes = new List<double>();
        var controlTimes = new List<double>();
        var requestTimes = new List<double>();
        var missed = 0;
        var all = desks.Select(p => (Page: p, Desk: true)).Concat(controls.Select(p => (Page: p, Desk: false))).ToList();
        foreach (var (clientId, token) in clients)
        {
            await Task.WhenAll(all.Select(p => p.Page.EvaluateAsync(WatchScript, token)));
            await Task.Delay(TimeSpan.FromMilliseconds(1500)); // a quiet spell: nothing coalesced with the previous round
            var (sentAt, requestMs) = await slots.BookAsync(http, clientId);
            var arrivals = await Task.WhenAll(all.Select(p => ArrivalAsync(p.Page, TimeSpan.FromSeconds(20))));
            if (token.EndsWith("r0", StringComparison.Ordinal))
            {
                Console.WriteLine($"    {token}: warm-up, request {requestMs:0} ms, not counted");
                continue;
            }
            requestTimes.Add(requestMs);
            for (var i = 0; i < all.Count; i++)
            {
                if (arrivals[i] is not { } at || at < 0)
                {
                    missed++;
                    continue;
                }
                (all[i].Desk ? deskTimes : controlTimes).Add(at - sentAt);
            }
            Console.WriteLine($"    {token}: request {requestMs:0} ms; desks p95 {Percentile(deskTimes, 95):0} ms, controls p95 {Percentile(controlTimes, 95):0} ms so far");
        }
        await context.CloseAsync();

        return new RunResult(n, deskTimes, controlTimes, requestTimes, missed,
            (withControls.ManagedBytes - before.ManagedBytes) / (double)n, (withDesks.ManagedBytes - withControls.ManagedBytes) / (double)n,
            (withControls.WorkingSetBytes - before.WorkingSetBytes) / (double)n, (withDesks.WorkingSetBytes - withControls.WorkingSetBytes) / (double)n,
            n > 1 ? (withControls.ManagedBytes - afterFirstControl!.ManagedBytes) / (double)(n - 1) : double.NaN,
            n > 1 ? (withDesks.ManagedBytes - afterFirstDesk!.ManagedBytes) / (double)(n - 1) : double.NaN);
    }

    /// <summary>When the page showed the token (epoch ms), -1 if it showed it before the round, null if never.</summary>
    internal static async Task<double?> ArrivalAsync(IPage page, TimeSpan patience)
    {
        var giveUp = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < giveUp)
        {
            var at = await page.EvaluateAsync<double?>("() => window.__arrivedAt");
            if (at is not null)
            {
                return at;
            }
            await Task.Delay(50);
        }
        return null;
    }

    private static string Report(IReadOnlyList<RunResult> results, int rounds)
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"| N | desk p50 | desk p95 | control p50 | control p95 | ratio p50 | ratio p95 | API request p50 | missed | managed MB per desk / control | managed MB per further desk / control | working set MB per desk / control |");
        table.AppendLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var r in results)
        {
            double P(List<double> xs, int p) => Percentile(xs, p);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Pages} | {P(r.Desk, 50):0} ms | {P(r.Desk, 95):0} ms | {P(r.Control, 50):0} ms | {P(r.Control, 95):0} ms | " +
                $"{P(r.Desk, 50) / P(r.Control, 50):0.0} | {P(r.Desk, 95) / P(r.Control, 95):0.0} | {P(r.Requests, 50):0} ms | {r.Missed} | " +
                $"{r.ManagedPerDesk / 1e6:0.00} / {r.ManagedPerControl / 1e6:0.00} | {r.ManagedPerFurtherDesk / 1e6:0.00} / {r.ManagedPerFurtherControl / 1e6:0.00} | " +
                $"{r.WorkingSetPerDesk / 1e6:0.00} / {r.WorkingSetPerControl / 1e6:0.00} |");
        }
        table.AppendLine();
        table.Append(CultureInfo.InvariantCulture, $"{rounds} bookings per N; every sample is one page's arrival of one booking (N x {rounds} per kind).");
        return table.ToString();
    }

    internal static double Percentile(List<double> values, int p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    internal static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    /// <summary>The Chromium to drive: --chromium, else CHROMIUM_PATH, else Debian's.</summary>
    internal static string ChromiumPath(string[] args) =>
        Option(args, "--chromium", Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium");

    /// <summary>Builds src/Dashboard in Release (the build the benchmarks start) and returns the repository's root.</summary>
    internal static async Task<string> BuildAppAsync()
    {
        var root = RepositoryRoot();
        Console.WriteLine("Building src/Dashboard (Release)...");
        await RunToEndAsync("dotnet", ["build", Path.Combine(root, "src", "Dashboard"), "-c", "Release", "-v", "q", "-nologo"]);
        return root;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run from inside the repository (Dashboard.sln not found above the benchmark).");
    }

    internal static async Task RunToEndAsync(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} could not be started.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}.");
        }
    }

    private sealed record RunResult(
        int Pages, List<double> Desk, List<double> Control, List<double> Requests, int Missed,
        double ManagedPerControl, double ManagedPerDesk, double WorkingSetPerControl, double WorkingSetPerDesk,
        double ManagedPerFurtherControl, double ManagedPerFurtherDesk);

    /// <summary>Resolves once the page's Blazor circuit has sent its first message over the WebSocket.</summary>
    internal static class Circuit
    {
        public static Task WatchFor(IPage page)
        {
            var live = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            page.WebSocket += (_, socket) => socket.FrameReceived += (_, _) => live.TrySetResult();
            return live.Task;
        }
    }

    internal sealed record Memory(long ManagedBytes, long WorkingSetBytes, int Subscribers)
    {
        public static async Task<Memory> ReadAsync(HttpClient http)
        {
            var json = await http.GetFromJsonAsync<JsonElement>("/diagnostics/memory");
            return new Memory(json.GetProperty("managedBytes").GetInt64(), json.GetProperty("workingSetBytes").GetInt64(), json.GetProperty("liveSubscribers").GetInt32());
        }

        /// <summary>Memory once the pages have finished loading (the subscriber count and heap stop moving).</summary>
        public static async Task<Memory> SettledAsync(HttpClient http)
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            var last = await ReadAsync(http);
            for (var i = 0; i < 10; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                var next = await ReadAsync(http);
                if (next.Subscribers == last.Subscribers && Math.Abs(next.ManagedBytes - last.ManagedBytes) < 256 * 1024)
                {
                    return next;
                }
                last = next;
            }
            return last;
        }
    }

    /// <summary>Free places on today's calendar (business hours, London), one per booking.</summary>
    internal sealed class FreeSlots(List<(Guid Provider, Guid Service, int Minutes)> offers, List<(Guid Provider, DateTimeOffset Start, DateTimeOffset End)> taken, TimeZoneInfo zone)
    {
        private int _next;

        public static async Task<FreeSlots> TodayAsync(HttpClient http)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
            var services = (await http.GetFromJsonAsync<JsonElement>("/api/v1/services")).EnumerateArray()
                .ToDictionary(s => s.GetProperty("id").GetGuid(), s => s.GetProperty("durationMinutes").GetInt32());
            var offers = (await http.GetFromJsonAsync<JsonElement>("/api/v1/providers")).EnumerateArray()
                .Select(p => (Provider: p.GetProperty("id").GetGuid(), Service: p.GetProperty("serviceIds").EnumerateArray().Select(s => s.GetGuid()).First(services.ContainsKey)))
                .Select(p => (p.Provider, p.Service, services[p.Service]))
                .ToList();
            var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date;
            var from = Local(zone, today);
            var appointments = await http.GetFromJsonAsync<JsonElement>($"/api/v1/appointments?from={Uri.EscapeDataString(Iso(from))}&to={Uri.EscapeDataString(Iso(from.AddDays(1)))}");
            var taken = appointments.EnumerateArray()
                .Where(a => a.GetProperty("status").GetString() != "Cancelled")
                .Select(a => (a.GetProperty("providerId").GetGuid(), a.GetProperty("start").GetDateTimeOffset(), a.GetProperty("end").GetDateTimeOffset()))
                .ToList();
            return new FreeSlots(offers, taken, zone);
        }

        /// <summary>Books the next free place; returns when the request was sent (epoch ms) and how long it took.</summary>
        public async Task<(double SentAt, double RequestMs)> BookAsync(HttpClient http, Guid clientId)
        {
            var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date;
            for (; _next < 4 * 11 * offers.Count; _next++)
            {
                var (provider, service, minutes) = offers[_next % offers.Count];
                var start = Local(zone, today.AddHours(8).AddMinutes(15 * (_next / offers.Count)));
                var end = start.AddMinutes(minutes);
                if (taken.Any(t => t.Provider == provider && t.Start < end && t.End > start))
                {
                    continue;
                }
                var sentAt = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds; // the browsers' clock: same machine
                var watch = Stopwatch.StartNew();
                var response = await http.PostAsJsonAsync("/api/v1/appointments", new { clientId, serviceId = service, providerId = provider, start = Iso(start), overrideWorkingHours = true });
                var requestMs = watch.Elapsed.TotalMilliseconds;
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    taken.Add((provider, start, end));
                    _next++;
                    return (sentAt, requestMs);
                }
            }
            throw new InvalidOperationException("No free place left on today's calendar for another booking.");
        }

        private static DateTimeOffset Local(TimeZoneInfo zone, DateTime local) => new(local, zone.GetUtcOffset(local));

        private static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>The app from its Release build output, as Development (static web assets, demo data), on a free port and a temp database.</summary>
    internal sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _directory;

        private AppProcess(Process process, string directory, Uri baseAddress)
        {
            _process = process;
            _directory = directory;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        /// <summary>The app's process id (the heap benchmark attaches to it).</summary>
        public int ProcessId => _process.Id;

        /// <summary>CPU time the app's process has used so far (user + system, all threads).</summary>
        public TimeSpan ProcessorTime
        {
            get
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
        }

        /// <summary>A fresh temp folder for the app's database (dashboard.db inside it).</summary>
        public static string NewDirectory()
        {
            var directory = Path.Combine(Path.GetTempPath(), "frontdesk-fanout", Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(directory);
            return directory;
        }

        /// <summary>The key every benchmark's app process accepts with Manager rights.</summary>
        public const string ApiKey = "fdl_benchmark_key_0123456789abcdef";

        /// <summary>An HTTP client for the app's API, sending <see cref="ApiKey"/>.</summary>
        public HttpClient Client(TimeSpan timeout)
        {
            var http = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout };
            http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
            return http;
        }

        /// <summary>Starts the app on <paramref name="directory"/>'s dashboard.db (a new folder unless given; deleted at the end).</summary>
        public static async Task<AppProcess> StartAsync(string root, int port, bool demoData = true, string? directory = null, IReadOnlyDictionary<string, string>? environment = null)
        {
            var project = Path.Combine(root, "src", "Dashboard");
            var assembly = Path.Combine(project, "bin", "Release", "net10.0", "FrontDesk.Dashboard.dll");
            directory ??= NewDirectory();
            var baseAddress = new Uri($"http://127.0.0.1:{port}/");
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = project,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.ArgumentList.Add(assembly);
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            info.Environment["DOTNET_ENVIRONMENT"] = "Development";
            info.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
            info.Environment["ConnectionStrings__Dashboard"] = $"Data Source={Path.Combine(directory, "dashboard.db")}";
            info.Environment["DemoData__Enabled"] = demoData ? "true" : "false";
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            // The API takes keys only: this one has Manager rights (Api:Keys), see Client().
            info.Environment["Api__Keys__0"] = ApiKey;
            // Every page of a run is one signed-in receptionist (one browser context): lift the
            // per-account limit of open circuits (5 by default), or the sixth page is refused.
            info.Environment["SignIn__MaxCircuitsPerAccount"] = "1000";
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                info.Environment[name] = value;
            }
            var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet could not be started.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    Console.Error.WriteLine($"    [app] {e.Data}");
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var app = new AppProcess(process, directory, baseAddress);
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
            // A loaded 2-core machine can take two minutes to start the app (migrations, demo data, staff accounts).
            var giveUp = DateTime.UtcNow.AddSeconds(300);
            while (true)
            {
                if (process.HasExited || DateTime.UtcNow > giveUp)
                {
                    await app.DisposeAsync();
                    throw new InvalidOperationException("The app did not start.");
                }
                try
                {
                    if ((await http.GetAsync("/diagnostics/memory")).IsSuccessStatusCode)
                    {
                        return app;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
                await Task.Delay(250);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
