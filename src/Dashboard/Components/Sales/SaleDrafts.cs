using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Domain.Sales;

namespace FrontDesk.Dashboard.Components.Sales;

/// <summary>A discount being typed: amount or percent, value, and the reason it needs.</summary>
public sealed class DiscountDraft
{
    public bool Open { get; set; }

    public DiscountType Type { get; set; } = DiscountType.Amount;

    public decimal Value { get; set; }

    public string? Reason { get; set; }

    /// <summary>A discount is given only when it is open with a value above zero.</summary>
    public bool Given => Open && Value > 0m;

    public bool MissesReason => Given && string.IsNullOrWhiteSpace(Reason);

    public DiscountInput? ToInput() => Given ? new DiscountInput(Type, Value, Reason?.Trim()) : null;
}

/// <summary>One line the receptionist adds to the sale (the appointment's own line is the service's).</summary>
public sealed class LineDraft(SaleItemType type)
{
    public SaleItemType Type { get; } = type;

    public Guid? ItemId { get; set; }

    public int Quantity { get; set; } = 1;

    public Guid? ProviderId { get; set; }

    public string? Code { get; set; }

    public bool GenerateCode { get; set; }

    public ClientView? Holder { get; set; }

    public DiscountDraft Discount { get; } = new();

    /// <summary>Memberships are sold one per line: to sell three, add three lines.</summary>
    public bool QuantityFixed => Type == SaleItemType.Membership;

    public SaleLineInput ToInput() => new(
        Type,
        ItemId ?? Guid.Empty,
        QuantityFixed ? 1 : Quantity,
        null,
        Type == SaleItemType.Service ? ProviderId : null,
        Type == SaleItemType.Membership && !GenerateCode ? Code?.Trim() : null,
        Type == SaleItemType.Membership && GenerateCode,
        Type == SaleItemType.Membership ? Holder?.Id : null,
        Discount.ToInput());

    public static string KindName(SaleItemType type) => type switch
    {
        SaleItemType.Service => "service",
        SaleItemType.Product => "product",
        SaleItemType.Membership => "membership",
        _ => "package",
    };
}

/// <summary>One payment row: a method and an amount.</summary>
public sealed class PaymentDraft(PaymentMethod method = PaymentMethod.Card, decimal amount = 0m)
{
    public PaymentMethod Method { get; set; } = method;

    public decimal Amount { get; set; } = amount;
}

/// <summary>What the payment rows come to against what is due: owed, change, or why they cannot be taken.</summary>
public sealed record PaymentCheck(decimal Paid, decimal Owed, decimal Change, string? Problem)
{
    /// <summary>
    /// Paying less leaves a balance the client owes (so a client is needed); paying more is only
    /// possible in cash, and the excess is the change given back.
    /// </summary>
    public static PaymentCheck Of(decimal due, IEnumerable<PaymentDraft> rows, bool hasClient, Func<decimal, string> money)
    {
        var list = rows.ToList();
        var paid = list.Sum(r => r.Amount);
        if (list.Any(r => r.Amount < 0m))
        {
            return new PaymentCheck(paid, 0m, 0m, "A payment cannot be below zero.");
        }
        if (paid < due)
        {
            var owed = due - paid;
            return new PaymentCheck(paid, owed, 0m, hasClient
                ? null
                : $"{money(owed)} would be left owed, and only a client can owe: choose the client, or take the full {money(due)}.");
        }
        var excess = paid - due;
        var cash = list.Where(r => r.Method == PaymentMethod.Cash).Sum(r => r.Amount);
        return excess > cash
            ? new PaymentCheck(paid, 0m, 0m, $"The payments come to {money(excess)} more than is due; only cash can be given back as change.")
            : new PaymentCheck(paid, 0m, excess, null);
    }

    public static IReadOnlyList<PaymentLine> Lines(IEnumerable<PaymentDraft> rows) =>
        rows.Where(r => r.Amount > 0m).Select(r => new PaymentLine(r.Method, r.Amount)).ToList();
}
