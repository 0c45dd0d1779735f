using FrontDesk.Domain.Quotes;
using FrontDesk.Domain.Sales;

namespace FrontDesk.Dashboard.Quotes;

public sealed record SequenceView(Guid Id, SequenceKind Kind, string Prefix, int NextNumber, bool YearlyReset, string NextPreview)
{
    public static SequenceView From(NumberingSequence s, int localYear) => new(s.Id, s.Kind, s.Prefix, s.NextNumber, s.YearlyReset, s.Preview(localYear));
}

public sealed record PrescribedItemView(Guid ServiceId, int Quantity, decimal Price);

public sealed record QuoteTemplateView(Guid Id, string Name, IReadOnlyList<PrescribedItemView> Items, int ValidityDays, bool Active, bool Used)
{
    public static QuoteTemplateView From(QuoteTemplate t, bool used) =>
        new(t.Id, t.Name, t.Items.Select(i => new PrescribedItemView(i.ServiceId.Value, i.Quantity, i.Price)).ToList(), t.ValidityDays, t.Active, used);
}

/// <summary>One prescribed item: <see cref="ItemId"/> is what a sale names.</summary>
public sealed record QuoteItemView(int ItemId, Guid ServiceId, string ServiceName, int Prescribed, int Sold, int Remaining, decimal Price);

public sealed record QuoteView(
    Guid Id,
    Guid ClientId,
    Guid? TemplateId,
    string Description,
    string? Number,
    DateOnly Start,
    DateOnly Expiry,
    Guid? ConsultantId,
    string? ConsultantName,
    QuoteStatus Status,
    bool Expired,
    string Currency,
    IReadOnlyList<QuoteItemView> Items)
{
    /// <summary>Confirmed, started and not expired: items can be sold from it.</summary>
    public bool CanSell { get; init; }

    public static QuoteView From(Quote q, string? consultantName, DateOnly localToday) => new(
        q.Id, q.ClientId.Value, q.TemplateId, q.Description, q.Number, q.StartsOn, q.ExpiresOn, q.ConsultantId?.Value, consultantName,
        q.Status, q.IsExpired(localToday), q.Currency,
        q.Items.Select(i => new QuoteItemView(i.Number, i.ServiceId.Value, i.ServiceName, i.Prescribed, i.Sold, i.Remaining, i.Price)).ToList())
    {
        CanSell = q.Status == QuoteStatus.Confirmed && !q.IsExpired(localToday) && localToday >= q.StartsOn && q.Items.Any(i => i.Remaining > 0),
    };
}

public sealed record CreditView(Guid Id, Guid ServiceId, string ServiceName, decimal Price, string Currency, CreditSource Source, Guid? QuoteId, CreditStatus Status, DateTimeOffset PurchasedAt, Guid? AppointmentId, DateTimeOffset? UsedAt)
{
    public static CreditView From(ServiceCredit c) =>
        new(c.Id, c.ServiceId.Value, c.ServiceName, c.Price, c.Currency, c.Source, c.QuoteId, c.Status, c.PurchasedAt, c.AppointmentId?.Value, c.UsedAt);
}

/// <summary>What a sale of credits made: its invoice, the total paid and the credits created (and the quote, when sold from one).</summary>
public sealed record CreditSaleView(Guid InvoiceId, decimal Total, string Currency, IReadOnlyList<CreditView> Credits, QuoteView? Quote);
