using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static FrontDesk.Benchmarks.FanOut.FanOutBenchmark;

namespace FrontDesk.Benchmarks.FanOut;

/// <summary>
/// Issue 9's "Live" point, measured in Chromium against the bare control page:
/// <c>bytes</c>: WebSocket bytes a desk calendar receives per live change (one booking by the API);
/// <c>firstrender</c>: time from navigation to a busy day (8 providers, 120 appointments) shown.
/// </summary>
public static class DeskBenchmarks
{
    private static readonly byte[] RenderBatch = Encoding.ASCII.GetBytes("JS.RenderBatch");

    /// <summary>Usage: dotnet run -c Release -- bytes [--rounds 6] [--port 5322]</summary>
    public static async Task<int> BytesAsync(string[] args)
    {
        var rounds = int.Parse(Option(args, "--rounds", "6"), CultureInfo.InvariantCulture);
        var port = int.Parse(Option(args, "--port", "5322"), CultureInfo.InvariantCulture);
        var chromium = ChromiumPath(args);
        var root = await BuildAppAsync();

        await using var server = await AppProcess.StartAsync(root, port);
        using var http = server.Client(TimeSpan.FromSeconds(60));
        var run = Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var clients = new List<(Guid Id, string Token)>();
        for (var r = 0; r <= rounds; r++)
        {
            var token = $"By{run}r{r}";
            var created = await http.PostAsJsonAsync("/api/v1/clients", new { name = $"{token} Bytes" });
            created.EnsureSuccessStatusCode();
            clients.Add(((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), token));
        }
        var slots = await FreeSlots.TodayAsync(http);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumFlags });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        // The desk needs a signed-in receptionist; the sign-in page's own frames are not recorded.
        await FanOutBenchmark.SignInDeskAsync(context, server.BaseAddress);

        var desk = await context.NewPageAsync();
        var deskFrames = Record(desk);
        var deskLive = Circuit.WatchFor(desk);
        await desk.GotoAsync(server.BaseAddress.ToString());
        await deskLive.WaitAsync(TimeSpan.FromSeconds(60));
        var control = await context.NewPageAsync();
        var controlFrames = Record(control);
        await control.GotoAsync(new Uri(server.BaseAddress, "diagnostics/bare-control").ToString());
        await control.GetByLabel("Circuit").Filter(new LocatorFilterOptions { HasText = "interactive" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });

        var samples = new List<(string Token, Received Desk, Received Control)>();
        foreach (var (clientId, token) in clients)
        {
            await Task.WhenAll(desk.EvaluateAsync(WatchScript, token), control.EvaluateAsync(WatchScript, token));
            await Task.Delay(TimeSpan.FromMilliseconds(1500)); // quiet: nothing of the previous round is still arriving
            var deskMark = deskFrames.Count;
            var controlMark = controlFrames.Count;
            await slots.BookAsync(http, clientId);
            var arrived = await Task.WhenAll(ArrivalAsync(desk, TimeSpan.FromSeconds(20)), ArrivalAsync(control, TimeSpan.FromSeconds(20)));
            await Task.Delay(TimeSpan.FromMilliseconds(1500)); // whatever the change still sends (renders after the first)
            var d = Received.Since(deskFrames, deskMark);
            var c = Received.Since(controlFrames, controlMark);
            if (token.EndsWith("r0", StringComparison.Ordinal))
            {
                Console.WriteLine($"    {token}: warm-up, desk {d.Bytes} B, control {c.Bytes} B, not counted");
                continue;
            }
            if (arrived.Any(a => a is null))
            {
                Console.WriteLine($"    {token}: a page never showed the booking; round not counted");
                continue;
            }
            Console.WriteLine($"    {token}: desk {d.Bytes} B in {d.Frames} frames ({d.Batches} render batches, {d.Components} components re-rendered, {d.Changed} with DOM edits), control {c.Bytes} B in {c.Frames} frames ({c.Batches} render batches, {c.Components} / {c.Changed})");
            samples.Add((token, d, c));
        }
        await context.CloseAsync();

        double Median(IEnumerable<int> xs) => Percentile(xs.Select(x => (double)x).ToList(), 50);
        var table = new StringBuilder();
        table.AppendLine("| page | bytes per change p50 | min | max | frames per change p50 | render batches per change p50 | components re-rendered p50 | of which changed the DOM p50 |");
        table.AppendLine("|--|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var (name, pick) in new (string, Func<(string, Received Desk, Received Control), Received>)[] { ("desk calendar `/`", s => s.Desk), ("bare control", s => s.Control) })
        {
            var xs = samples.Select(pick).ToList();
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {Median(xs.Select(x => x.Bytes)):0} B | {xs.Min(x => x.Bytes)} B | {xs.Max(x => x.Bytes)} B | {Median(xs.Select(x => x.Frames)):0} | {Median(xs.Select(x => x.Batches)):0} | {Median(xs.Select(x => x.Components)):0} | {Median(xs.Select(x => x.Changed)):0} |");
        }
        table.AppendLine();
        var ratio = Median(samples.Select(s => s.Desk.Bytes)) / Median(samples.Select(s => s.Control.Bytes));
        table.Append(CultureInfo.InvariantCulture, $"{samples.Count} bookings; ratio desk/control at p50: {ratio:0.0}. ");
        table.Append("Bytes are WebSocket payloads as the page receives them (after permessage-deflate is undone), from the request until 1.5 s after the page showed the booking.");
        Console.WriteLine();
        Console.WriteLine(table);
        return 0;
    }

    /// <summary>Usage: dotnet run -c Release -- firstrender [--loads 5] [--port 5322]</summary>
    public static async Task<int> FirstRenderAsync(string[] args)
    {
        const int Providers = 8;
        const int Appointments = 120;
        var loads = int.Parse(Option(args, "--loads", "5"), CultureInfo.InvariantCulture);
        var port = int.Parse(Option(args, "--port", "5322"), CultureInfo.InvariantCulture);
        var chromium = ChromiumPath(args);
        var root = await BuildAppAsync();

        var directory = AppProcess.NewDirectory();
        var clientIds = await BusyDay.SeedCatalogAsync(Path.Combine(directory, "dashboard.db"), Providers, Appointments);
        await using var server = await AppProcess.StartAsync(root, port, demoData: false, directory: directory);
        using var http = server.Client(TimeSpan.FromSeconds(60));
        await BusyDay.BookAsync(http, clientIds);
        Console.WriteLine($"    seeded {Providers} providers and {Appointments} appointments today in a fresh database");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumFlags });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });

        // Desk: all 120 blocks in the day grid (buttons named after their client; at 1400 px the phone agenda is not rendered); control: its value.
        var deskShown = $"() => document.querySelectorAll('[role=group][aria-label$=\"time slots\"] [role=button][aria-label*=\"{BusyDay.ClientPrefix}\"]').length >= {Appointments}";
        const string ControlShown = "() => !!document.querySelector('[aria-label=\"Latest change\"]')";
        var desk = new List<(double Shown, double Interactive)>();
        var control = new List<(double Shown, double Interactive)>();
        for (var i = 0; i <= loads; i++) // load 0 warms both pages up and is not counted
        {
            var d = await LoadAsync(context, server.BaseAddress.ToString(), deskShown);
            var c = await LoadAsync(context, new Uri(server.BaseAddress, "diagnostics/bare-control").ToString(), ControlShown);
            Console.WriteLine($"    load {i}{(i == 0 ? " (warm-up, not counted)" : string.Empty)}: desk shown {d.Shown:0} ms, first interactive render {d.Interactive:0} ms; control {c.Shown:0} / {c.Interactive:0} ms");
            if (i > 0)
            {
                desk.Add(d);
                control.Add(c);
            }
        }
        await context.CloseAsync();

        double P(List<(double Shown, double Interactive)> xs, Func<(double Shown, double Interactive), double> f, int p) => Percentile(xs.Select(f).ToList(), p);
        var table = new StringBuilder();
        table.AppendLine("| measure | desk p50 | desk max | control p50 | control max | ratio p50 |");
        table.AppendLine("|--|--:|--:|--:|--:|--:|");
        foreach (var (name, pick) in new (string, Func<(double Shown, double Interactive), double>)[]
                 { ("navigation to everything shown (120 blocks / the value)", x => x.Shown), ("navigation to the circuit's first render batch applied, everything shown", x => x.Interactive) })
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {P(desk, pick, 50):0} ms | {desk.Max(pick):0} ms | {P(control, pick, 50):0} ms | {control.Max(pick):0} ms | {P(desk, pick, 50) / P(control, pick, 50):0.0} |");
        }
        table.AppendLine();
        table.Append(CultureInfo.InvariantCulture, $"{loads} loads of each page, each in a new tab, alternating desk and control.");
        Console.WriteLine();
        Console.WriteLine(table);
        return 0;
    }

    /// <summary>Opens a new tab on the address; times (ms from navigation) when the condition first held and when the circuit's first render batch had arrived with it holding.</summary>
    private static async Task<(double Shown, double Interactive)> LoadAsync(IBrowserContext context, string address, string shown)
    {
        var page = await context.NewPageAsync();
        var clock = Stopwatch.StartNew();
        var firstBatch = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            if (frame.Binary is { } bytes && bytes.AsSpan().IndexOf(RenderBatch) >= 0)
            {
                firstBatch.TrySetResult(clock.Elapsed.TotalMilliseconds);
            }
        };
        await page.GotoAsync(address, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await page.WaitForFunctionAsync(shown, null, new PageWaitForFunctionOptions { PollingInterval = 5, Timeout = 60_000 });
        var shownAt = clock.Elapsed.TotalMilliseconds;
        await firstBatch.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await page.WaitForFunctionAsync(shown, null, new PageWaitForFunctionOptions { PollingInterval = 5, Timeout = 60_000 });
        var interactiveAt = clock.Elapsed.TotalMilliseconds;
        await page.CloseAsync();
        return (shownAt, interactiveAt);
    }

    private static ConcurrentQueue<(int Bytes, bool Batch, int Components, int Changed)> Record(IPage page)
    {
        var frames = new ConcurrentQueue<(int Bytes, bool Batch, int Components, int Changed)>();
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            if (frame.Binary is { } bytes)
            {
                var batch = bytes.AsSpan().IndexOf(RenderBatch) >= 0;
                var (components, changed) = batch ? ComponentsIn(bytes) : (0, 0);
                frames.Enqueue((bytes.Length, batch, components, changed));
            }
            else
            {
                frames.Enqueue((Encoding.UTF8.GetByteCount(frame.Text ?? string.Empty), false, 0, 0));
            }
        };
        return frames;
    }

    /// <summary>
    /// Components the render batch re-rendered, and how many of those changed the DOM (any edit).
    /// The batch is the MessagePack bin after "JS.RenderBatch"; it ends with five int32 section
    /// offsets, the first pointing at the updated components: a count, then per component an
    /// offset to its id and edit count (ASP.NET Core's RenderBatchWriter). (-1, -1) if unreadable.
    /// </summary>
    private static (int Components, int Changed) ComponentsIn(byte[] frame)
    {
        try
        {
            var at = frame.AsSpan().IndexOf(RenderBatch) + RenderBatch.Length;
            while (frame[at] is not (0xc4 or 0xc5 or 0xc6))
            {
                at++;
            }
            var (length, start) = frame[at] switch
            {
                0xc4 => (frame[at + 1], at + 2),
                0xc5 => (frame[at + 1] << 8 | frame[at + 2], at + 3),
                _ => (frame[at + 1] << 24 | frame[at + 2] << 16 | frame[at + 3] << 8 | frame[at + 4], at + 5),
            };
            var batch = new ArraySegment<byte>(frame, start, length);
            int Int(int offset) => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(batch.AsSpan(offset));
            var section = Int(length - 20);
            var count = Int(section);
            var changed = 0;
            for (var i = 0; i < count; i++)
            {
                changed += Int(Int(section + 4 + 4 * i) + 4) > 0 ? 1 : 0;
            }
            return (count, changed);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return (-1, -1);
        }
    }

    private sealed record Received(int Bytes, int Frames, int Batches, int Components, int Changed)
    {
        public static Received Since(ConcurrentQueue<(int Bytes, bool Batch, int Components, int Changed)> frames, int mark)
        {
            var xs = frames.Skip(mark).ToList();
            return new Received(xs.Sum(x => x.Bytes), xs.Count, xs.Count(x => x.Batch), xs.Sum(x => x.Components), xs.Sum(x => x.Changed));
        }
    }

    /// <summary>A busy day in a fresh database: providers and clients through the domain, appointments through the API.</summary>
    private static class BusyDay
    {
        public const string ClientPrefix = "Busy";
        private static readonly List<(Guid Provider, Guid Service)> Offers = [];

        public static async Task<List<Guid>> SeedCatalogAsync(string databaseFile, int providers, int appointments)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Dashboard"] = $"Data Source={databaseFile}",
            }).Build();
            var collection = new ServiceCollection();
            collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
            collection.AddSingleton<IConfiguration>(configuration);
            collection.AddFrontDesk(configuration);
            await using var services = collection.BuildServiceProvider();
            await DatabaseSetup.MigrateAsync(services);
            var currency = services.GetRequiredService<IOptions<BusinessOptions>>().Value.Currency;
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
            var service = new Service(ServiceId.New(), "Treatment 30", TimeSpan.FromMinutes(30), new Money(40m, currency), "Busy day");
            db.Services.Add(service);
            var shifts = Enum.GetValues<DayOfWeek>().Select(d => new WorkingShift(d, new TimeOnly(8, 0), new TimeOnly(19, 0))).ToList();
            for (var p = 0; p < providers; p++)
            {
                var provider = new Provider(ProviderId.New(), $"Provider {(char)('A' + p)}", [service.Id], shifts);
                db.Providers.Add(provider);
                Offers.Add((provider.Id.Value, service.Id.Value));
            }
            var clients = Enumerable.Range(1, appointments)
                .Select(i => Client.Register(ClientId.New(), $"{ClientPrefix}{i:000} Client", null, null, null, now, Actor.System))
                .ToList();
            db.Clients.AddRange(clients);
            await db.SaveChangesAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return clients.Select(c => c.Id.Value).ToList();
        }

        /// <summary>One appointment per client, round robin over the providers, 30 minutes every 45 from 08:00 (London).</summary>
        public static async Task BookAsync(HttpClient http, List<Guid> clientIds)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
            var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date;
            for (var i = 0; i < clientIds.Count; i++)
            {
                var (provider, service) = Offers[i % Offers.Count];
                var local = today.AddHours(8).AddMinutes(45 * (i / Offers.Count));
                var start = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
                var response = await http.PostAsJsonAsync("/api/v1/appointments", new { clientId = clientIds[i], serviceId = service, providerId = provider, start, overrideWorkingHours = true });
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"Booking {i} at {start} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }
    }
}
