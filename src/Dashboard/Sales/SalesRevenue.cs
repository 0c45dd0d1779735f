using FrontDesk.Domain.Sales;

namespace FrontDesk.Dashboard.Sales;

/// <summary>
/// One line as revenue sees it: the kind of revenue it is (<see cref="SalesRevenue.KindOf"/>),
/// its amount (negative on a refund or a credit), whether it is a tip (never revenue) and whether
/// it is on a refund (counted apart, negative).
/// </summary>
public readonly record struct RevenueLine(string Kind, decimal Amount, bool IsTip, bool IsRefund);

/// <summary>
/// Revenue by what was sold (<see cref="SalesRevenue"/>); services are counted net of what
/// packages paid and package discounts; <see cref="Refunds"/> is what refunds gave back (negative).
/// </summary>
public sealed record RevenueByKind(decimal Services, decimal Packages, decimal Memberships, decimal Products, decimal QuoteSales, decimal Refunds = 0m)
{
    public static RevenueByKind Zero { get; } = new(0m, 0m, 0m, 0m, 0m);

    public decimal Total => Services + Packages + Memberships + Products + QuoteSales + Refunds;
}

/// <summary>
/// The one rule that turns sold lines into revenue, shared by the live board
/// (<see cref="SalesQueries"/>), the manager's review and the "Sales by day" table
/// (<see cref="SalesReport"/>), so no two screens can disagree.
/// <para>
/// Revenue is what was sold (accrual): a sale's lines count on the day it was made, whether it
/// was paid in full, in part or not yet; what is still owed on it shows apart as Owed, and the
/// money taken (cash, card) counts each payment on the day it was taken. A refund is its own
/// document: its lines count on its day under Refunds (negative), whatever kind they reverse.
/// Credits (a package, a prepaid credit, a membership visit, a package discount) reduce services;
/// tips are the provider's, not revenue.
/// </para>
/// </summary>
public static class SalesRevenue
{
    public const string Services = "Services";
    public const string Packages = "Packages";
    public const string Memberships = "Memberships";
    public const string Products = "Products";
    public const string QuoteSales = "Quote sales";
    public const string Refunds = "Refunds";
    public const string Tips = "Tips";

    /// <summary>The kind of revenue an invoice line is, as the tiles name them (credits and discounts reduce services).</summary>
    public static string KindOf(InvoiceLineKind kind) => kind switch
    {
        // A credit (prepaid or discount) reduces the service it pays: one list of them, on InvoiceLine.
        InvoiceLineKind.Service => Services,
        _ when InvoiceLine.IsCreditKind(kind) => Services,
        InvoiceLineKind.Package => Packages,
        InvoiceLineKind.Membership => Memberships,
        InvoiceLineKind.Product => Products,
        InvoiceLineKind.QuoteItem => QuoteSales,
        InvoiceLineKind.Tip => Tips,
        _ => kind.ToString(),
    };

    /// <summary>One line of an invoice as revenue.</summary>
    public static RevenueLine LineOf(Invoice invoice, InvoiceLine line) =>
        new(KindOf(line.Kind), line.Amount.Amount, line.Kind == InvoiceLineKind.Tip, invoice.Kind == InvoiceKind.Refund);

    /// <summary>
    /// Revenue by kind of <paramref name="lines"/>: tips left out, refunds under Refunds, a kind
    /// the board has no tile for counted as services (so the total never loses a line).
    /// </summary>
    public static RevenueByKind Of(IEnumerable<RevenueLine> lines)
    {
        decimal services = 0m, packages = 0m, memberships = 0m, products = 0m, quotes = 0m, refunds = 0m;
        foreach (var line in lines)
        {
            if (line.IsTip)
            {
                continue;
            }
            if (line.IsRefund)
            {
                refunds += line.Amount;
                continue;
            }
            switch (line.Kind)
            {
                case Packages: packages += line.Amount; break;
                case Memberships: memberships += line.Amount; break;
                case Products: products += line.Amount; break;
                case QuoteSales: quotes += line.Amount; break;
                default: services += line.Amount; break;
            }
        }
        return new RevenueByKind(services, packages, memberships, products, quotes, refunds);
    }

    /// <summary>What one invoice is as revenue (a refund's lines all under Refunds).</summary>
    public static RevenueByKind Of(Invoice invoice) => Of(invoice.Lines.Select(l => LineOf(invoice, l)));

    /// <summary>The tips among <paramref name="lines"/> (a refunded tip negative).</summary>
    public static decimal TipsOf(IEnumerable<RevenueLine> lines) => lines.Where(l => l.IsTip).Sum(l => l.Amount);
}
