using FrontDesk.Dashboard.Business;
using FrontDesk.Domain.Common;

namespace FrontDesk.Dashboard.Sales.Receipts;

/// <summary>A line of the sale document as stored (sale signs: items positive, discounts and credits negative).</summary>
public sealed record ReceiptFactLine(string Description, int Quantity, decimal UnitPrice, ReceiptLineKind Kind);

/// <summary>
/// The plain facts of one sale document that a receipt needs, read from the database by
/// <see cref="ReceiptQueries"/> (or written out by a test). A refund gives the lines it reverses
/// as they were on the sale and the money given back as positive payments: the receipt prints
/// both as negative amounts. Payments are what was kept (cash net of <see cref="ChangeGiven"/>),
/// as the sale document stores them.
/// </summary>
public sealed record ReceiptFacts(
    Guid SaleId,
    ReceiptKind Kind,
    string Number,
    DateTimeOffset IssuedAt,
    string? ClientName,
    string Currency,
    IReadOnlyList<ReceiptFactLine> Lines,
    IReadOnlyList<ReceiptPayment> Payments)
{
    public decimal Tip { get; init; }
    public decimal ChangeGiven { get; init; }
    public string? RefundOf { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<ReceiptRemaining> Remaining { get; init; } = [];
}

/// <summary>Turns the facts, the business and the receipt settings into the <see cref="ReceiptModel"/>: the totals and the tax are computed here only.</summary>
public static class ReceiptBuilder
{
    public static ReceiptModel Build(ReceiptFacts facts, BusinessProfile business, ReceiptSettings settings)
    {
        var sign = facts.Kind == ReceiptKind.Refund ? -1m : 1m;
        var lines = facts.Lines
            .Select(l => new ReceiptLine(l.Description, l.Quantity, sign * l.UnitPrice, Money.Round(sign * l.UnitPrice * l.Quantity), l.Kind))
            .ToList();
        var subtotal = lines.Where(l => l.Kind == ReceiptLineKind.Item).Sum(l => l.Amount);
        var discounts = lines.Where(l => l.Kind == ReceiptLineKind.Discount).Sum(l => l.Amount);
        var credits = lines.Where(l => l.Kind == ReceiptLineKind.Credit).Sum(l => l.Amount);
        var tip = sign * facts.Tip;
        // Tax is on what the client pays for the sale itself: never on the tip (the provider's).
        var taxable = subtotal + discounts + credits;
        var tax = Tax(taxable, settings);
        var total = taxable + (tax is { Included: false } ? tax.Amount : 0m) + tip;
        var payments = facts.Payments.Select(p => p with { Amount = sign * p.Amount }).ToList();
        var change = sign * facts.ChangeGiven;
        // Payments are what the business kept (cash net of the change given back).
        var settled = payments.Sum(p => p.Amount);
        return new ReceiptModel
        {
            SaleId = facts.SaleId,
            Kind = facts.Kind,
            Number = facts.Number,
            RefundOf = facts.RefundOf,
            Reason = facts.Reason,
            BusinessName = business.Name,
            BusinessAddress = settings.Address,
            BusinessPhone = settings.Phone,
            IssuedAt = TimeZoneInfo.ConvertTime(facts.IssuedAt, business.Zone).DateTime,
            ClientName = facts.ClientName,
            Currency = facts.Currency,
            Culture = business.Culture,
            Lines = lines,
            Subtotal = subtotal,
            Discounts = discounts,
            Credits = credits,
            Tip = tip,
            Tax = tax,
            Total = total,
            Payments = payments,
            ChangeGiven = change,
            // A refund owes nothing; a sale owes what its payments leave of the total.
            Balance = facts.Kind == ReceiptKind.Refund ? 0m : Math.Max(0m, total - settled),
            Remaining = facts.Remaining,
        };
    }

    /// <summary>
    /// The tax on <paramref name="taxable"/>: contained in it (amount × rate / (100 + rate)) when the
    /// prices include tax, otherwise added to it (amount × rate / 100); rounded half away from zero.
    /// </summary>
    public static ReceiptTax? Tax(decimal taxable, ReceiptSettings settings)
    {
        if (!settings.HasTax)
        {
            return null;
        }
        var rate = settings.TaxRatePercent;
        var amount = settings.PricesIncludeTax
            ? Money.Round(taxable * rate / (100m + rate))
            : Money.Percent(taxable, rate);
        return new ReceiptTax(settings.TaxName, rate, settings.PricesIncludeTax, amount);
    }
}
