using System.Globalization;
using System.Text;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Audit;

/// <summary>One row of the audit trail as the screens and the API show it.</summary>
public sealed record AuditView(
    long Id,
    DateTimeOffset At,
    ActorKind ActorKind,
    string ActorId,
    string ActorName,
    string Command,
    string ObjectType,
    string ObjectId,
    string? ClientId,
    string? Before,
    string? After)
{
    /// <summary>The changed fields, before and after, for reading (see <see cref="AuditChanges"/>).</summary>
    public IReadOnlyList<FieldChange> Changes() => AuditChanges.Of(Before, After);
}

/// <summary>One page of audit rows, newest first, and how many rows the filter matches in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditView> Items, int Total, int Page, int PageSize);

/// <summary>The names the audit trail gives to the objects commands change.</summary>
public static class AuditObjectTypes
{
    public const string Client = "Client";
    public const string Appointment = "Appointment";
    public const string Invoice = "Invoice";
    public const string PackageRecord = "PackageRecord";

    /// <summary>How an object id is written in the trail: a Guid in its usual lower-case form.</summary>
    public static string Id(Guid id) => id.ToString("D");
}

/// <summary>
/// The read side of the audit trail (written by the commands themselves): the manager's screen
/// with its filters, a client's history, a package record's history and the CSV export. Read
/// only: nothing here or anywhere else in the app changes or removes a row.
/// </summary>
public sealed class AuditQueries(IDbContextFactory<DashboardDbContext> contexts, BusinessClock clock)
{
    public const int MaxPageSize = 500;

    /// <summary>The <paramref name="page"/>th page (from 0) of the rows the filter matches, newest first.</summary>
    public async Task<AuditPage> PageAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        CheckPaging(page, pageSize);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await PageOfAsync(Matching(db, filter.Validated()), page, pageSize, ct);
    }

    /// <summary>
    /// A client's history: the rows about the client and about its appointments, invoices and
    /// package records (also those written before the row named the client), newest first.
    /// </summary>
    public async Task<AuditPage> ClientHistoryAsync(Guid clientId, int page, int pageSize, CancellationToken ct = default)
    {
        CheckPaging(page, pageSize);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var client = new ClientId(clientId);
        var appointments = await db.Appointments.AsNoTracking().Where(a => a.ClientId == client).Select(a => a.Id).ToListAsync(ct);
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.ClientId == client).Select(i => i.Id).ToListAsync(ct);
        var records = await db.PackageRecords.AsNoTracking().Where(r => r.ClientId == client).Select(r => r.Id).ToListAsync(ct);
        var ids = appointments.Select(a => a.Value)
            .Concat(invoices.Select(i => i.Value))
            .Concat(records.Select(r => r.Value))
            .Append(clientId)
            .Select(AuditObjectTypes.Id)
            .ToList();
        var key = AuditObjectTypes.Id(clientId);
        var rows = db.AuditTrail.AsNoTracking().Where(e => e.ClientId == key || ids.Contains(e.ObjectId));
        return await PageOfAsync(rows, page, pageSize, ct);
    }

    /// <summary>The rows about one object (a package record, an appointment…), newest first.</summary>
    public async Task<AuditPage> ObjectHistoryAsync(string objectType, Guid objectId, int page, int pageSize, CancellationToken ct = default)
    {
        CheckPaging(page, pageSize);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var id = AuditObjectTypes.Id(objectId);
        return await PageOfAsync(db.AuditTrail.AsNoTracking().Where(e => e.ObjectType == objectType && e.ObjectId == id), page, pageSize, ct);
    }

    /// <summary>The CSV file's name for a filter: its days, or today's date.</summary>
    public string CsvFileName(AuditFilter filter) =>
        filter.From is null && filter.To is null
            ? $"audit-{clock.Today:yyyyMMdd}.csv"
            : $"audit-{filter.From ?? AuditFilter.Earliest:yyyyMMdd}-{filter.To ?? clock.Today:yyyyMMdd}.csv";

    /// <summary>The CSV header row.</summary>
    public const string CsvHeader = "at,actor_kind,actor_id,actor_name,command,object_type,object_id,client_id,before,after";

    /// <summary>
    /// Writes every row the filter matches, newest first, as UTF-8 CSV (with a byte order mark so
    /// spreadsheets read names right) with a header row; times on the business's wall clock.
    /// Every text cell goes through <see cref="CsvCell"/>. Streams, so any number of rows fits.
    /// </summary>
    public async Task WriteCsvAsync(AuditFilter filter, Stream output, CancellationToken ct = default)
    {
        var valid = filter.Validated();
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(CsvHeader);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await foreach (var e in Newest(Matching(db, valid)).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteLineAsync(CsvLine(e));
        }
        await writer.FlushAsync(ct);
    }

    /// <summary>One row as a CSV line: every text cell neutralised and quoted as needed.</summary>
    public string CsvLine(AuditEntry e) => string.Join(',',
        clock.ToLocal(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        e.ActorKind.ToString(),
        CsvCell.Text(e.ActorId),
        CsvCell.Text(e.ActorName),
        CsvCell.Text(e.Command),
        CsvCell.Text(e.ObjectType),
        CsvCell.Text(e.ObjectId),
        CsvCell.Text(e.ClientId),
        CsvCell.Text(e.Before),
        CsvCell.Text(e.After));

    private IQueryable<AuditEntry> Matching(DashboardDbContext db, AuditFilter filter)
    {
        var rows = db.AuditTrail.AsNoTracking();
        if (filter.Actor is { } actor)
        {
            var pattern = $"%{Escape(actor)}%";
            rows = rows.Where(e => e.ActorId == actor || EF.Functions.Like(e.ActorName, pattern, "\\"));
        }
        if (filter.Command is { } command)
        {
            var pattern = $"%{Escape(command)}%";
            rows = rows.Where(e => EF.Functions.Like(e.Command, pattern, "\\"));
        }
        if (filter.ObjectType is { } type)
        {
            // LIKE without wildcards: the whole type, any letter case ("appointment" finds "Appointment").
            var pattern = Escape(type);
            rows = rows.Where(e => EF.Functions.Like(e.ObjectType, pattern, "\\"));
        }
        if (filter.ObjectId is { } id)
        {
            var lower = id.ToLowerInvariant();
            rows = rows.Where(e => e.ObjectId == id || e.ObjectId == lower);
        }
        if (filter.From is { } from)
        {
            var start = StartOfDay(from);
            rows = rows.Where(e => e.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = StartOfDay(to.AddDays(1));
            rows = rows.Where(e => e.At < end);
        }
        return rows;
    }

    /// <summary>The first instant of a business day (midnight, or the first hour that exists when the clocks change at midnight).</summary>
    private DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        var zone = clock.Zone;
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return clock.ToUtc(local);
    }

    private static IQueryable<AuditEntry> Newest(IQueryable<AuditEntry> rows) =>
        rows.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);

    private static async Task<AuditPage> PageOfAsync(IQueryable<AuditEntry> rows, int page, int pageSize, CancellationToken ct)
    {
        var total = await rows.CountAsync(ct);
        var items = await Newest(rows).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new AuditPage(items.Select(ToView).ToList(), total, page, pageSize);
    }

    private static void CheckPaging(int page, int pageSize)
    {
        if (page < 0 || page > int.MaxValue / MaxPageSize)
        {
            throw DomainException.Invalid("page must be a page number from 1.", "page");
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw DomainException.Invalid($"pageSize must be between 1 and {MaxPageSize}.", "pageSize");
        }
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    internal static AuditView ToView(AuditEntry e) =>
        new(e.Id, e.At, e.ActorKind, e.ActorId, e.ActorName, e.Command, e.ObjectType, e.ObjectId, e.ClientId, e.Before, e.After);
}
