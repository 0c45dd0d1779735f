using System.Diagnostics;
using System.Globalization;
using System.Text;
using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Sales;
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

namespace FrontDesk.Benchmarks;

/// <summary>
/// Check-out cost against history size (issue 12): a SQLite file with 1,000, 10,000 and 100,000
/// sold package records in the past (each used up, with its ledger, sessions and paid invoice;
/// cloned from a real one with raw INSERT ... SELECT, so seeding takes seconds), and a constant
/// 20 open courses. Per size it checks out 20 of today's appointments (each redeems a session
/// , which pays for it) and times: the check-out command, and the sales board's refresh
/// after it (today's totals + the liability), ours (liability from the records not spent) beside
/// the reference (liability replayed from every paid record's ledger, as before). Usage:
/// dotnet run -c Release -- checkout-history [--sizes 1000,10000,100000] [--checkouts 20]
/// </summary>
public static class CheckoutHistoryBenchmark
{
    private sealed class BenchClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed record Row(int Size, List<double> CheckOut, List<double> Board, List<double> ReferenceBoard, decimal Liability, decimal ReferenceLiability);

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--sizes", "1000,10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var checkouts = int.Parse(Option(args, "--checkouts", "20"), CultureInfo.InvariantCulture);
        var rows = new List<Row>();
        foreach (var size in sizes)
        {
            rows.Add(await RunOnceAsync(size, checkouts));
        }
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"Check-out against history, {checkouts} check-outs per size, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        table.AppendLine();
        table.AppendLine("| sold records | check-out p50 | board refresh p50 (ours) | board refresh p50 (reference: ledger replay) | ratio ours/reference | liability ours = reference |");
        table.AppendLine("|--:|--:|--:|--:|--:|--|");
        foreach (var r in rows)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Size:N0} | {Percentile(r.CheckOut, 50):0.0} ms | {Percentile(r.Board, 50):0.0} ms | {Percentile(r.ReferenceBoard, 50):0.0} ms | {Percentile(r.Board, 50) / Percentile(r.ReferenceBoard, 50):0.000} | {(r.Liability == r.ReferenceLiability ? "yes" : $"NO ({r.Liability} vs {r.ReferenceLiability})")} |");
        }
        var first = rows[0];
        var last = rows[^1];
        table.AppendLine();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"Growth from {first.Size:N0} to {last.Size:N0} records: check-out + refresh {(Percentile(last.CheckOut, 50) + Percentile(last.Board, 50)) / (Percentile(first.CheckOut, 50) + Percentile(first.Board, 50)):0.00}x (ours), {(Percentile(last.CheckOut, 50) + Percentile(last.ReferenceBoard, 50)) / (Percentile(first.CheckOut, 50) + Percentile(first.ReferenceBoard, 50)):0.00}x (reference).");
        Console.WriteLine();
        Console.WriteLine(table);
        return 0;
    }

    private static async Task<Row> RunOnceAsync(int size, int checkouts)
    {
        var folder = Path.Combine(Path.GetTempPath(), "frontdesk-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "bench.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = $"Data Source={file}",
        }).Build();
        var clock = new BenchClock(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(7), TimeSpan.Zero));
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddFrontDesk(configuration);
        await using var services = collection.BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(services);
        var contexts = services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        var currency = services.GetRequiredService<IOptions<BusinessOptions>>().Value.Currency;
        var owner = Caller.Staff("bench", "Benchmark", StaffRole.Owner);
        var packages = services.GetRequiredService<PackageService>();
        var appointments = services.GetRequiredService<AppointmentService>();
        var sales = services.GetRequiredService<SalesQueries>();
        var queries = services.GetRequiredService<PackageQueries>();
        var business = services.GetRequiredService<BusinessClock>();

        var service = new Service(ServiceId.New(), "Treatment 30", TimeSpan.FromMinutes(30), new Money(40m, currency), "History");
        var shifts = Enum.GetValues<DayOfWeek>().Select(d => new WorkingShift(d, new TimeOnly(0, 0), new TimeOnly(23, 30))).ToList();
        var provider = new Provider(ProviderId.New(), "Provider A", [service.Id], shifts);
        var clients = Enumerable.Range(0, checkouts + 1).Select(i => Client.Register(ClientId.New(), $"History client {i:00}", null, null, null, clock.Now, Actor.System)).ToList();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Services.Add(service);
            db.Providers.Add(provider);
            db.Clients.AddRange(clients);
            await db.SaveChangesAsync();
        }
        var template = await packages.CreateTemplateAsync(new SaveTemplate("Course of 1", PackageKind.Course, PackageValueType.Sessions,
            [new PackageLineView(service.Id.Value, 1)], [], false, 0m, 35m, 0m, true, null, null, ExpiryUnit.Days, null, owner));

        // The sample of history: a course sold and used up by one checked-out visit.
        var sample = await packages.AcquireAsync(new AcquirePackage(clients[0].Id.Value, template.Id, AcquisitionMode.Paid, null, [new PaymentLine(PaymentMethod.Card, 35m)], owner));
        var visit = await appointments.BookAsync(new BookAppointment(clients[0].Id.Value, service.Id.Value, provider.Id.Value, clock.Now.AddMinutes(30), true, null, owner) { PackageRecordId = sample.Id });
        clock.Now = clock.Now.AddHours(1);
        await appointments.CheckOutAsync(new CheckOutAppointment(visit.Id, [], owner));

        var seeding = Stopwatch.StartNew();
        await CloneHistoryAsync(file, sample.Id, size, clock.Now);
        Console.WriteLine($"--- {size:N0} sold records seeded in {seeding.Elapsed.TotalSeconds:0.0} s");

        // Today's open courses and visits, one per client.
        var due = new List<Guid>();
        for (var i = 1; i <= checkouts; i++)
        {
            var record = await packages.AcquireAsync(new AcquirePackage(clients[i].Id.Value, template.Id, AcquisitionMode.Paid, null, [new PaymentLine(PaymentMethod.Card, 35m)], owner));
            var booked = await appointments.BookAsync(new BookAppointment(clients[i].Id.Value, service.Id.Value, provider.Id.Value, clock.Now.AddMinutes(30 * i), true, null, owner) { PackageRecordId = record.Id });
            due.Add(booked.Id);
        }
        clock.Now = clock.Now.AddMinutes(30 * checkouts + 30);
        var (start, end) = business.Range(business.Today, 1);

        var checkOut = new List<double>();
        var board = new List<double>();
        var reference = new List<double>();
        LiabilityView? ours = null;
        LiabilityView? replayed = null;
        foreach (var id in due)
        {
            var watch = Stopwatch.StartNew();
            await appointments.CheckOutAsync(new CheckOutAppointment(id, [], owner)); // the course pays the visit
            checkOut.Add(watch.Elapsed.TotalMilliseconds);
            // Ours and the reference alternate first, so neither always finds a warmer cache.
            for (var turn = 0; turn < 2; turn++)
            {
                if ((turn + checkOut.Count) % 2 == 0)
                {
                    watch.Restart();
                    await sales.TotalsAsync(start, end);
                    ours = await queries.LiabilityNowAsync();
                    board.Add(watch.Elapsed.TotalMilliseconds);
                }
                else
                {
                    watch.Restart();
                    await sales.TotalsAsync(start, end);
                    replayed = await queries.ReplayedLiabilityAsync(clock.Now);
                    reference.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }
        Console.WriteLine($"    check-out p50 {Percentile(checkOut, 50):0.0} ms, board p50 {Percentile(board, 50):0.0} ms, reference p50 {Percentile(reference, 50):0.0} ms");
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return new Row(size, checkOut, board, reference, ours!.Total, replayed!.Total);
    }

    /// <summary>
    /// Copies the sample record, its sessions, ledger and invoices <paramref name="count"/> times,
    /// with new ids and dates spread over the three years before <paramref name="now"/>.
    /// </summary>
    private static async Task CloneHistoryAsync(string file, Guid sampleRecord, int count, DateTimeOffset now)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        var sample = sampleRecord.ToString().ToUpperInvariant();
        var invoiceIds = new List<string>();
        await using (var find = connection.CreateCommand())
        {
            find.CommandText = "SELECT Id FROM Invoices";
            await using var reader = await find.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                invoiceIds.Add(reader.GetString(0));
            }
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var record = Cloner(connection, "PackageRecords", "Id", new() { ["Id"] = "$new", ["PurchasedAt"] = "$at", ["PaidAt"] = "$at" });
        var sessions = Cloner(connection, "PackageSessions", "RecordId", new() { ["RecordId"] = "$new", ["AppointmentId"] = "NULL" });
        var ledger = Cloner(connection, "PackageLedger", "RecordId", new() { ["RecordId"] = "$new", ["At"] = "$at", ["AppointmentId"] = "NULL" });
        var invoices = invoiceIds.Select(_ => (
            Cloner(connection, "Invoices", "Id", new() { ["Id"] = "$new", ["Number"] = "CASE WHEN \"Number\" IS NULL THEN NULL ELSE 'H-' || $new END", ["IssuedAt"] = "$at", ["PaidAt"] = "$at", ["AppointmentId"] = "NULL" }),
            Cloner(connection, "InvoiceLines", "InvoiceId", new() { ["InvoiceId"] = "$new", ["PackageRecordId"] = "CASE WHEN \"PackageRecordId\" IS NULL THEN NULL ELSE $record END" }),
            Cloner(connection, "Payments", "InvoiceId", new() { ["InvoiceId"] = "$new", ["PaidAt"] = "$at" }))).ToList();
        var random = new Random(12);
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid().ToString().ToUpperInvariant();
            var at = now.AddDays(-1 - random.Next(3 * 365)).AddMinutes(-random.Next(600)).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            foreach (var command in new[] { record, sessions, ledger })
            {
                Set(command, "$src", sample);
                Set(command, "$new", id);
                Set(command, "$at", at);
                await command.ExecuteNonQueryAsync();
            }
            for (var k = 0; k < invoiceIds.Count; k++)
            {
                var invoiceId = Guid.NewGuid().ToString().ToUpperInvariant();
                var (head, lines, payments) = invoices[k];
                foreach (var command in new[] { head, lines, payments })
                {
                    Set(command, "$src", invoiceIds[k]);
                    Set(command, "$new", invoiceId);
                    Set(command, "$at", at);
                    Set(command, "$record", id);
                    await command.ExecuteNonQueryAsync();
                }
            }
        }
        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "PRAGMA optimize;";
        await analyze.ExecuteNonQueryAsync();
    }

    private static void Set(SqliteCommand command, string name, object value)
    {
        if (command.CommandText.Contains(name, StringComparison.Ordinal))
        {
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = value;
            }
            else
            {
                command.Parameters.AddWithValue(name, value);
            }
        }
    }

    /// <summary>INSERT INTO table (columns) SELECT columns, with some replaced, FROM table WHERE key = $src; integer ids are left to SQLite.</summary>
    private static SqliteCommand Cloner(SqliteConnection connection, string table, string key, Dictionary<string, string> replace)
    {
        var columns = new List<(string Name, string Type, bool Key)>();
        using (var info = connection.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info(\"{table}\")";
            using var reader = info.ExecuteReader();
            while (reader.Read())
            {
                columns.Add((reader.GetString(1), reader.GetString(2), reader.GetInt32(5) > 0));
            }
        }
        var kept = columns.Where(c => !(c.Key && c.Type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase))).ToList();
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", kept.Select(c => $"\"{c.Name}\""))}) SELECT {string.Join(", ", kept.Select(c => replace.TryGetValue(c.Name, out var v) ? v : $"\"{c.Name}\""))} FROM \"{table}\" WHERE \"{key}\" = $src";
        return command;
    }
}
