using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Security;

namespace FrontDesk.Dashboard.Sales;

// The selling side of the front desk (issue 14): one sale document (an invoice) with lines of
// every kind, discounts, a tip, payments in several methods (partial payment leaves a balance
// owed), and refunds as their own documents. Screens and the API speak these records to
// ISaleService; the service runs each command in one unit of work.

/// <summary>What a sale line sells.</summary>
public enum SaleItemType
{
    /// <summary>A service done now (its price, or the given one), attributed to a provider.</summary>
    Service,
    /// <summary>A product from stock; the stock goes down in the same transaction.</summary>
    Product,
    /// <summary>A membership product: quantity 1, a unique code typed or generated, an optional holder.</summary>
    Membership,
    /// <summary>A package (course) template: the client gets a new prepaid record.</summary>
    Package,
}

public enum DiscountType
{
    Amount,
    Percent,
}

/// <summary>A discount on one line or on the whole sale: an amount or a percent, always with a reason.</summary>
public sealed record DiscountInput(DiscountType Type, decimal Value, string? Reason);

/// <summary>
/// One line to sell. <see cref="ItemId"/> is the service, product or package template.
/// <see cref="UnitPrice"/> overrides the catalogue price (null = the catalogue's).
/// </summary>
public sealed record SaleLineInput(
    SaleItemType Type,
    Guid ItemId,
    int Quantity = 1,
    decimal? UnitPrice = null,
    Guid? ProviderId = null,
    string? Code = null,
    bool GenerateCode = false,
    Guid? HolderClientId = null,
    DiscountInput? Discount = null);

/// <summary>A tip, attributed to the provider who earns it (not revenue of the business).</summary>
public sealed record TipInput(decimal Amount, Guid ProviderId);

/// <summary>
/// A new sale. With <see cref="AppointmentId"/> it is the appointment's check-out: the
/// appointment's own service line (with what its package, prepaid credit or package discount
/// pays) is added by the service, <see cref="Lines"/> are the extra lines, and the appointment
/// is checked out in the same transaction. Payments may be less than the total (the rest is
/// owed by the client; a client is then required) but not more, unless the excess is change
/// given for cash (<see cref="SaleView.ChangeGiven"/>).
/// </summary>
public sealed record CreateSale(
    Guid? ClientId,
    Guid? AppointmentId,
    IReadOnlyList<SaleLineInput> Lines,
    DiscountInput? Discount,
    TipInput? Tip,
    IReadOnlyList<PaymentLine> Payments,
    Caller Caller)
{
    public string? IdempotencyKey { get; init; }

    /// <summary>A discount on the appointment's own service line (only with <see cref="AppointmentId"/>).</summary>
    public DiscountInput? AppointmentDiscount { get; init; }
}

/// <summary>A later payment on an open sale (what the client owes).</summary>
public sealed record PaySale(Guid SaleId, IReadOnlyList<PaymentLine> Payments, Caller Caller)
{
    public string? IdempotencyKey { get; init; }
}

/// <summary>A line of the original sale to reverse (its <see cref="SaleLineView.Number"/>) and how many of it.</summary>
public sealed record RefundLineInput(int LineNumber, int Quantity);

/// <summary>
/// A refund by a manager, with a reason: its own document reversing the chosen lines; a package
/// session or prepaid credit used by a reversed line is given back; money goes back by
/// <see cref="Payments"/> (null = the way it was paid, cash first). A refund of an unpaid sale
/// voids what is owed instead of paying money back.
/// </summary>
public sealed record RefundSale(Guid SaleId, IReadOnlyList<RefundLineInput> Lines, IReadOnlyList<PaymentLine>? Payments, string? Reason, Caller Caller)
{
    public string? IdempotencyKey { get; init; }
}

public enum SaleKind
{
    Sale,
    Refund,
}

public sealed record SaleLineView(
    int Number,
    string Kind,
    string Description,
    int Quantity,
    decimal UnitPrice,
    decimal Amount,
    Guid? ProviderId,
    string? ProviderName,
    string? Code,
    string? Reason,
    int RefundedQuantity)
{
    /// <summary>What the credits on this sale pay of this line (package, prepaid credit, membership, automatic discount): 0 or negative.</summary>
    public decimal Credit { get; init; }
}

public sealed record SalePaymentView(FrontDesk.Domain.Sales.PaymentMethod Method, decimal Amount, DateTimeOffset PaidAt);

/// <summary>
/// A sale (or refund) as screens and the API show it. Subtotal = what the lines sell; Discounts
/// and Credits are negative (package, prepaid credit); Total = Subtotal + Discounts + Credits +
/// Tip; Balance = Total - Paid (what the client still owes; 0 when paid).
/// </summary>
public sealed record SaleView(
    Guid Id,
    string? Number,
    SaleKind Kind,
    Guid? ClientId,
    string? ClientName,
    Guid? AppointmentId,
    DateTimeOffset IssuedAt,
    bool IsPaid,
    string Currency,
    IReadOnlyList<SaleLineView> Lines,
    decimal Subtotal,
    decimal Discounts,
    decimal Credits,
    decimal Tip,
    decimal Total,
    decimal Paid,
    decimal Balance,
    decimal ChangeGiven,
    IReadOnlyList<SalePaymentView> Payments,
    Guid? RefundOf,
    string? Reason,
    IReadOnlyList<Guid> Refunds)
{
    /// <summary>On a sale: the money its refunds have paid back so far (0 or more).</summary>
    public decimal MoneyBack { get; init; }

    /// <summary>On a refund: the number of the sale it reverses.</summary>
    public string? RefundOfNumber { get; init; }
}

/// <summary>A client's sales and refunds, newest first; <see cref="More"/> when older ones were left out.</summary>
public sealed record ClientSalesPage(IReadOnlyList<SaleView> Sales, bool More)
{
    /// <summary>How many a screen shows first (and adds with "Show more").</summary>
    public const int PageSize = 50;

    /// <summary>The most one read returns.</summary>
    public const int MaxLimit = 500;
}

/// <summary>The selling commands and reads, for screens and the API alike.</summary>
public interface ISaleService
{
    /// <summary>Prices a sale exactly as <see cref="CreateAsync"/> would, without saving anything (payments are ignored).</summary>
    Task<SaleView> PreviewAsync(CreateSale command, CancellationToken ct = default);

    Task<SaleView> CreateAsync(CreateSale command, CancellationToken ct = default);

    Task<SaleView> PayAsync(PaySale command, CancellationToken ct = default);

    Task<SaleView> RefundAsync(RefundSale command, CancellationToken ct = default);

    Task<SaleView?> FindAsync(Guid saleId, CancellationToken ct = default);

    /// <summary>The client's sales with a balance still owed, oldest first.</summary>
    Task<IReadOnlyList<SaleView>> OpenForClientAsync(Guid clientId, CancellationToken ct = default);

    /// <summary>
    /// The client's sales and refunds, newest first: at most <paramref name="limit"/>
    /// (1 to <see cref="ClientSalesPage.MaxLimit"/>), and whether older ones exist.
    /// </summary>
    Task<ClientSalesPage> ForClientAsync(Guid clientId, int limit, CancellationToken ct = default);
}
