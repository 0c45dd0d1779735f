using System.Globalization;

namespace FrontDesk.Dashboard.Sales.Receipts;

/// <summary>Whether the document is a sale's receipt or a refund's.</summary>
public enum ReceiptKind
{
    Sale,
    Refund,
}

/// <summary>What a receipt line is, so renderers can show credits and discounts as such.</summary>
public enum ReceiptLineKind
{
    /// <summary>Something sold (a service, product, package, membership, quote item).</summary>
    Item,
    /// <summary>A discount (negative).</summary>
    Discount,
    /// <summary>What a prepaid package or service credit paid (negative).</summary>
    Credit,
}

/// <summary>One line as printed: the amount is quantity × unit price (negative for discounts, credits and refunds).</summary>
public sealed record ReceiptLine(string Description, int Quantity, decimal UnitPrice, decimal Amount, ReceiptLineKind Kind);

/// <summary>A payment as printed (negative on a refund: money given back).</summary>
public sealed record ReceiptPayment(string Method, decimal Amount);

/// <summary>
/// The tax the receipt shows: <see cref="Included"/> true = contained in the total ("includes VAT
/// 20%"), false = added to it. Amount rounded with <c>Money.Round</c>.
/// </summary>
public sealed record ReceiptTax(string Name, decimal RatePercent, bool Included, decimal Amount)
{
    public string Label => Included
        ? $"Includes {Name} {RatePercent.ToString("0.##", CultureInfo.InvariantCulture)}%"
        : $"{Name} {RatePercent.ToString("0.##", CultureInfo.InvariantCulture)}%";
}

/// <summary>What remains of something prepaid the sale used: "Laser course: 7 of 10 sessions left".</summary>
public sealed record ReceiptRemaining(string Name, string Remaining)
{
    public string Text => $"{Name}: {Remaining}";
}

/// <summary>
/// Everything a receipt shows, and nothing else: the PDF, the print view and the email are
/// rendered from this alone (see <see cref="ReceiptPdf"/>, <c>ReceiptHtml</c>,
/// <see cref="ReceiptEmail"/>), built by <see cref="ReceiptQueries"/> from the database or by
/// <see cref="ReceiptBuilder"/> from plain facts. Amounts are in <see cref="Currency"/>, formatted
/// with <see cref="Money"/> in the business's culture; the date is in the business's time zone.
/// </summary>
public sealed record ReceiptModel
{
    public required Guid SaleId { get; init; }
    public required ReceiptKind Kind { get; init; }

    /// <summary>"Receipt" or "Refund".</summary>
    public string Title => Kind == ReceiptKind.Refund ? "Refund" : "Receipt";

    public required string Number { get; init; }

    /// <summary>On a refund: the number of the sale it reverses.</summary>
    public string? RefundOf { get; init; }

    public string? Reason { get; init; }

    public required string BusinessName { get; init; }
    public string? BusinessAddress { get; init; }
    public string? BusinessPhone { get; init; }

    /// <summary>When the sale was made, in the business's time zone (wall clock).</summary>
    public required DateTime IssuedAt { get; init; }

    /// <summary>The client's name (never the phone number); null for a walk-in sale.</summary>
    public string? ClientName { get; init; }

    public required string Currency { get; init; }
    public required string Culture { get; init; }

    public required IReadOnlyList<ReceiptLine> Lines { get; init; }

    /// <summary>What the items sell for (the <see cref="ReceiptLineKind.Item"/> lines).</summary>
    public required decimal Subtotal { get; init; }

    /// <summary>The discounts (zero or negative).</summary>
    public required decimal Discounts { get; init; }

    /// <summary>What prepaid packages and credits paid (zero or negative).</summary>
    public required decimal Credits { get; init; }

    /// <summary>The tip (not taxed).</summary>
    public decimal Tip { get; init; }

    /// <summary>The tax shown, or null when none is configured.</summary>
    public ReceiptTax? Tax { get; init; }

    /// <summary>Subtotal + discounts + credits + tip (+ tax when added to the prices).</summary>
    public required decimal Total { get; init; }

    public required IReadOnlyList<ReceiptPayment> Payments { get; init; }

    /// <summary>Cash given back to the client.</summary>
    public decimal ChangeGiven { get; init; }

    /// <summary>What the client still owes (zero when paid).</summary>
    public decimal Balance { get; init; }

    /// <summary>What remains on each prepaid package the sale used, and the prepaid service credits left.</summary>
    public IReadOnlyList<ReceiptRemaining> Remaining { get; init; } = [];

    /// <summary>An amount as the receipt prints it: "60.00 GBP" in the business's culture.</summary>
    public string Money(decimal amount) =>
        $"{amount.ToString("#,0.00", CultureInfo.GetCultureInfo(Culture))} {Currency}";

    public string Quantity(int quantity) => quantity.ToString(CultureInfo.GetCultureInfo(Culture));

    /// <summary>The date and time as printed ("30 Nov 2026 14:05").</summary>
    public string Date => IssuedAt.ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo(Culture));

    /// <summary>The file name of the PDF ("receipt-1A2B3C4D.pdf").</summary>
    public string FileName => $"{Title.ToLowerInvariant()}-{string.Concat(Number.Where(char.IsAsciiLetterOrDigit))}.pdf";

    /// <summary>The rows under the lines, in the order printed: (label, amount).</summary>
    public IReadOnlyList<(string Label, decimal Amount)> Totals
    {
        get
        {
            var rows = new List<(string, decimal)> { ("Subtotal", Subtotal) };
            if (Discounts != 0m)
            {
                rows.Add(("Discounts", Discounts));
            }
            if (Credits != 0m)
            {
                rows.Add(("Paid from prepaid", Credits));
            }
            if (Tax is { Included: false } added)
            {
                rows.Add((added.Label, added.Amount));
            }
            if (Tip != 0m)
            {
                rows.Add(("Tip", Tip));
            }
            rows.Add((Kind == ReceiptKind.Refund ? "Total refunded" : "Total", Total));
            if (Tax is { Included: true } included)
            {
                rows.Add((included.Label, included.Amount));
            }
            return rows;
        }
    }
}
