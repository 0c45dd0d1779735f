using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static FrontDesk.Benchmarks.FanOut.FanOutBenchmark;

namespace FrontDesk.Benchmarks.Throughput;

/// <summary>
/// Redemption throughput (issue 12): in one run, at 1, 8, 32 and 64 concurrent writers, books
/// appointments through the real app (its own process, Release build, POST /api/v1/appointments
/// with X-Api-Key; the redemption policy "at booking", so every booking redeems one session of
/// the writer's own course; every writer its own client, course, provider and free slots) and,
/// with the same number of threads, runs raw SQLite transactions (WAL, synchronous=FULL, one
/// UPDATE of a balance and one ledger INSERT each). Prints rate, p50, p99, double spends and the
/// ratio ours / raw. Usage: dotnet run -c Release -- throughput [--writers 1,8,32,64] [--ops 384] [--port 5323]
/// </summary>
public static class ThroughputBenchmark
{
    private const string ApiKey = "bench-throughput-key-0123456789";
    private const int SessionsPerCourse = 10;

    private sealed record Level(int Writers, string Kind, int Ok, int Failed, double Seconds, List<double> Latencies, int DoubleSpends)
    {
        public double Rate => Ok / Seconds;

        /// <summary>CPU the app's process used per successful booking during the row (ours only): what a booking costs, whatever the load.</summary>
        public double? CpuMsPerOp { get; init; }

        /// <summary>What the app's runtime did during the row besides the bookings (ours only): JIT compilation and GC pauses, in ms of the row's wall time.</summary>
        public Runtime? During { get; init; }
    }

    /// <summary>The app's /diagnostics/runtime: JIT time and GC pauses so far.</summary>
    private sealed record Runtime(double JitMs, double GcPauseMs)
    {
        public static async Task<Runtime> ReadAsync(Uri app)
        {
            using var http = new HttpClient { BaseAddress = app };
            var json = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/diagnostics/runtime");
            return new Runtime(json.GetProperty("jitMilliseconds").GetDouble(), json.GetProperty("gcPauseMilliseconds").GetDouble());
        }

        public static Runtime operator -(Runtime after, Runtime before) => new(after.JitMs - before.JitMs, after.GcPauseMs - before.GcPauseMs);
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var writerCounts = Option(args, "--writers", "1,8,32,64").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var ops = int.Parse(Option(args, "--ops", "384"), CultureInfo.InvariantCulture);
        var port = int.Parse(Option(args, "--port", "5323"), CultureInfo.InvariantCulture);
        // Bookings on writers of their own before the first row, not counted. 64 warms the path,
        // but the runtime's tiered JIT (re-compiling hot EF Core/ASP.NET Core methods, with PGO)
        // goes on far longer: perf on 2026-12-01 showed its thread using 23-44 % of the app's
        // CPU for the first ~25 s of load. The table's JIT column shows whether a row still paid
        // for it; --warmup 12000 covers it at this machine's rates.
        var warmupOps = int.Parse(Option(args, "--warmup", "64"), CultureInfo.InvariantCulture);
        var root = args.Contains("--no-build") ? RepositoryRoot() : await BuildAppAsync();
        var directory = AppProcess.NewDirectory();
        var database = Path.Combine(directory, "dashboard.db");
        Console.WriteLine($"Seeding {database}...");
        var plan = await SeedAsync(database, writerCounts, ops, warmupOps);
        var results = new List<Level>();
        await using (var app = await AppProcess.StartAsync(root, port, demoData: false, directory: null, environment: new Dictionary<string, string>
        {
            ["ConnectionStrings__Dashboard"] = $"Data Source={database}",
            ["Api__Keys__0"] = ApiKey,
        }))
        {
            // Warm the booking path (JIT, EF model, pools) on writers of their own; not counted.
            if (warmupOps > 0)
            {
                await OursAsync(app.BaseAddress, plan.Warmup, warmupOps);
            }
            for (var i = 0; i < writerCounts.Count; i++)
            {
                var w = writerCounts[i];
                Console.WriteLine($"--- {w} writer(s), {ops} bookings");
                var cpuBefore = app.ProcessorTime;
                var runtimeBefore = await Runtime.ReadAsync(app.BaseAddress);
                var ours = await OursAsync(app.BaseAddress, plan.Levels[i], ops);
                var cpu = (app.ProcessorTime - cpuBefore).TotalMilliseconds;
                var during = await Runtime.ReadAsync(app.BaseAddress) - runtimeBefore;
                results.Add(ours with { DoubleSpends = await DoubleSpendsAsync(database, plan.Levels[i], ours), CpuMsPerOp = ours.Ok > 0 ? cpu / ours.Ok : null, During = during });
                results.Add(Raw(Path.Combine(directory, "raw.db"), w, ops));
            }
        }
        Console.WriteLine();
        Console.WriteLine(Report(results, ops));
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        return 0;
    }

    // ---- seeding: a service, 64 providers, and per level and writer a client with a course ----

    /// <summary>A writer's client, its courses of <see cref="SessionsPerCourse"/> (booking k uses course k / 10), provider and first free day.</summary>
    private sealed record Writer(Guid Client, List<Guid> Records, Guid Provider, Guid Service, DateOnly FirstDay)
    {
        public ConcurrentBag<Guid> Booked { get; } = [];
    }

    private sealed record Plan(List<Writer> Warmup, List<List<Writer>> Levels);

    private static async Task<Plan> SeedAsync(string databaseFile, List<int> writerCounts, int ops, int warmupOps)
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
        var clock = services.GetRequiredService<BusinessClock>();
        var now = clock.UtcNow;
        var owner = Caller.Staff("bench", "Benchmark", StaffRole.Owner);
        await services.GetRequiredService<SettingsService>().SaveAsync(new PackageSettings(RedemptionPolicy.AtBooking, true), owner);
        var service = new Service(ServiceId.New(), "Treatment 30", TimeSpan.FromMinutes(30), new Money(40m, currency), "Throughput");
        var maxWriters = Math.Max(writerCounts.Max(), 1);
        var providers = new List<Provider>();
        var shifts = Enum.GetValues<DayOfWeek>().Select(d => new WorkingShift(d, new TimeOnly(0, 0), new TimeOnly(23, 30))).ToList();
        await using (var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            db.Services.Add(service);
            for (var p = 0; p < maxWriters; p++)
            {
                var provider = new Provider(ProviderId.New(), $"Provider {p:00}", [service.Id], shifts);
                providers.Add(provider);
                db.Providers.Add(provider);
            }
            await db.SaveChangesAsync();
        }
        var packages = services.GetRequiredService<PackageService>();
        var templates = new Dictionary<int, Guid>();
        var today = clock.Today;
        var nextDay = today.AddDays(1);

        async Task<List<Writer>> WritersAsync(int count, int bookingsEach)
        {
            if (!templates.TryGetValue(SessionsPerCourse, out var template))
            {
                var created = await packages.CreateTemplateAsync(new SaveTemplate($"Course of {SessionsPerCourse}", PackageKind.Course, PackageValueType.Sessions,
                    [new PackageLineView(service.Id.Value, SessionsPerCourse)], [], false, 0m, 10m * SessionsPerCourse, 0m, true, null, null, ExpiryUnit.Days, null, owner));
                templates[SessionsPerCourse] = template = created.Id;
            }
            var writers = new List<Writer>();
            var days = (bookingsEach + 39) / 40;
            for (var w = 0; w < count; w++)
            {
                await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
                var client = Client.Register(ClientId.New(), $"Writer {w:00} {Guid.NewGuid().ToString("N")[..6]}", null, null, null, now, Actor.System);
                db.Clients.Add(client);
                await db.SaveChangesAsync();
                var records = new List<Guid>();
                for (var c = 0; c < (bookingsEach + SessionsPerCourse - 1) / SessionsPerCourse; c++)
                {
                    records.Add((await packages.AcquireAsync(new AcquirePackage(client.Id.Value, template, AcquisitionMode.Paid, null, [new PaymentLine(PaymentMethod.Card, 10m * SessionsPerCourse)], owner))).Id);
                }
                writers.Add(new Writer(client.Id.Value, records, providers[w].Id.Value, service.Id.Value, nextDay));
            }
            nextDay = nextDay.AddDays(days);
            return writers;
        }

        // A long warm-up runs on 8 writers (each its own provider and days), a short one on one.
        var warmupWriters = warmupOps > 256 ? 8 : 1;
        var warmup = warmupOps > 0 ? await WritersAsync(warmupWriters, (warmupOps + warmupWriters - 1) / warmupWriters) : [];
        var levels = new List<List<Writer>>();
        foreach (var w in writerCounts)
        {
            levels.Add(await WritersAsync(w, (ops + w - 1) / w));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return new Plan(warmup, levels);
    }

    // ---- ours: each writer its own HttpClient, bookings one after another ----

    private static async Task<Level> OursAsync(Uri baseAddress, List<Writer> writers, int ops)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var latencies = new ConcurrentBag<double>();
        var failed = 0;
        var each = (ops + writers.Count - 1) / writers.Count;
        var start = new TaskCompletionSource();
        var tasks = writers.Select(async writer =>
        {
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
            http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
            await start.Task;
            for (var k = 0; k < each; k++)
            {
                var local = writer.FirstDay.AddDays(k / 40).ToDateTime(new TimeOnly(1, 0)).AddMinutes(30 * (k % 40));
                var at = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
                var watch = Stopwatch.StartNew();
                using var response = await http.PostAsJsonAsync("/api/v1/appointments", new
                {
                    clientId = writer.Client,
                    serviceId = writer.Service,
                    providerId = writer.Provider,
                    start = at,
                    overrideWorkingHours = true,
                    packageRecordId = writer.Records[k / SessionsPerCourse],
                });
                var body = await response.Content.ReadAsStringAsync();
                watch.Stop();
                if (response.IsSuccessStatusCode)
                {
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                    writer.Booked.Add(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid());
                }
                else
                {
                    if (Interlocked.Increment(ref failed) <= 3)
                    {
                        Console.Error.WriteLine($"    booking failed: {(int)response.StatusCode} {body}");
                    }
                }
            }
        }).ToList();
        var wall = Stopwatch.StartNew();
        start.SetResult();
        await Task.WhenAll(tasks);
        wall.Stop();
        return new Level(writers.Count, "ours (API)", latencies.Count, failed, wall.Elapsed.TotalSeconds, latencies.ToList(), 0);
    }

    /// <summary>
    /// A double spend is a booking whose session is not redeemed once for it, or a session
    /// redeemed without a booking: per record, the redeemed sessions must be exactly the
    /// successful bookings, and the balances must add up to what was bought.
    /// </summary>
    private static async Task<int> DoubleSpendsAsync(string databaseFile, List<Writer> writers, Level level)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var doubles = 0;
        foreach (var writer in writers)
        {
            var linked = new List<Guid>();
            var booked = writer.Booked.ToHashSet();
            foreach (var record in writer.Records)
            {
                await using (var command = connection.CreateCommand())
                {
                    command.CommandText = "SELECT AppointmentId FROM PackageSessions WHERE RecordId = $r AND State = 'Redeemed'";
                    command.Parameters.AddWithValue("$r", record.ToString().ToUpperInvariant()); // EF stores Guids as upper-case text
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        linked.Add(reader.IsDBNull(0) ? Guid.Empty : reader.GetGuid(0));
                    }
                }
                await using (var command = connection.CreateCommand())
                {
                    command.CommandText = "SELECT COUNT(*) FROM PackageRecords WHERE Id = $r AND CAST(Available AS REAL) + CAST(Held AS REAL) + CAST(Used AS REAL) <> CAST(InitialUnits AS REAL)";
                    command.Parameters.AddWithValue("$r", record.ToString().ToUpperInvariant()); // EF stores Guids as upper-case text
                    doubles += Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                }
            }
            // Every successful booking redeemed exactly one session, and no session was redeemed without one.
            doubles += linked.Count(id => !booked.Remove(id)) + booked.Count;
        }
        return doubles;
    }

    // ---- raw SQLite: same threads, one UPDATE + one INSERT per transaction ----

    private static Level Raw(string file, int writers, int ops)
    {
        if (File.Exists(file))
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(f);
            }
        }
        var each = (ops + writers - 1) / writers;
        using (var setup = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            setup.Open();
            Execute(setup, "PRAGMA journal_mode=WAL;");
            Execute(setup, "CREATE TABLE Balances (Id INTEGER PRIMARY KEY, Available INTEGER NOT NULL); CREATE TABLE Ledger (Id INTEGER PRIMARY KEY, BalanceId INTEGER NOT NULL, Delta INTEGER NOT NULL, At TEXT NOT NULL);");
            for (var w = 0; w < writers; w++)
            {
                Execute(setup, $"INSERT INTO Balances (Id, Available) VALUES ({w}, {each});");
            }
        }
        var latencies = new ConcurrentBag<double>();
        var failed = 0;
        using var go = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            connection.Open();
            Execute(connection, "PRAGMA synchronous=FULL;");
            Execute(connection, "PRAGMA busy_timeout=30000;");
            go.Wait();
            for (var k = 0; k < each; k++)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE
                    using (var update = connection.CreateCommand())
                    {
                        update.CommandText = "UPDATE Balances SET Available = Available - 1 WHERE Id = $id AND Available > 0";
                        update.Parameters.AddWithValue("$id", w);
                        if (update.ExecuteNonQuery() != 1)
                        {
                            throw new InvalidOperationException("nothing left");
                        }
                    }
                    using (var insert = connection.CreateCommand())
                    {
                        insert.CommandText = "INSERT INTO Ledger (BalanceId, Delta, At) VALUES ($id, -1, $at)";
                        insert.Parameters.AddWithValue("$id", w);
                        insert.Parameters.AddWithValue("$at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                        insert.ExecuteNonQuery();
                    }
                    transaction.Commit();
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                }
                catch (Exception e) when (e is SqliteException or InvalidOperationException)
                {
                    if (Interlocked.Increment(ref failed) <= 3)
                    {
                        Console.Error.WriteLine($"    raw transaction failed: {e.Message}");
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        var wall = Stopwatch.StartNew();
        go.Set();
        threads.ForEach(t => t.Join());
        wall.Stop();
        int doubles;
        using (var check = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            check.Open();
            using var command = check.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM Balances b WHERE b.Available < 0 OR b.Available + (SELECT COUNT(*) FROM Ledger l WHERE l.BalanceId = b.Id) <> {each}";
            doubles = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        return new Level(writers, "raw SQLite", latencies.Count, failed, wall.Elapsed.TotalSeconds, latencies.ToList(), doubles);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Report(List<Level> results, int ops)
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"Redemption throughput, {ops} transactions per row, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        table.AppendLine();
        table.AppendLine("| writers | kind | ok | failed | rate/s | p50 | p99 | double spends | ratio ours/raw (rate) | app CPU per booking | app JIT / GC pauses in the row |");
        table.AppendLine("|--:|--|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var group in results.GroupBy(r => r.Writers))
        {
            var raw = group.Single(r => r.Kind == "raw SQLite");
            foreach (var r in group)
            {
                var ratio = r.Kind == "raw SQLite" ? "" : (r.Rate / raw.Rate).ToString("0.00", CultureInfo.InvariantCulture);
                table.AppendLine(CultureInfo.InvariantCulture, $"| {r.Writers} | {r.Kind} | {r.Ok} | {r.Failed} | {r.Rate:0} | {Percentile(r.Latencies, 50):0.0} ms | {Percentile(r.Latencies, 99):0.0} ms | {r.DoubleSpends} | {ratio} | {(r.CpuMsPerOp is { } c ? $"{c:0.0} ms" : "")} | {(r.During is { } d ? $"{d.JitMs:0} / {d.GcPauseMs:0} ms of {r.Seconds * 1000:0}" : "")} |");
            }
        }
        return table.ToString();
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
