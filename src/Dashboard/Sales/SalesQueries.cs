using System.Globalization;
using System.Text;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Sales;

/// <summary>
/// The sales of a period: what was sold by kind (revenue), money taken by method, tips (not
/// revenue), what is still owed on the period's sales, what prepaid sessions were used and sold.
/// </summary>
public sealed record SalesTotals(
    DateTimeOffset From,
    DateTimeOffset To,
    RevenueByKind Revenue,
    decimal Cash,
    decimal Card,
    int SessionsRedeemed,
    int PackagesSold,
    int MembershipsSold,
    IReadOnlyList<decimal> RevenueByHour,
    decimal Tips = 0m,
    decimal Owed = 0m);

/// <summary>
/// The live board's figures of a period. Money (revenue, owed, cash, card, tips, by hour) comes
/// from the manager's review (<see cref="SalesReport.FiguresAsync"/>, the rule of
/// <see cref="SalesRevenue"/>), so the board and the review cannot disagree; the counts of
/// prepaid sessions, packages and memberships come from their ledgers here.
/// </summary>
public sealed class SalesQueries(IDbContextFactory<DashboardDbContext> contexts, BusinessClock clock, SalesReport report)
{
    public const int MaxDays = 366;

    public async Task<SalesTotals> TotalsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        EnsurePeriod(from, to);
        var (figures, byHour) = await report.FiguresAsync(from, to, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
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
            figures.Revenue,
            figures.Cash,
            figures.Card,
            (int)sessionMoves.Sum(e => e.UsedDelta),
            sold,
            membershipsSold,
            byHour,
            figures.Tips,
            figures.Owed);
    }

    /// <summary>
    /// One CSV row per invoice line sold in the period (<see cref="SalesRevenue"/>: a sale counts
    /// when it was made, paid or not; the first column keeps its old name for existing readers),
    /// invariant culture, UTF-8.
    /// </summary>
    public async Task<string> CsvAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        EnsurePeriod(from, to);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.IssuedAt >= from && i.IssuedAt < to).ToListAsync(ct);
        var csv = new StringBuilder("paid_at,invoice_id,client_id,kind,description,quantity,unit_price,amount,currency\n");
        foreach (var invoice in invoices.OrderBy(i => i.IssuedAt))
        {
            foreach (var line in invoice.Lines)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{clock.ToLocal(invoice.IssuedAt):yyyy-MM-dd HH:mm:ss},{invoice.Id},{invoice.ClientId},{line.Kind},{CsvCell.Text(line.Description)},{line.Quantity},{line.UnitPrice.ToString("0.00", CultureInfo.InvariantCulture)},{line.Amount.Amount.ToString("0.00", CultureInfo.InvariantCulture)},{line.Currency}\n");
            }
        }
        return csv.ToString();
    }

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
