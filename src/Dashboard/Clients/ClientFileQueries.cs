using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Clients;

/// <summary>One appointment in a client's file.</summary>
public sealed record ClientVisit(Guid Id, DateTimeOffset Start, DateTimeOffset End, string Service, string Provider, AppointmentStatus Status, decimal Price, string Currency, string Note);

/// <summary>One sale in a client's file: its total, what was paid and what is still owed.</summary>
public sealed record ClientSale(Guid Id, DateTimeOffset IssuedAt, string Description, decimal Total, decimal Paid, string Currency, InvoiceStatus Status)
{
    /// <summary>What refunds voided of what was owed (no money moved).</summary>
    public decimal Voided { get; init; }

    public decimal Owed => Status == InvoiceStatus.Open ? Math.Max(0m, Total - Paid - Voided) : 0m;
}

/// <summary>A client's file: who they are, their visits to come and past, and their sales.</summary>
public sealed record ClientFile(
    ClientView Client,
    string? MergedIntoName,
    IReadOnlyList<ClientVisit> Upcoming,
    IReadOnlyList<ClientVisit> Past,
    IReadOnlyList<ClientSale> Sales)
{
    public decimal Owed => Sales.Sum(s => s.Owed);
}

/// <summary>A package record in a data export, with its whole balance history.</summary>
public sealed record ClientPackageExport(RecordView Record, IReadOnlyList<LedgerView> History);

/// <summary>Everything the business holds about one person (a subject access request).</summary>
public sealed record ClientExport(
    DateTimeOffset ExportedAt,
    ClientView Profile,
    IReadOnlyList<ClientVisit> Appointments,
    IReadOnlyList<ClientPackageExport> Packages,
    IReadOnlyList<ClientSale> Invoices);

/// <summary>Read side of a client's file and data export.</summary>
public sealed class ClientFileQueries(IDbContextFactory<DashboardDbContext> contexts, PackageQueries packages, TimeProvider clock)
{
    public async Task<ClientFile?> FileAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == new ClientId(id), ct);
        if (client is null)
        {
            return null;
        }
        string? mergedInto = null;
        if (client.MergedIntoId is { } into)
        {
            mergedInto = await db.Clients.AsNoTracking().Where(c => c.Id == into).Select(c => c.Name).SingleOrDefaultAsync(ct);
        }
        var now = clock.GetUtcNow();
        var visits = await VisitsAsync(db, client.Id, ct);
        var upcoming = visits.Where(v => v.End > now && v.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn).OrderBy(v => v.Start).ToList();
        var past = visits.Except(upcoming).OrderByDescending(v => v.Start).ToList();
        return new ClientFile(ClientService.ToView(client), mergedInto, upcoming, past, await SalesAsync(db, client.Id, ct));
    }

    public async Task<ClientExport> ExportAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == new ClientId(id), ct)
            ?? throw DomainException.NotFound("No client has that id.");
        var records = await packages.ClientRecordsAsync(id, ct);
        var withHistory = new List<ClientPackageExport>();
        foreach (var record in records)
        {
            withHistory.Add(new ClientPackageExport(record, await packages.HistoryAsync(record.Id, ct)));
        }
        var visits = (await VisitsAsync(db, client.Id, ct)).OrderBy(v => v.Start).ToList();
        return new ClientExport(clock.GetUtcNow(), ClientService.ToView(client), visits, withHistory, await SalesAsync(db, client.Id, ct));
    }

    private static async Task<List<ClientVisit>> VisitsAsync(DashboardDbContext db, ClientId client, CancellationToken ct) =>
        await (from a in db.Appointments.AsNoTracking()
               where a.ClientId == client
               join s in db.Services on a.ServiceId equals s.Id
               join p in db.Providers on a.ProviderId equals p.Id
               select new ClientVisit(a.Id.Value, a.Start, a.End, s.Name, p.Name, a.Status, a.Price.Amount, a.Price.Currency, a.Note))
            .ToListAsync(ct);

    private static async Task<List<ClientSale>> SalesAsync(DashboardDbContext db, ClientId client, CancellationToken ct)
    {
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.ClientId == client).ToListAsync(ct);
        return invoices.OrderByDescending(i => i.IssuedAt).Select(ToSale).ToList();
    }

    internal static ClientSale ToSale(Invoice i) => new(
        i.Id.Value,
        i.IssuedAt,
        string.Join(", ", i.Lines.Where(l => i.Kind == InvoiceKind.Refund ? !l.IsCredit : l.UnitPrice >= 0m).Select(l => l.Description)),
        i.Total.Amount,
        i.Paid.Amount,
        i.Currency,
        i.Status)
    {
        Voided = i.Voided,
    };
}
