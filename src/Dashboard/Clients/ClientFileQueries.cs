using System.Linq.Expressions;
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

/// <summary>
/// A client's file as the profile shows it: who they are, every visit to come, the latest past
/// visits (<see cref="PastTotal"/> says how many there are in all) and what they owe now. Read in
/// a bounded amount whatever the length of the client's history: the past visits a page at most,
/// the invoices only those still open (their sales are listed, paged, by the Sales section).
/// </summary>
public sealed record ClientFile(
    ClientView Client,
    string? MergedIntoName,
    IReadOnlyList<ClientVisit> Upcoming,
    IReadOnlyList<ClientVisit> Past,
    int PastTotal,
    decimal Owed);

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
    /// <summary>How many past visits the profile shows, the latest first.</summary>
    public const int PastShown = 50;

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
        var mine = db.Appointments.AsNoTracking().Where(a => a.ClientId == client.Id);
        Expression<Func<Appointment, bool>> toCome = a => a.End > now && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn);
        var earlier = mine.Where(Expression.Lambda<Func<Appointment, bool>>(Expression.Not(toCome.Body), toCome.Parameters));
        var upcoming = (await Visits(db, mine.Where(toCome)).ToListAsync(ct)).OrderBy(v => v.Start).ToList();
        var past = (await Visits(db, earlier.OrderByDescending(a => a.Start).Take(PastShown)).ToListAsync(ct)).OrderByDescending(v => v.Start).ToList();
        var pastTotal = past.Count < PastShown ? past.Count : await earlier.CountAsync(ct);
        // What is owed is on open invoices only (a paid or refunded one owes nothing).
        var open = await db.Invoices.AsNoTracking().Where(i => i.ClientId == client.Id && i.Status == InvoiceStatus.Open).ToListAsync(ct);
        return new ClientFile(ClientService.ToView(client), mergedInto, upcoming, past, pastTotal, open.Sum(i => Math.Max(0m, i.Balance)));
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

    /// <summary>The visits of some of a client's appointments, with their service's and provider's names (in no order).</summary>
    private static IQueryable<ClientVisit> Visits(DashboardDbContext db, IQueryable<Appointment> appointments) =>
        from a in appointments
        join s in db.Services on a.ServiceId equals s.Id
        join p in db.Providers on a.ProviderId equals p.Id
        select new ClientVisit(a.Id.Value, a.Start, a.End, s.Name, p.Name, a.Status, a.Price.Amount, a.Price.Currency, a.Note);

    private static Task<List<ClientVisit>> VisitsAsync(DashboardDbContext db, ClientId client, CancellationToken ct) =>
        Visits(db, db.Appointments.AsNoTracking().Where(a => a.ClientId == client)).ToListAsync(ct);

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
