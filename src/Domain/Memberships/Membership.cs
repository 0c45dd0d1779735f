using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Memberships;

/// <summary>
/// One visit taken from a membership: which visit, which appointment, when and who. When the
/// appointment is cancelled the visit is given back: it stays in the history, marked returned
/// (when and who), and no longer counts.
/// </summary>
public sealed record MembershipVisit(int Number, DateTimeOffset At, Guid AppointmentId, Guid ServiceId, Guid? ClientId, string ActorId, string ActorName)
{
    /// <summary>When the visit was given back (its appointment was cancelled); null while it counts.</summary>
    public DateTimeOffset? ReturnedAt { get; private set; }

    public string? ReturnedById { get; private set; }

    public string? ReturnedByName { get; private set; }

    public bool IsReturned => ReturnedAt is not null;

    internal void Return(DateTimeOffset now, Actor actor)
    {
        ReturnedAt = now;
        ReturnedById = actor.Id;
        ReturnedByName = actor.DisplayName;
    }
}

/// <summary>
/// One membership sold: a unit of a membership type, with its own code. It may have no holder
/// (a bearer gift, usable by whoever shows the code) and be assigned to a client later. Each
/// visit used is kept; validity and the covered services are enforced at every use.
/// </summary>
public sealed class Membership : AggregateRoot
{
    private readonly List<MembershipVisit> _visits = [];

    private Membership()
    {
        Code = string.Empty;
        NormalizedCode = string.Empty;
        TypeName = string.Empty;
        Currency = string.Empty;
        Terms = null!;
    }

    public MembershipId Id { get; private set; }

    /// <summary>The code as typed (trimmed).</summary>
    public string Code { get; private set; }

    /// <summary>The code upper-cased; unique across all memberships.</summary>
    public string NormalizedCode { get; private set; }

    public ProductId ProductId { get; private set; }
    public string TypeName { get; private set; }
    public MembershipTerms Terms { get; private set; }
    public decimal Price { get; private set; }
    public string Currency { get; private set; }
    public InventoryDocumentId SaleId { get; private set; }
    public DateTimeOffset SoldAt { get; private set; }
    public DateOnly SoldOn { get; private set; }
    public Guid? HolderClientId { get; private set; }
    public DateOnly? FirstUsedOn { get; private set; }
    public IReadOnlyList<MembershipVisit> Visits => _visits;

    /// <summary>The visits that count (a visit given back does not).</summary>
    public int VisitsUsed => _visits.Count(v => !v.IsReturned);
    public int? VisitsLeft => Terms.Visits is { } v ? v - VisitsUsed : null;
    public bool IsBearer => HolderClientId is null;

    /// <summary>When the membership's sale line was refunded; it cannot be used after that.</summary>
    public DateTimeOffset? RefundedAt { get; private set; }

    /// <summary>The last valid day: from the sale day, or from the first use (none while unused).</summary>
    public DateOnly? ValidUntil => Terms.ValidFrom == ValidityStart.Sale
        ? SoldOn.AddDays(Terms.ValidityDays - 1)
        : FirstUsedOn?.AddDays(Terms.ValidityDays - 1);

    public static Membership Sell(MembershipId id, Product type, MembershipCode code, Guid? holder, InventoryDocumentId saleId, DateTimeOffset now, DateOnly today, Actor actor)
    {
        var terms = type.Membership ?? throw DomainException.Rule($"{type.Name} is not a membership type.");
        var membership = new Membership
        {
            Id = id,
            Code = code.Value,
            NormalizedCode = code.Normalized,
            ProductId = type.Id,
            TypeName = type.Name,
            Terms = terms,
            Price = type.Price,
            Currency = type.Currency,
            SaleId = saleId,
            SoldAt = now,
            SoldOn = today,
            HolderClientId = holder,
        };
        membership.Raise(new MembershipSold(id, code.Value, type.Id, holder, now, actor));
        return membership;
    }

    /// <summary>Gives a bearer membership to a client. One already held by someone else is refused.</summary>
    public void AssignTo(Guid client, DateTimeOffset now, Actor actor)
    {
        if (client == Guid.Empty)
        {
            throw DomainException.Invalid("Choose the client to assign the membership to.", "clientId");
        }
        if (HolderClientId == client)
        {
            return;
        }
        if (HolderClientId is not null)
        {
            throw DomainException.Conflict($"Membership {Code} already belongs to another client.");
        }
        HolderClientId = client;
        Raise(new MembershipAssigned(Id, Code, client, now, actor));
    }

    /// <summary>Its sale line is refunded: only while no visit has been used; it cannot be used afterwards.</summary>
    public void Refund(DateTimeOffset now, Actor actor)
    {
        if (RefundedAt is not null)
        {
            throw DomainException.Conflict($"Membership {Code} is already refunded.");
        }
        if (VisitsUsed is var used and > 0)
        {
            throw DomainException.Rule($"Membership {Code} cannot be refunded: {used} visit{(used == 1 ? " was" : "s were")} already used.", "lines");
        }
        RefundedAt = now;
        Raise(new MembershipRefunded(Id, Code, now, actor));
    }

    /// <summary>
    /// Uses one visit for an appointment: refused when the membership is not yet or no longer
    /// valid, does not cover the service, has no visits left, belongs to another client, or was
    /// already used for that appointment.
    /// </summary>
    public MembershipVisit Use(Guid appointmentId, Guid serviceId, Guid? appointmentClient, DateTimeOffset now, DateOnly today, Actor actor)
    {
        if (RefundedAt is not null)
        {
            throw DomainException.Rule($"Membership {Code} was refunded and cannot be used.", "code");
        }
        if (HolderClientId is { } holder && appointmentClient is { } client && holder != client)
        {
            throw DomainException.Rule($"Membership {Code} belongs to another client; only its holder can use it.", "code");
        }
        if (_visits.Any(v => v.AppointmentId == appointmentId && !v.IsReturned))
        {
            throw DomainException.Conflict($"Membership {Code} was already used for this appointment.");
        }
        if (today < SoldOn)
        {
            throw DomainException.Rule($"Membership {Code} is not valid before {SoldOn.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}.", "code");
        }
        if (ValidUntil is { } until && today > until)
        {
            throw DomainException.Rule($"Membership {Code} expired on {until.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}.", "code");
        }
        if (!Terms.Covers(serviceId))
        {
            throw DomainException.Rule($"Membership {Code} ({TypeName}) does not cover this service.", "code");
        }
        if (VisitsLeft is <= 0)
        {
            throw DomainException.Rule($"Membership {Code} has no visits left (all {Terms.Visits} used).", "code");
        }
        FirstUsedOn ??= today;
        var visit = new MembershipVisit(VisitsUsed + 1, now, appointmentId, serviceId, appointmentClient, actor.Id, actor.DisplayName);
        _visits.Add(visit);
        Raise(new MembershipUsed(Id, Code, appointmentId, visit.Number, now, actor));
        return visit;
    }

    /// <summary>
    /// Gives back the visit used for an appointment that was cancelled: it stays in the history,
    /// marked returned (when, who), and can be used again. A membership whose validity runs from
    /// first use and has no visit left counting is unused again (its validity has not started).
    /// Nothing to give back (no visit for that appointment, or already returned) changes nothing.
    /// </summary>
    public MembershipVisit? ReturnVisit(Guid appointmentId, DateTimeOffset now, Actor actor)
    {
        var visit = _visits.FirstOrDefault(v => v.AppointmentId == appointmentId && !v.IsReturned);
        if (visit is null)
        {
            return null;
        }
        visit.Return(now, actor);
        if (VisitsUsed == 0)
        {
            FirstUsedOn = null;
        }
        Raise(new MembershipVisitReturned(Id, Code, HolderClientId, appointmentId, visit.Number, now, actor));
        return visit;
    }
}

public sealed record MembershipVisitReturned(MembershipId MembershipId, string Code, Guid? HolderClientId, Guid AppointmentId, int Visit, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);

public sealed record MembershipRefunded(MembershipId MembershipId, string Code, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);

public sealed record MembershipSold(MembershipId MembershipId, string Code, ProductId ProductId, Guid? HolderClientId, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);

public sealed record MembershipAssigned(MembershipId MembershipId, string Code, Guid ClientId, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);

public sealed record MembershipUsed(MembershipId MembershipId, string Code, Guid AppointmentId, int Visit, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);
