using System.Globalization;
using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Live.Projections;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FrontDesk.Tests.Unit.Dashboard.Sales;

/// <summary>
/// After a random day at the desk (sales of packages, bookings from them and without, check-outs
/// paid in cash and card, no-shows, cancellations), every figure the managers' screen shows must
/// equal the sums of the rows behind it, read here straight from the SQLite file.
/// </summary>
public sealed class SalesQueriesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task TotalsAsync_AfterARandomDay_EqualTheSumsOfTheUnderlyingRows(int seed)
    {
        await using var db = await SqliteDatabase.CreateAsync(A.At(7, 7));
        var clinic = new Clinic();
        await clinic.SeedAsync(db);
        var random = new Random(seed);
        var packages = db.Services.GetRequiredService<PackageService>();
        var appointments = db.Appointments;
        var course = await packages.CreateTemplateAsync(new SaveTemplate("Massage x5", PackageKind.Course, PackageValueType.Sessions,
            [new PackageLineView(clinic.Massage.Id.Value, 5)], [], false, 0m, 250m, 0m, true, null, null, ExpiryUnit.Days, null, Callers.Desk));
        var credit = await packages.CreateTemplateAsync(new SaveTemplate("Credit 300", PackageKind.AnyFromList, PackageValueType.Amount,
            [], [clinic.Massage.Id.Value, clinic.Laser.Id.Value], false, 300m, 250m, 0m, true, null, null, ExpiryUnit.Days, null, Callers.Desk));
        var clients = new[] { clinic.Olivia.Id.Value, clinic.Noah.Id.Value, clinic.Amelia.Id.Value };
        var records = new Dictionary<Guid, List<Guid>>();
        foreach (var client in clients)
        {
            records[client] = [];
            foreach (var template in new[] { course, credit })
            {
                var mode = (AcquisitionMode)random.Next(3);
                var record = await packages.AcquireAsync(new AcquirePackage(client, template.Id, mode, mode == AcquisitionMode.Complimentary ? "goodwill" : null,
                    mode == AcquisitionMode.Paid ? Split(250m, random) : null, Callers.Desk));
                records[client].Add(record.Id);
            }
        }

        var hour = 8;
        foreach (var _ in Enumerable.Range(0, 10))
        {
            var client = clients[random.Next(clients.Length)];
            var service = random.Next(2) == 0 ? clinic.Massage : clinic.Laser;
            var start = A.At(7, hour++);
            var usePackage = random.Next(2) == 0;
            AppointmentView booked;
            try
            {
                booked = await appointments.BookAsync(new BookAppointment(client, service.Id.Value, clinic.AllDay.Id.Value, start, false, null, Callers.Desk)
                {
                    PackageRecordId = usePackage ? records[client][random.Next(2)] : null,
                });
            }
            catch (DomainException)
            {
                continue; // e.g. a course offered for the laser service: the desk books it differently
            }
            db.Clock.SetUtcNow(start.AddMinutes(50));
            switch (random.Next(4))
            {
                case 0:
                    await appointments.MarkNoShowAsync(booked.Id, Callers.Desk);
                    break;
                case 1:
                    await appointments.CancelAsync(booked.Id, "unwell", Callers.Desk);
                    break;
                default:
                    var due = await appointments.AmountDueAsync(booked.Id);
                    await appointments.CheckOutAsync(new CheckOutAppointment(booked.Id, due == 0m ? [] : Split(due, random), Callers.Desk));
                    break;
            }
        }

        var (from, to) = (A.At(7, 0), A.At(8, 0));
        var totals = await db.Services.GetRequiredService<SalesQueries>().TotalsAsync(from, to);
        var expected = ReadRows(db.ConnectionString, from, to);

        Assert.Equal(expected.Services, totals.Revenue.Services);
        Assert.Equal(expected.Packages, totals.Revenue.Packages);
        Assert.Equal(expected.Cash, totals.Cash);
        Assert.Equal(expected.Card, totals.Card);
        Assert.Equal(expected.Owed, totals.Owed);
        // Everything sold this day was sold this day: what was sold is what was taken plus what is owed.
        Assert.Equal(expected.Cash + expected.Card + expected.Owed, totals.Revenue.Total);
        Assert.Equal(expected.SessionsRedeemed, totals.SessionsRedeemed);
        Assert.Equal(expected.PackagesSold, totals.PackagesSold);
    }

    [Fact]
    public async Task SalesBoard_Snapshot_EqualsTheQueryTotals()
    {
        await using var db = await SqliteDatabase.CreateAsync(A.At(7, 7));
        var clinic = new Clinic();
        await clinic.SeedAsync(db);
        var booked = await db.Appointments.BookAsync(new BookAppointment(clinic.Olivia.Id.Value, clinic.Massage.Id.Value, clinic.AllDay.Id.Value, A.At(7, 9), false, null, Callers.Desk));
        await db.Appointments.CheckOutAsync(new CheckOutAppointment(booked.Id, [new PaymentLine(PaymentMethod.Card, 60m)], Callers.Desk));
        var clock = db.Services.GetRequiredService<BusinessClock>();
        var feed = new InMemoryLiveFeed(new LiveFeedOptions(), TimeProvider.System, NullLogger<InMemoryLiveFeed>.Instance);
        using var board = new SalesBoard(db.Services.GetRequiredService<SalesQueries>(), db.Services.GetRequiredService<PackageQueries>(), feed, clock);

        var snapshot = await board.CurrentAsync();

        var (from, to) = clock.Range(clock.Today, 1);
        var totals = await db.Services.GetRequiredService<SalesQueries>().TotalsAsync(from, to);
        Assert.Equal(totals.Revenue, snapshot.Today!.Revenue);
        Assert.Equal(60m, snapshot.Today.Revenue.Services);
    }

    private static List<PaymentLine> Split(decimal amount, Random random)
    {
        var cash = decimal.Round(amount * random.Next(0, 3) / 2m, 2);
        var lines = new List<PaymentLine>();
        if (cash > 0m)
        {
            lines.Add(new PaymentLine(PaymentMethod.Cash, cash));
        }
        if (amount - cash > 0m)
        {
            lines.Add(new PaymentLine(PaymentMethod.Card, amount - cash));
        }
        return lines;
    }

    private sealed record Expected(decimal Services, decimal Packages, decimal Cash, decimal Card, decimal Owed, int SessionsRedeemed, int PackagesSold);

    /// <summary>
    /// The same figures, summed from the raw tables without the app's code: the lines of the
    /// invoices made in the day (paid or not), the payments taken in it, and what those invoices
    /// still owe (no refunds in this day).
    /// </summary>
    private static Expected ReadRows(string connectionString, DateTimeOffset from, DateTimeOffset to)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        bool InDay(string text)
        {
            var at = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            return at >= from.UtcDateTime && at < to.UtcDateTime;
        }
        var sold = new HashSet<string>();
        using (var invoices = connection.CreateCommand())
        {
            invoices.CommandText = "SELECT Id, IssuedAt FROM Invoices";
            using var reader = invoices.ExecuteReader();
            while (reader.Read())
            {
                if (InDay(reader.GetString(1)))
                {
                    sold.Add(reader.GetString(0));
                }
            }
        }
        decimal services = 0m, packages = 0m, cash = 0m, card = 0m, owed = 0m;
        using (var lines = connection.CreateCommand())
        {
            lines.CommandText = "SELECT InvoiceId, Kind, UnitPrice, Quantity FROM InvoiceLines";
            using var reader = lines.ExecuteReader();
            while (reader.Read())
            {
                if (!sold.Contains(reader.GetString(0)))
                {
                    continue;
                }
                var amount = decimal.Parse(reader.GetString(2), CultureInfo.InvariantCulture) * reader.GetInt32(3);
                owed += amount;
                if (reader.GetString(1) == "Package")
                {
                    packages += amount;
                }
                else
                {
                    services += amount;
                }
            }
        }
        using (var payments = connection.CreateCommand())
        {
            payments.CommandText = "SELECT InvoiceId, Method, Amount, PaidAt FROM Payments";
            using var reader = payments.ExecuteReader();
            while (reader.Read())
            {
                var amount = decimal.Parse(reader.GetString(2), CultureInfo.InvariantCulture);
                if (sold.Contains(reader.GetString(0)))
                {
                    owed -= amount;
                }
                if (!InDay(reader.GetString(3)))
                {
                    continue;
                }
                if (reader.GetString(1) == "Cash")
                {
                    cash += amount;
                }
                else
                {
                    card += amount;
                }
            }
        }
        var sessions = 0;
        using (var completed = connection.CreateCommand())
        {
            // Redeemed at check-out (the default policy): completed appointments that took a circle.
            completed.CommandText = "SELECT CompletedAt FROM Appointments WHERE Status = 'Completed' AND PackageSession IS NOT NULL";
            using var reader = completed.ExecuteReader();
            while (reader.Read())
            {
                sessions += InDay(reader.GetString(0)) ? 1 : 0;
            }
        }
        var packagesSold = 0;
        using (var records = connection.CreateCommand())
        {
            records.CommandText = "SELECT PurchasedAt FROM PackageRecords WHERE Mode IN ('Paid', 'Unpaid')";
            using var reader = records.ExecuteReader();
            while (reader.Read())
            {
                packagesSold += InDay(reader.GetString(0)) ? 1 : 0;
            }
        }
        return new Expected(services, packages, cash, card, owed, sessions, packagesSold);
    }
}
