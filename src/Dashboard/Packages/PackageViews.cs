using FrontDesk.Domain.Packages;

namespace FrontDesk.Dashboard.Packages;

public sealed record PackageLineView(Guid ServiceId, int Count);

public sealed record RestrictionsView(IReadOnlyList<DayOfWeek> Weekdays, TimeOnly? From, TimeOnly? To, DateOnly? FirstDate, DateOnly? LastDate, IReadOnlyList<DateOnly> FixedDates);

public sealed record TemplateView(
    Guid Id,
    string Name,
    PackageKind Kind,
    PackageValueType ValueType,
    IReadOnlyList<PackageLineView> Lines,
    IReadOnlyList<Guid> ServiceIds,
    bool AllServices,
    decimal Value,
    decimal Price,
    string Currency,
    decimal DiscountPercent,
    bool ForSale,
    Guid? ProviderId,
    int? ExpiryLength,
    ExpiryUnit? ExpiryUnit,
    RestrictionsView Restrictions,
    TemplateStatus Status)
{
    public static TemplateView From(PackageTemplate t) => new(
        t.Id.Value, t.Name, t.Kind, t.ValueType,
        t.Lines.Select(l => new PackageLineView(l.ServiceId.Value, l.Count)).ToList(),
        t.Services.Select(s => s.Value).ToList(), t.AllServices, t.Value, t.Price.Amount, t.Price.Currency, t.DiscountPercent, t.ForSale,
        t.Provider?.Value, t.Expiry?.Length, t.Expiry?.Unit,
        new RestrictionsView(t.Restrictions.Weekdays, t.Restrictions.From, t.Restrictions.To, t.Restrictions.FirstDate, t.Restrictions.LastDate, t.Restrictions.FixedDates),
        t.Status);
}

public sealed record SessionView(int Number, SessionState State, Guid? AppointmentId, Guid? ServiceId)
{
    /// <summary>Red because a no-show or late cancellation used it up (the business's policy), not because it was redeemed.</summary>
    public bool Forfeited { get; init; }
}

public sealed record BalanceView(decimal Total, decimal Held, decimal Used, decimal Remaining);

public sealed record FreezeView(DateOnly From, DateOnly To);

/// <summary>A client's package record as screens and the API show it.</summary>
public sealed record RecordView(
    Guid Id,
    Guid TemplateId,
    Guid ClientId,
    string Name,
    bool CountBased,
    PackageValueType ValueType,
    AcquisitionMode Mode,
    bool IsPaid,
    RecordStatus Status,
    DateTimeOffset PurchasedAt,
    DateOnly? ExpiresOn,
    IReadOnlyList<SessionView> Sessions,
    BalanceView? Balance,
    IReadOnlyList<FreezeView> Freezes,
    string Currency,
    int Version)
{
    /// <summary>What the record costs on its invoice (0 when given free); what Pay must settle.</summary>
    public decimal Price { get; init; }

    public static RecordView From(PackageRecord r, PackageTemplate? template)
    {
        var forfeited = r.Ledger.Where(e => e.Kind == LedgerKind.Forfeit && e.AppointmentId is not null).Select(e => e.AppointmentId!.Value).ToHashSet();
        return From(r, template, forfeited);
    }

    private static RecordView From(PackageRecord r, PackageTemplate? template, HashSet<Guid> forfeited) => new(
        r.Id.Value, r.TemplateId.Value, r.ClientId.Value, r.Name, r.CountBased, r.ValueType, r.Mode, r.IsPaid, r.Status, r.PurchasedAt, r.ExpiresOn,
        r.Sessions.OrderBy(s => s.Number)
            .Select(s => new SessionView(s.Number, s.State, s.AppointmentId, s.Line is { } line && template is not null && line < template.Lines.Count ? template.Lines[line].ServiceId.Value : null)
            {
                Forfeited = s.State == SessionState.Redeemed && s.AppointmentId is { } a && forfeited.Contains(a),
            })
            .ToList(),
        r.CountBased ? null : new BalanceView(r.Available + r.Held + r.Used, r.Held, r.Used, r.Available),
        r.Freezes.Select(f => new FreezeView(f.From, f.To)).ToList(),
        r.Currency,
        r.Version)
    {
        Price = r.PricePaid,
    };
}

public sealed record LedgerView(int Sequence, LedgerKind Kind, decimal AvailableDelta, decimal HeldDelta, decimal UsedDelta, DateTimeOffset At, string ActorName, Guid? AppointmentId, string Note);

/// <summary>A record offered in the booking drawer: usable for this booking, or greyed with the reason.</summary>
public sealed record RecordOption(RecordView Record, string? Refusal)
{
    public bool Usable => Refusal is null;
}
