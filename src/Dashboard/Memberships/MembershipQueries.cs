using System.Globalization;
using System.Text;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Memberships;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Memberships;

/// <summary>What the product, inventory and membership screens and the API read.</summary>
public sealed class MembershipQueries(IDbContextFactory<DashboardDbContext> contexts, BusinessClock clock)
{
    public const int MaxDays = 366;

    public async Task<IReadOnlyList<ProductView>> ProductsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var products = await db.Products.AsNoTracking().ToListAsync(ct);
        return products.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).Select(ProductView.From).ToList();
    }

    public async Task<ProductView?> ProductAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == new ProductId(id), ct) is { } p ? ProductView.From(p) : null;
    }

    public async Task<InventorySettings> SettingsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await MembershipService.SettingsAsync(db, ct);
    }

    /// <summary>The membership with that code (trimmed, any case), or not found.</summary>
    public async Task<MembershipView> ByCodeAsync(string? code, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var membership = await MembershipService.FindAsync(db, code, ct);
        return MembershipView.From(membership, await MembershipService.HolderNameAsync(db, membership.HolderClientId, ct));
    }

    /// <summary>The membership whose visit this appointment uses (not one given back), or null.</summary>
    public async Task<MembershipView?> ForAppointmentAsync(Guid appointmentId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var membership = await db.Memberships.AsNoTracking()
            .Where(m => m.Visits.Any(v => v.AppointmentId == appointmentId && v.ReturnedAt == null))
            .FirstOrDefaultAsync(ct);
        return membership is null ? null : MembershipView.From(membership, await MembershipService.HolderNameAsync(db, membership.HolderClientId, ct));
    }

    public async Task<IReadOnlyList<MembershipView>> ClientMembershipsAsync(Guid clientId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var name = await MembershipService.HolderNameAsync(db, clientId, ct);
        var found = await db.Memberships.AsNoTracking().Where(m => m.HolderClientId == clientId).ToListAsync(ct);
        return found.OrderByDescending(m => m.SoldAt).Select(m => MembershipView.From(m, name)).ToList();
    }

    /// <summary>The latest inventory documents, newest first.</summary>
    public async Task<IReadOnlyList<InventoryDocumentView>> DocumentsAsync(int take = 50, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var documents = await db.InventoryDocuments.AsNoTracking().OrderByDescending(d => d.At).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return documents.Select(InventoryDocumentView.From).ToList();
    }

    /// <summary>Memberships sold in [from, to): per type, and each with its code, date, holder and amount.</summary>
    public async Task<MembershipReport> ReportAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        if (to <= from)
        {
            throw DomainException.Invalid("The period must end after it starts.", "to");
        }
        if (to - from > TimeSpan.FromDays(MaxDays))
        {
            throw DomainException.Invalid($"Ask for at most {MaxDays} days at a time.", "to");
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sold = await db.Memberships.AsNoTracking().Where(m => m.SoldAt >= from && m.SoldAt < to).ToListAsync(ct);
        var holderIds = sold.Where(m => m.HolderClientId is not null).Select(m => new ClientId(m.HolderClientId!.Value)).Distinct().ToList();
        var names = await db.Clients.AsNoTracking().Where(c => holderIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id.Value, c => c.Name, ct);
        var saleIds = sold.Select(m => m.SaleId).Distinct().ToList();
        var authors = await db.InventoryDocuments.AsNoTracking().Where(d => saleIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.AuthorName, ct);
        var rows = sold.OrderBy(m => m.SoldAt).ThenBy(m => m.Code, StringComparer.Ordinal)
            .Select(m => new MembershipSaleRow(m.SoldAt, m.Code, m.TypeName, m.HolderClientId,
                m.HolderClientId is { } h && names.TryGetValue(h, out var n) ? n : null, m.Price, m.Currency,
                authors.TryGetValue(m.SaleId, out var a) ? a : string.Empty))
            .ToList();
        var byType = sold.GroupBy(m => (m.ProductId, m.TypeName))
            .Select(g => new MembershipTypeTotal(g.Key.ProductId.Value, g.Key.TypeName, g.Count(), g.Sum(m => m.Price)))
            .OrderBy(t => t.TypeName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new MembershipReport(from, to, byType, rows);
    }

    /// <summary>The report as CSV (invariant culture, local times), one row per membership sold.</summary>
    public async Task<string> ReportCsvAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var report = await ReportAsync(from, to, ct);
        var csv = new StringBuilder("sold_at,code,type,holder_id,holder,amount,currency,sold_by\n");
        foreach (var row in report.Sales)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{clock.ToLocal(row.SoldAt):yyyy-MM-dd HH:mm:ss},{CsvCell.Text(row.Code)},{CsvCell.Text(row.TypeName)},{row.HolderClientId},{CsvCell.Text(row.HolderName ?? string.Empty)},{row.Amount.ToString("0.00", CultureInfo.InvariantCulture)},{row.Currency},{CsvCell.Text(row.SoldBy)}\n");
        }
        return csv.ToString();
    }
}
