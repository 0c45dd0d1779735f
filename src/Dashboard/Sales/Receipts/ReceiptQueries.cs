using System.Globalization;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Sales.Receipts;

/// <summary>
/// Reads one sale document and what its receipt shows (the client's name, what remains on the
/// packages and prepaid credits it used, the business and receipt settings) into a
/// <see cref="ReceiptModel"/>. Nothing here changes data.
/// </summary>
public sealed class ReceiptQueries(IDbContextFactory<DashboardDbContext> contexts, BusinessClock clock)
{
    /// <summary>The receipt of the sale <paramref name="invoiceId"/>, or null when there is no such sale.</summary>
    public async Task<ReceiptModel?> BuildAsync(Guid invoiceId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var id = new InvoiceId(invoiceId);
        var invoice = await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null)
        {
            return null;
        }
        var business = clock.Business;
        var settings = await ReceiptSettingsService.ReadAsync(db, ct);
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == invoice.ClientId).Select(c => new { c.Name, c.ErasedAt }).SingleOrDefaultAsync(ct);
        string Money(decimal amount) => $"{amount.ToString("#,0.00", CultureInfo.GetCultureInfo(business.Culture))} {invoice.Currency}";
        // The builder takes a refund's facts with the signs of the sale it reverses and turns
        // them round itself; the refund document stores them reversed, so turn them back here.
        var refund = invoice.Kind == InvoiceKind.Refund;
        var sign = refund ? -1m : 1m;
        var refundOf = refund && invoice.RefundOf is { } original
            ? await db.Invoices.AsNoTracking().Where(i => i.Id == original).Select(i => new { i.Id, i.Number }).SingleOrDefaultAsync(ct)
            : null;
        var facts = new ReceiptFacts(
            invoice.Id.Value,
            refund ? ReceiptKind.Refund : ReceiptKind.Sale,
            Number(invoice),
            invoice.IssuedAt,
            client is null || client.ErasedAt is not null ? null : client.Name,
            invoice.Currency,
            [.. invoice.Lines.Where(l => l.Kind != InvoiceLineKind.Tip).SelectMany(l => FactsOf(l, sign)), .. SaleDiscount(invoice, sign, refund)],
            invoice.Payments.Select(p => new ReceiptPayment(p.Method.ToString(), sign * p.Amount)).ToList())
        {
            Tip = sign * invoice.Lines.Where(l => l.Kind == InvoiceLineKind.Tip).Sum(l => l.Amount.Amount),
            ChangeGiven = invoice.ChangeGiven,
            RefundOf = refundOf is null ? null : refundOf.Number ?? ShortId(refundOf.Id.Value),
            Reason = refund ? invoice.Reason : null,
            Remaining = [.. await PackagesLeftAsync(db, invoice, Money, ct), .. await CreditsLeftAsync(db, invoice, ct)],
        };
        return ReceiptBuilder.Build(facts, business, settings);
    }

    /// <summary>
    /// The number printed on the receipt: the sale's own number from the Invoice numbering
    /// sequence (every sale takes one: check-outs, sales, refunds, packages, quotes and single
    /// services); sales made before numbering show a short form of their id.
    /// </summary>
    public static string Number(Invoice invoice) => invoice.Number ?? ShortId(invoice.Id.Value);

    /// <summary>A short form of a sale's id (<see cref="SalesReport.ShortNumber"/>, one rule for every screen).</summary>
    public static string ShortId(Guid id) => SalesReport.ShortNumber(id);

    /// <summary>A stored line as printed: the line at its gross price, then its own discount (with its reason) as a discount line.</summary>
    private static IEnumerable<ReceiptFactLine> FactsOf(InvoiceLine line, decimal sign)
    {
        yield return new ReceiptFactLine(line.Description, line.Quantity, sign * line.UnitPrice, KindOf(line));
        var off = sign * line.Discount;
        if (off != 0m)
        {
            yield return new ReceiptFactLine(line.DiscountReason is { Length: > 0 } reason ? $"Discount: {reason}" : $"Discount on {line.Description}", 1, -off, ReceiptLineKind.Discount);
        }
    }

    /// <summary>
    /// The sale's own discount, printed once after the lines with its reason (the shares stored on
    /// each line add up to it). On a refund it is the part of it given back with the lines, and its
    /// reason is the refund's, so it is named without one.
    /// </summary>
    private static IEnumerable<ReceiptFactLine> SaleDiscount(Invoice invoice, decimal sign, bool refund)
    {
        var off = sign * invoice.Lines.Sum(l => l.SaleDiscountShare);
        if (off != 0m)
        {
            var label = !refund && invoice.Reason is { Length: > 0 } reason ? $"Discount on the sale: {reason}" : "Discount on the sale";
            yield return new ReceiptFactLine(label, 1, -off, ReceiptLineKind.Discount);
        }
    }

    private static ReceiptLineKind KindOf(InvoiceLine line) =>
        line.Kind == InvoiceLineKind.Discount ? ReceiptLineKind.Discount
        : line.IsPrepaid ? ReceiptLineKind.Credit
        : ReceiptLineKind.Item;

    /// <summary>What remains on each package record the sale used or sold, in the package screen's words.</summary>
    private static async Task<IReadOnlyList<ReceiptRemaining>> PackagesLeftAsync(DashboardDbContext db, Invoice invoice, Func<decimal, string> money, CancellationToken ct)
    {
        var ids = invoice.Lines.Where(l => l.PackageRecordId is not null).Select(l => new PackageRecordId(l.PackageRecordId!.Value)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var records = await db.PackageRecords.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        return [.. ids
            .Select(id => records.FirstOrDefault(r => r.Id == id))
            .OfType<PackageRecord>()
            .Select(r => RecordView.From(r, null))
            .Select(v => new ReceiptRemaining(v.Name, PackageWording.Remaining(v, money)))];
    }

    /// <summary>The client's prepaid credits still available for the services on the sale, one row per service.</summary>
    private static async Task<IReadOnlyList<ReceiptRemaining>> CreditsLeftAsync(DashboardDbContext db, Invoice invoice, CancellationToken ct)
    {
        var services = invoice.Lines.Where(l => l.ServiceId is not null).Select(l => l.ServiceId!.Value).Distinct().ToList();
        if (services.Count == 0)
        {
            return [];
        }
        var credits = await db.ServiceCredits.AsNoTracking()
            .Where(c => c.ClientId == invoice.ClientId && c.Status == CreditStatus.Available && services.Contains(c.ServiceId))
            .Select(c => c.ServiceName)
            .ToListAsync(ct);
        return [.. credits
            .GroupBy(name => name)
            .OrderBy(g => g.Key, StringComparer.CurrentCulture)
            .Select(g => new ReceiptRemaining($"Prepaid {g.Key}", g.Count() == 1 ? "1 session left" : $"{g.Count()} sessions left"))];
    }
}
