using System.Globalization;
using System.Text;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Sales;

/// <summary>Revenue by what was sold; services are counted net of what packages paid and package discounts.</summary>
public sealed record RevenueByKind(decimal Services, decimal Packages, decimal Memberships, decimal Products, decimal QuoteSales)
{
    public static RevenueByKind Zero { get; } = new(0m, 0m, 0m, 0m, 0m);

    public decimal Total => Services + Packages + Memberships + Products + QuoteSales;
}

/// <summary>The sales of a period: money taken, what kind, what prepaid sessions were used and sold.</summary>
public sealed record SalesTotals(
    DateTimeOffset From,
    DateTimeOffset To,
    RevenueByKind Revenue,
    decimal Cash,
    decimal Card,
    int SessionsRedeemed,
    int PackagesSold,
    int MembershipsSold,
    IReadOnlyList<decimal> RevenueByHour);

/// <summary>
/// Sums over the underlying invoices and package ledgers; everything the sales screen shows
/// comes from here, so its numbers always equal the sales and ledger rows behind them.
/// </summary>
public sealed class SalesQueries(IDbContextFactory<DashboardDbContext> contexts, BusinessClock clock)
{
    public const int MaxDays = 366;

    public async Task<SalesTotals> TotalsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        EnsurePeriod(from, to);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var invoices = await PaidInvoicesAsync(db, from, to, ct);
        var revenue = RevenueByKind.Zero;
        var byHour = new decimal[24];
        foreach (var invoice in invoices)
        {
            var lines = Revenue(invoice);
            revenue = Add(revenue, lines);
            byHour[clock.ToLocal(invoice.PaidAt!.Value).Hour] += lines.Total;
        }
        var payments = invoices.SelectMany(i => i.Payments).Select(p => (p.Method, p.Amount)).ToList();
        // Sales of products and memberships (inventory documents) count with the invoices; a
        // document that only moves the stock of an invoice's lines has no money of its own.
        var productSales = await db.InventoryDocuments.AsNoTracking()
            .Where(d => d.Operation == FrontDesk.Domain.Memberships.InventoryOperation.SaleOfProduct && d.InvoiceId == null && d.At >= from && d.At < to)
            .ToListAsync(ct);
        var membershipIds = (await db.Products.AsNoTracking().ToListAsync(ct)).Where(p => p.IsMembership).Select(p => p.Id.Value).ToHashSet();
        foreach (var sale in productSales)
        {
            var memberships = sale.Lines.Where(l => membershipIds.Contains(l.ProductId)).Sum(l => l.Amount);
            var products = sale.Lines.Where(l => !membershipIds.Contains(l.ProductId)).Sum(l => l.Amount);
            revenue = revenue with { Memberships = revenue.Memberships + memberships, Products = revenue.Products + products };
            byHour[clock.ToLocal(sale.At).Hour] += memberships + products;
            payments.AddRange(sale.Payments.Select(p => (p.Method, p.Amount)));
        }
        var membershipsSold = await db.Memberships.AsNoTracking().CountAsync(m => m.SoldAt >= from && m.SoldAt < to, ct);
        // Sessions: the net count of circles that turned red in the period (a release of a
        // session redeemed at booking gives one back).
        var sessionMoves = await db.PackageRecords.AsNoTracking()
            .Where(r => r.CountBased)
            .SelectMany(r => r.Ledger.Where(e => e.At >= from && e.At < to && (e.Kind == LedgerKind.Redeem || e.Kind == LedgerKind.Hold || e.Kind == LedgerKind.Release)))
            .ToListAsync(ct);
        var sold = await db.PackageRecords.AsNoTracking()
            .CountAsync(r => r.PurchasedAt >= from && r.PurchasedAt < to && (r.Mode == AcquisitionMode.Paid || r.Mode == AcquisitionMode.Unpaid), ct);
        return new SalesTotals(
            from,
            to,
            revenue,
            payments.Where(p => p.Method == PaymentMethod.Cash).Sum(p => p.Amount),
            payments.Where(p => p.Method == PaymentMethod.Card).Sum(p => p.Amount),
            (int)sessionMoves.Sum(e => e.UsedDelta),
            sold,
            membershipsSold,
            byHour);
    }

    /// <summary>One CSV row per invoice line paid in the period (invariant culture, UTF-8).</summary>
    public async Task<string> CsvAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        EnsurePeriod(from, to);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var invoices = await PaidInvoicesAsync(db, from, to, ct);
        var csv = new StringBuilder("paid_at,invoice_id,client_id,kind,description,quantity,unit_price,amount,currency\n");
        foreach (var invoice in invoices.OrderBy(i => i.PaidAt))
        {
            foreach (var line in invoice.Lines)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{clock.ToLocal(invoice.PaidAt!.Value):yyyy-MM-dd HH:mm:ss},{invoice.Id},{invoice.ClientId},{line.Kind},{CsvCell.Text(line.Description)},{line.Quantity},{line.UnitPrice.ToString("0.00", CultureInfo.InvariantCulture)},{line.Amount.Amount.ToString("0.00", CultureInfo.InvariantCulture)},{line.Currency}\n");
            }
        }
        return csv.ToString();
    }

    /// <summary>What a paid invoice brought in, by kind.</summary>
    public static RevenueByKind Revenue(Invoice invoice)
    {
        decimal Sum(params InvoiceLineKind[] kinds) => invoice.Lines.Where(l => kinds.Contains(l.Kind)).Sum(l => l.Amount.Amount);
        return new RevenueByKind(
            Sum(InvoiceLineKind.Service, InvoiceLineKind.PackageCredit, InvoiceLineKind.Discount, InvoiceLineKind.ServiceCredit, InvoiceLineKind.MembershipCredit),
            Sum(InvoiceLineKind.Package),
            Sum(InvoiceLineKind.Membership),
            Sum(InvoiceLineKind.Product),
            Sum(InvoiceLineKind.QuoteItem));
    }

    private static RevenueByKind Add(RevenueByKind a, RevenueByKind b) =>
        new(a.Services + b.Services, a.Packages + b.Packages, a.Memberships + b.Memberships, a.Products + b.Products, a.QuoteSales + b.QuoteSales);

    private static async Task<List<Invoice>> PaidInvoicesAsync(DashboardDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        await db.Invoices.AsNoTracking().Where(i => i.Status == InvoiceStatus.Paid && i.PaidAt >= from && i.PaidAt < to).ToListAsync(ct);

    private static void EnsurePeriod(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            throw DomainException.Invalid("The period must end after it starts.", "to");
        }
        if (to - from > TimeSpan.FromDays(MaxDays))
        {
            throw DomainException.Invalid($"Ask for at most {MaxDays} days at a time.", "to");
        }
    }
}
