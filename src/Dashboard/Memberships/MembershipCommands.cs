using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Memberships;

namespace FrontDesk.Dashboard.Memberships;

/// <summary>The terms of a membership type as typed (checked by <see cref="MembershipTerms.Create"/>).</summary>
public sealed record MembershipTermsInput(int ValidityDays, ValidityStart ValidFrom, IReadOnlyList<Guid> ServiceIds, int? Visits, decimal? MoneyValue);

public sealed record SaveProduct(string? Name, decimal Price, MembershipTermsInput? Membership, Caller Caller);

public sealed record StockLine(Guid ProductId, int Quantity);

/// <summary>One line to sell: for a membership, quantity 1 and a typed code or <see cref="GenerateCode"/>; the holder is optional.</summary>
public sealed record SellLine(Guid ProductId, int Quantity, string? Code, bool GenerateCode, Guid? HolderClientId);

public sealed record SellProducts(Guid? ClientId, Guid? AppointmentId, IReadOnlyList<SellLine> Lines, IReadOnlyList<PaymentLine> Payments, Caller Caller)
{
    public string? IdempotencyKey { get; init; }
}
