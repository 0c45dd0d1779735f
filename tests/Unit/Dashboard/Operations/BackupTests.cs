using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FrontDesk.Dashboard.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FrontDesk.Tests.Unit.Dashboard.Operations;

public sealed class BackupTests
{
    /// <summary>Clients, each with a 10-session course sold and paid by card (an invoice and a payment each).</summary>
    private static async Task<(HttpClient Http, Guid Template, List<(Guid Client, Guid Record)> Sold)> ClinicWithSalesAsync(OpsApp app, int clients)
    {
        await app.SeedAsync();
        var http = app.ApiClient();
        var template = await OpsApp.CreateAsync(http, "/api/v1/package-templates",
            new { name = "Laser x10", kind = "Course", serviceIds = new[] { app.Laser }, sessions = 10, price = 400m });
        var sold = new List<(Guid, Guid)>();
        for (var i = 0; i < clients; i++)
        {
            var client = await OpsApp.CreateAsync(http, "/api/v1/clients", new { name = $"Client {i:00}" });
            sold.Add((client, await SellAsync(http, client, template)));
        }
        return (http, template, sold);
    }

    private static Task<Guid> SellAsync(HttpClient http, Guid client, Guid template) =>
        OpsApp.CreateAsync(http, $"/api/v1/clients/{client}/packages",
            new { templateId = template, mode = "Paid", payments = new[] { new { method = "Card", amount = 400m } } });

    /// <summary>Until stopped: sells courses and takes sessions off records (each its own committed command).</summary>
    private static async Task<int> WriteUntilAsync(HttpClient http, Guid template, IReadOnlyList<(Guid Client, Guid Record)> sold, int writer, CancellationToken stop)
    {
        var done = 0;
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var (client, record) = sold[(writer + n) % sold.Count];
            if (n % 2 == 0)
            {
                await SellAsync(http, client, template);
            }
            else
            {
                using var response = await http.PostAsJsonAsync($"/api/v1/package-records/{record}/adjust", new { delta = -1m, reason = "backup test" });
                // A record that reached zero refuses (422): that is no write, and fine.
            }
            done++;
        }
        return done;
    }

    [Fact]
    public async Task Create_WhileWritesRun_BackupHoldsExactlyTheSourceBooksOfTheCommitsItContains()
    {
        await using var app = new OpsApp();
        var (http, template, sold) = await ClinicWithSalesAsync(app, 6);
        var store = app.Services.GetRequiredService<BackupStore>();

        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() => WriteUntilAsync(http, template, sold, w, stop.Token))).ToList();
        await Task.Delay(400);
        var backup = await store.CreateAsync();
        await Task.Delay(400);
        await stop.CancelAsync();
        var writes = (await Task.WhenAll(writers)).Sum();

        var source = Books.Read(app.DatabaseFile);
        var copy = Books.Read(Path.Combine(store.Folder, backup.Name));
        Assert.True(writes > 4, $"writes ran during the backup ({writes})");
        Assert.True(source.Invoices.Count > copy.Invoices.Count, "writes went on after the backup, so the source has more invoices");
        Assert.True(copy.Invoices.Count >= sold.Count, "the backup holds what was committed before it began");
        foreach (var (id, invoice) in copy.Invoices)
        {
            // Every invoice in the copy is the source's, whole: total and payments.
            Assert.Equal(source.Invoices[id], invoice);
            Assert.Equal(invoice.Total, invoice.Paid);
        }
        foreach (var (id, record) in copy.Records)
        {
            // Each record's balance is the source's after the same ledger entries, and agrees with its own ledger.
            Assert.Equal(source.Records[id].AvailableAfter(record.LastSequence), record.Available);
            Assert.Equal(record.AvailableAfter(record.LastSequence), record.Available);
        }
    }

    [Fact]
    public async Task Restore_BackupCopiedOverTheDataFile_AppOpensWithTheSameBalances()
    {
        string restoredFile;
        Books atBackup;
        Guid client;
        Guid record;
        List<JsonNode> packagesAtBackup;
        await using (var app = new OpsApp())
        {
            var (http, _, sold) = await ClinicWithSalesAsync(app, 3);
            client = sold[0].Client;
            record = sold[0].Record;
            using (var adjust = await http.PostAsJsonAsync($"/api/v1/package-records/{sold[0].Record}/adjust", new { delta = -3m, reason = "used elsewhere" }))
            {
                Assert.Equal(HttpStatusCode.OK, adjust.StatusCode);
            }
            packagesAtBackup = await PackagesAsync(http, client);
            atBackup = Books.Read(app.DatabaseFile);
            var backup = await app.Services.GetRequiredService<BackupStore>().CreateAsync();
            // After the backup: more sales, which a restore rolls back.
            using (var adjust = await http.PostAsJsonAsync($"/api/v1/package-records/{sold[0].Record}/adjust", new { delta = -2m, reason = "after the backup" }))
            {
                Assert.Equal(HttpStatusCode.OK, adjust.StatusCode);
            }
            // The README's restore: stop the app, copy the backup over the data file, start.
            restoredFile = Path.Combine(Path.GetTempPath(), "frontdesk-unit", "restored-" + Guid.NewGuid().ToString("N")[..8], "dashboard.db");
            Directory.CreateDirectory(Path.GetDirectoryName(restoredFile)!);
            File.Copy(Path.Combine(app.BackupFolder, backup.Name), restoredFile);
        }
        try
        {
            await using var restored = new OpsApp(databaseFile: restoredFile);
            using var http = restored.ApiClient();

            var packages = await PackagesAsync(http, client);

            Assert.Equal(packagesAtBackup.Select(p => p.ToJsonString()), packages.Select(p => p.ToJsonString()));
            var books = Books.Read(restoredFile);
            Assert.Equal(7m, books.Records[record.ToString()].Available);
            Assert.Equal(atBackup.InvoicesTotal, books.InvoicesTotal);
            Assert.Equal(atBackup.Records.Select(r => (r.Key, r.Value.Available)).OrderBy(r => r.Key), books.Records.Select(r => (r.Key, r.Value.Available)).OrderBy(r => r.Key));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(restoredFile)!, recursive: true);
        }
    }

    private static async Task<List<JsonNode>> PackagesAsync(HttpClient http, Guid client)
    {
        var body = JsonNode.Parse(await http.GetStringAsync($"/api/v1/clients/{client}/packages"))!.AsArray();
        return body.Select(n => n!).ToList();
    }

    [Fact]
    public async Task Job_IntervalsPass_BacksUpEachIntervalAndKeepsOnlyTheNewest()
    {
        await using var app = new OpsApp();
        await app.SeedAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 7, 8, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new BackupOptions { Folder = Path.Combine(app.Directory, "scheduled"), Interval = TimeSpan.FromHours(24), Keep = 2, StartDelay = TimeSpan.FromMinutes(5) });
        var store = new BackupStore(app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<FrontDesk.Dashboard.Data.DashboardDbContext>>(), options, clock, NullLogger<BackupStore>.Instance);
        using var job = new BackupJob(store, options, clock, NullLogger<BackupJob>.Instance);

        await job.StartAsync(CancellationToken.None);
        Assert.Empty(store.List());
        await AdvanceUntilAsync(clock, store, TimeSpan.FromMinutes(5), expectedNewest: clock.GetUtcNow().AddMinutes(5));
        await AdvanceUntilAsync(clock, store, TimeSpan.FromHours(24), expectedNewest: clock.GetUtcNow().AddHours(24));
        await AdvanceUntilAsync(clock, store, TimeSpan.FromHours(24), expectedNewest: clock.GetUtcNow().AddHours(24));
        await job.StopAsync(CancellationToken.None);

        var kept = store.List();
        Assert.Equal(["frontdesk-20300109-080500Z.db", "frontdesk-20300108-080500Z.db"], kept.Select(b => b.Name));
        Assert.All(kept, b => Assert.True(b.SizeBytes > 0));
    }

    /// <summary>Moves the fake clock on by <paramref name="step"/> once the job waits, then waits for the backup it takes.</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, BackupStore store, TimeSpan step, DateTimeOffset expectedNewest)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        await Task.Delay(100); // the job reaches its wait
        clock.Advance(step);
        while (store.List().FirstOrDefault()?.TakenAt != expectedNewest)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no backup at {expectedNewest:u}; have {string.Join(", ", store.List().Select(b => b.Name))}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task PostBackups_Manager_Returns201AndTheDownloadIsTheDatabase()
    {
        await using var app = new OpsApp();
        await app.SeedAsync();
        using var http = await app.ClientAsAsync("Manager");

        using var created = await http.PostAsync("/api/v1/backups", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var name = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["name"]!.GetValue<string>();
        Assert.Equal($"/api/v1/backups/{name}", created.Headers.Location?.ToString());
        using var download = await http.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var file = Path.Combine(app.Directory, "downloaded.db");
        await File.WriteAllBytesAsync(file, await download.Content.ReadAsByteArrayAsync());

        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Name FROM Services";
        Assert.Equal("Laser hair removal", await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("..%2Fdashboard.db")]
    [InlineData("dashboard.db")]
    [InlineData("frontdesk-20300101-000000Z.db.partial")]
    [InlineData("..%5C..%5Cetc%5Cpasswd")]
    public async Task GetBackup_NameThatIsNoBackup_Returns400Problem(string name)
    {
        await using var app = new OpsApp();
        using var http = await app.ClientAsAsync("Manager");

        using var response = await http.GetAsync($"/api/v1/backups/{name}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetBackup_UnknownName_Returns404()
    {
        await using var app = new OpsApp();
        using var http = await app.ClientAsAsync("Manager");

        using var response = await http.GetAsync("/api/v1/backups/frontdesk-20300101-000000Z.db");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("Receptionist", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task PostBackups_NotAManager_IsRefusedAndTakesNoBackup(string? role, HttpStatusCode expected)
    {
        await using var app = new OpsApp();
        using var http = await app.ClientAsAsync(role);

        using var response = await http.PostAsync("/api/v1/backups", null);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(app.Services.GetRequiredService<BackupStore>().List());
    }
}
