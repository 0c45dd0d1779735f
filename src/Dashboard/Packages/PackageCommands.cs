using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;

namespace FrontDesk.Dashboard.Packages;

public sealed record SaveTemplate(
    string Name,
    PackageKind Kind,
    PackageValueType ValueType,
    IReadOnlyList<PackageLineView> Lines,
    IReadOnlyList<Guid> ServiceIds,
    bool AllServices,
    decimal Value,
    decimal Price,
    decimal DiscountPercent,
    bool ForSale,
    Guid? ProviderId,
    int? ExpiryLength,
    ExpiryUnit ExpiryUnit,
    RestrictionsView? Restrictions,
    Caller Caller)
{
    public Actor Actor => Caller.Actor;
}

/// <summary>Sell (Paid, with payments), assign unpaid (open invoice) or give (Complimentary, with a reason).</summary>
public sealed record AcquirePackage(Guid ClientId, Guid TemplateId, AcquisitionMode Mode, string? Reason, IReadOnlyList<PaymentLine>? Payments, Caller Caller)
{
    public Actor Actor => Caller.Actor;

    public string? IdempotencyKey { get; init; }
}
