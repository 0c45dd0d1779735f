using FrontDesk.Dashboard.Sales;

namespace FrontDesk.Dashboard.Components.Sales;

/// <summary>How a sale stands, as the client's sales list and the refund window say it.</summary>
public static class SaleStates
{
    /// <summary>Lines that pay part of another (package, prepaid credit, membership, automatic discount): they go back with their line, never alone.</summary>
    private static readonly HashSet<string> CreditKinds = ["PackageCredit", "Discount", "ServiceCredit", "MembershipCredit"];

    /// <summary>True for a line a refund can name (it sells something; credits follow it).</summary>
    public static bool IsRefundable(SaleLineView line) => !CreditKinds.Contains(line.Kind);

    /// <summary>How many of the line can still be refunded.</summary>
    public static int Left(SaleLineView line) => Math.Max(0, line.Quantity - line.RefundedQuantity);

    /// <summary>A sale (not a refund) with at least one line not yet refunded in full.</summary>
    public static bool CanRefund(SaleView sale) =>
        sale.Kind == SaleKind.Sale && sale.Lines.Any(l => IsRefundable(l) && Left(l) > 0);

    /// <summary>The name a screen gives the sale: its number, or its date for sales from before numbering.</summary>
    public static string Name(SaleView sale, BusinessClock clock) =>
        sale.Number ?? $"sale of {clock.ToLocal(sale.IssuedAt):d MMM yyyy HH:mm}";

    /// <summary>Paid, Owes X, Refunded, Partly refunded; a refund says which sale it reverses.</summary>
    public static string Describe(SaleView sale, Func<decimal, string> money)
    {
        if (sale.Kind == SaleKind.Refund)
        {
            return sale.RefundOfNumber is { } of ? $"Refund of {of}" : "Refund";
        }
        var lines = sale.Lines.Where(IsRefundable).ToList();
        var any = lines.Any(l => l.RefundedQuantity > 0);
        if (any && lines.All(l => Left(l) == 0))
        {
            return "Refunded";
        }
        if (sale.Balance > 0m)
        {
            return any ? $"Owes {money(sale.Balance)}, partly refunded" : $"Owes {money(sale.Balance)}";
        }
        return any ? "Partly refunded" : "Paid";
    }
}
