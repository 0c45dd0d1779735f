using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Quotes;

namespace FrontDesk.Dashboard.Quotes;

public sealed record SaveSequence(SequenceKind Kind, string? Prefix, int NextNumber, bool YearlyReset, Caller Caller);

public sealed record SaveQuoteTemplate(string? Name, IReadOnlyList<PrescribedItemView> Items, int ValidityDays, Caller Caller);

/// <summary>
/// A new quote: a manual <see cref="Number"/>, or <see cref="AutoNumber"/> (the next quote
/// number), or neither (no number). Start defaults to today, expiry to start + the template's validity.
/// </summary>
public sealed record CreateQuote(Guid ClientId, Guid TemplateId, string? Description, string? Number, bool AutoNumber, DateOnly? Start, DateOnly? Expiry, Guid? ConsultantId, Caller Caller);

/// <summary>An item to prescribe; without a price, the service's own price.</summary>
public sealed record QuoteItemInput(Guid ServiceId, int Quantity, decimal? Price);

public sealed record SellFromQuote(Guid QuoteId, IReadOnlyList<(int ItemId, int Quantity)> Items, IReadOnlyList<PaymentLine> Payments, Caller Caller)
{
    public string? IdempotencyKey { get; init; }
}

/// <summary>Sells services as prepaid credits; a service named twice is sold twice.</summary>
public sealed record SellServices(Guid ClientId, IReadOnlyList<Guid> ServiceIds, IReadOnlyList<PaymentLine> Payments, Caller Caller)
{
    public string? IdempotencyKey { get; init; }
}
