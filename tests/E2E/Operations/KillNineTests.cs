using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FrontDesk.Dashboard.Api;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FrontDesk.Tests.E2E.Operations;

/// <summary>
/// <c>kill -9</c> in the middle of a burst of check-outs: the real app in its own process, eight
/// desks checking appointments out through the API at once, SIGKILL after the first answers,
/// then the app restarts on the same file. Nothing answered 2xx may be lost; nothing may be half
/// written (an invoice without its payments, an appointment completed without its paid invoice,
/// a package balance that disagrees with its ledger).
/// </summary>
public sealed class KillNineTests : IAsyncLifetime
{
    private const int Appointments = 72;
    private const int Desks = 8;
    private const int KillAfter = 20;

    private readonly AllDayClinicServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    /// <summary>
    /// The API client every call goes through. Should the API come to need a key, this is the
    /// one place to add its header (from the server's Api:Keys settings).
    /// </summary>
    private HttpClient ApiClient() => _server.CreateClient();

    [Fact]
    public async Task CheckOutBurst_ServerKilledWithSigkill_EveryAnsweredPaymentSurvivesAndNothingIsHalfWritten()
    {
        var booked = await BookDayAsync();
        var answered = new ConcurrentDictionary<Guid, AppointmentDto>();
        var queue = new ConcurrentQueue<AppointmentDto>(booked);
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var desks = Enumerable.Range(0, Desks).Select(_ => Task.Run(async () =>
        {
            using var http = ApiClient();
            while (!killed.Task.IsCompleted && queue.TryDequeue(out var appointment))
            {
                var due = appointment.Price - appointment.PackageCovers;
                object[] payments = due > 0m ? [new { method = "Card", amount = due }] : [];
                try
                {
                    using var response = await http.PostAsJsonAsync($"api/v1/appointments/{appointment.Id}/check-out", new { payments });
                    if (response.IsSuccessStatusCode)
                    {
                        answered[appointment.Id] = (await response.Content.ReadFromJsonAsync<AppointmentDto>(Json))!;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    return; // the server is gone: this desk's request has no answer
                }
            }
        })).ToList();
        while (answered.Count < KillAfter && desks.Any(d => !d.IsCompleted))
        {
            await Task.Delay(5);
        }
        await _server.StopAsync(); // Process.Kill: SIGKILL, no shutdown code runs
        killed.SetResult();
        await Task.WhenAll(desks);
        Assert.True(answered.Count >= KillAfter, $"the burst got {answered.Count} answers before the kill");
        Assert.True(answered.Count < Appointments, "the kill came in the middle of the burst, not after it");

        await _server.StartAsync();

        using var api = ApiClient();
        foreach (var (id, answer) in answered)
        {
            var now = await api.GetFromJsonAsync<AppointmentDto>($"api/v1/appointments/{id}", Json);
            Assert.Equal(FrontDesk.Domain.Calendar.AppointmentStatus.Completed, now!.Status);
            Assert.Equal(answer.InvoiceId, now.InvoiceId);
        }
        var books = ReadBooks();
        foreach (var answer in answered.Values)
        {
            var invoice = books.Invoices[answer.InvoiceId!.Value];
            Assert.Equal(answer.Price - answer.PackageCovers, invoice.Paid);
        }
        foreach (var appointment in books.Appointments.Values)
        {
            var invoice = appointment.InvoiceId is { } invoiceId ? books.Invoices.GetValueOrDefault(invoiceId) : null;
            if (appointment.Status == "Completed")
            {
                Assert.NotNull(invoice);
                Assert.Equal("Paid", invoice.Status);
            }
            else
            {
                Assert.Null(appointment.InvoiceId);
            }
        }
        Assert.All(books.Invoices.Values, invoice =>
        {
            // Paid exactly when its payments cover its total, never one without the other.
            Assert.Equal(invoice.Status == "Paid", invoice.Paid == invoice.Total && (invoice.PaymentCount > 0 || invoice.Total == 0m));
            Assert.Equal("Paid", invoice.Status);
        });
        foreach (var (recordId, record) in books.Records)
        {
            var completed = books.Appointments.Values.Count(a => a.PackageRecordId == recordId && a.Status == "Completed");
            Assert.Equal(record.LedgerAvailable, record.Available);
            Assert.Equal(record.LedgerUsed, record.Used);
            Assert.Equal(completed, record.Used);
        }
    }

    /// <summary>Three clients with a 24-session course each; 72 facials today, one in three (the first client's) paid from a course.</summary>
    private async Task<List<AppointmentDto>> BookDayAsync()
    {
        using var api = new FrontDeskApi(ApiClient());
        await api.AllowOnlineRedemptionAsync();
        var course = await api.CreateCourseAsync("Facial x24", ClinicServer.Facial, 24, 600m);
        var clients = new List<(Guid Client, Guid Record)>();
        for (var i = 0; i < 3; i++)
        {
            var client = await api.CreateClientAsync($"Burst client {i}", $"+44 7700 9000{i:00}");
            clients.Add((client.Id, (await api.SellAsync(client.Id, course)).Id));
        }
        var booked = new List<AppointmentDto>();
        var dayStart = ClinicServer.TodayAt(TimeOnly.MinValue);
        for (var i = 0; i < Appointments; i++)
        {
            var provider = i % 2 == 0 ? ClinicServer.Tess : ClinicServer.Uma;
            var start = dayStart.AddMinutes(30 * (i / 2));
            var (client, record) = clients[i % clients.Count];
            var fromCourse = i % 3 == 0;
            booked.Add(await api.BookAsync(client, ClinicServer.Facial, provider, start, fromCourse ? record : null, null));
        }
        return booked;
    }

    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }

    private sealed record AppointmentRow(string Status, Guid? InvoiceId, Guid? PackageRecordId);

    private sealed record InvoiceRow(string Status, decimal Total, decimal Paid, int PaymentCount);

    private sealed record RecordRow(decimal Available, decimal Used, decimal LedgerAvailable, decimal LedgerUsed);

    private sealed record BookRows(Dictionary<Guid, AppointmentRow> Appointments, Dictionary<Guid, InvoiceRow> Invoices, Dictionary<Guid, RecordRow> Records);

    /// <summary>The file as it is on disk now, read with plain SQL (the restarted app has it open too, in WAL).</summary>
    private BookRows ReadBooks()
    {
        using var connection = new SqliteConnection($"Data Source={_server.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var appointments = Rows(connection, "SELECT Id, Status, InvoiceId, PackageRecordId FROM Appointments")
            .ToDictionary(r => Guid.Parse(r[0]!), r => new AppointmentRow(r[1]!, ToGuid(r[2]), ToGuid(r[3])));
        var lines = Rows(connection, "SELECT InvoiceId, Quantity, UnitPrice FROM InvoiceLines")
            .GroupBy(r => Guid.Parse(r[0]!)).ToDictionary(g => g.Key, g => g.Sum(r => int.Parse(r[1]!, CultureInfo.InvariantCulture) * Dec(r[2])));
        var payments = Rows(connection, "SELECT InvoiceId, Amount FROM Payments")
            .GroupBy(r => Guid.Parse(r[0]!)).ToDictionary(g => g.Key, g => (Sum: g.Sum(r => Dec(r[1])), Count: g.Count()));
        var invoices = Rows(connection, "SELECT Id, Status FROM Invoices")
            .ToDictionary(r => Guid.Parse(r[0]!), r =>
            {
                var id = Guid.Parse(r[0]!);
                return new InvoiceRow(r[1]!, lines.GetValueOrDefault(id), payments.GetValueOrDefault(id).Sum, payments.GetValueOrDefault(id).Count);
            });
        var ledger = Rows(connection, "SELECT RecordId, AvailableDelta, UsedDelta FROM PackageLedger")
            .GroupBy(r => Guid.Parse(r[0]!)).ToDictionary(g => g.Key, g => (Available: g.Sum(r => Dec(r[1])), Used: g.Sum(r => Dec(r[2]))));
        var records = Rows(connection, "SELECT Id, Available, Used FROM PackageRecords")
            .ToDictionary(r => Guid.Parse(r[0]!), r =>
            {
                var id = Guid.Parse(r[0]!);
                return new RecordRow(Dec(r[1]), Dec(r[2]), ledger.GetValueOrDefault(id).Available, ledger.GetValueOrDefault(id).Used);
            });
        return new BookRows(appointments, invoices, records);
    }

    private static Guid? ToGuid(string? text) => string.IsNullOrEmpty(text) ? null : Guid.Parse(text);

    private static decimal Dec(string? text) => decimal.Parse(text!, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    private static List<string?[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).ToArray());
        }
        return rows;
    }
}
