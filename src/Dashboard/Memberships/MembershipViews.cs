using FrontDesk.Domain.Memberships;

namespace FrontDesk.Dashboard.Memberships;

public sealed record MembershipTermsView(int ValidityDays, ValidityStart ValidFrom, IReadOnlyList<Guid> ServiceIds, int? Visits, decimal? MoneyValue)
{
    public static MembershipTermsView? From(MembershipTerms? t) => t is null ? null : new(t.ValidityDays, t.ValidFrom, t.ServiceIds.ToList(), t.Visits, t.MoneyValue);
}

public sealed record ProductView(Guid Id, string Name, decimal Price, string Currency, bool Active, int Stock, bool IsMembership, MembershipTermsView? Membership)
{
    public static ProductView From(Product p) => new(p.Id.Value, p.Name, p.Price, p.Currency, p.Active, p.Stock, p.IsMembership, MembershipTermsView.From(p.Membership));
}

public sealed record SoldLineView(Guid ProductId, string ProductName, int Quantity, decimal UnitPrice, decimal Amount, string? Code, Guid? HolderClientId);

public sealed record PaymentView(FrontDesk.Domain.Sales.PaymentMethod Method, decimal Amount);

/// <summary>An inventory document as screens and the API show it; <see cref="Warning"/> when stock went below zero.</summary>
public sealed record InventoryDocumentView(
    Guid Id,
    InventoryOperation Operation,
    DateTimeOffset At,
    string Author,
    string Note,
    Guid? ClientId,
    Guid? AppointmentId,
    decimal Total,
    string Currency,
    IReadOnlyList<SoldLineView> Lines,
    IReadOnlyList<PaymentView> Payments,
    string? Warning)
{
    public static InventoryDocumentView From(InventoryDocument d) => new(
        d.Id.Value, d.Operation, d.At, d.AuthorName, d.Note, d.ClientId, d.AppointmentId, d.Total, d.Currency,
        d.Lines.Select(l => new SoldLineView(l.ProductId, l.ProductName, l.Quantity, l.UnitPrice, l.Amount, l.Code, l.HolderClientId)).ToList(),
        d.Payments.Select(p => new PaymentView(p.Method, p.Amount)).ToList(),
        d.WentNegative ? "Stock went below zero: record the arrival when the goods come in." : null);
}

/// <summary>One visit in a membership's history; <see cref="ReturnedAt"/> when it was given back (its appointment cancelled).</summary>
public sealed record MembershipVisitView(int Number, DateTimeOffset At, Guid AppointmentId, Guid ServiceId, Guid? ClientId, string By)
{
    public DateTimeOffset? ReturnedAt { get; init; }

    public string? ReturnedBy { get; init; }
}

public sealed record MembershipView(
    Guid Id,
    string Code,
    Guid ProductId,
    string TypeName,
    Guid? HolderClientId,
    string? HolderName,
    DateTimeOffset SoldAt,
    decimal Price,
    string Currency,
    DateOnly? ValidUntil,
    int? Visits,
    int VisitsUsed,
    int? VisitsLeft,
    ValidityStart ValidFrom,
    int ValidityDays,
    IReadOnlyList<Guid> ServiceIds,
    IReadOnlyList<MembershipVisitView> History)
{
    public static MembershipView From(Membership m, string? holderName) => new(
        m.Id.Value, m.Code, m.ProductId.Value, m.TypeName, m.HolderClientId, holderName, m.SoldAt, m.Price, m.Currency,
        m.ValidUntil, m.Terms.Visits, m.VisitsUsed, m.VisitsLeft, m.Terms.ValidFrom, m.Terms.ValidityDays, m.Terms.ServiceIds.ToList(),
        m.Visits.Select(v => new MembershipVisitView(v.Number, v.At, v.AppointmentId, v.ServiceId, v.ClientId, v.ActorName) { ReturnedAt = v.ReturnedAt, ReturnedBy = v.ReturnedByName }).ToList());
}

/// <summary>One membership sold, for the statistics.</summary>
public sealed record MembershipSaleRow(DateTimeOffset SoldAt, string Code, string TypeName, Guid? HolderClientId, string? HolderName, decimal Amount, string Currency, string SoldBy);

/// <summary>Memberships sold of one type in a period.</summary>
public sealed record MembershipTypeTotal(Guid ProductId, string TypeName, int Sold, decimal Amount);

public sealed record MembershipReport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<MembershipTypeTotal> ByType, IReadOnlyList<MembershipSaleRow> Sales);
