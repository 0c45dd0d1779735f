using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Calendar;

/// <summary>
/// A client booked for a service with a provider at a time. Its lifecycle:
/// Booked -> CheckedIn -> Completed (checked out and paid), or NoShow / Cancelled.
/// Checking out straight from Booked is allowed: many clients pay without being checked in.
/// </summary>
public sealed class Appointment : AggregateRoot
{
    public const int MaxNoteLength = 500;
    private readonly List<ResourceId> _resources = [];
    private readonly List<AvailabilityReason> _overridden = [];

    private Appointment()
    {
        Note = string.Empty;
        CancelReason = string.Empty;
    }

    public AppointmentId Id { get; private set; }
    public ClientId ClientId { get; private set; }
    public ServiceId ServiceId { get; private set; }
    public ProviderId ProviderId { get; private set; }
    public IReadOnlyList<ResourceId> Resources => _resources;
    public DateTimeOffset Start { get; private set; }
    public DateTimeOffset End { get; private set; }
    public Slot Slot => new(Start, End);

    /// <summary>The service's price when booked; what check-out charges.</summary>
    public Money Price { get; private set; }
    public AppointmentStatus Status { get; private set; }
    public string Note { get; private set; }
    public bool BookedOutsideWorkingHours { get; private set; }

    /// <summary>
    /// The availability rules a manager overrode to book (or move) it here: outside hours, in a
    /// break, on a day off or closure, a service the provider does not perform. Empty when none.
    /// </summary>
    public IReadOnlyList<AvailabilityReason> OverriddenRules => _overridden;

    /// <summary>Booked (or moved) over another appointment of the same client, on purpose: the receptionist overrode the clash.</summary>
    public bool BookedOverClientClash { get; private set; }
    public DateTimeOffset BookedAt { get; private set; }
    public DateTimeOffset? CheckedInAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string CancelReason { get; private set; }
    public InvoiceId? InvoiceId { get; private set; }

    /// <summary>The prepaid record this appointment is booked from, if any.</summary>
    public PackageRecordId? PackageRecordId { get; private set; }

    /// <summary>The session (circle) of a count-based record it took.</summary>
    public int? PackageSession { get; private set; }

    /// <summary>How much of the price the record pays; the rest is paid at check-out.</summary>
    public decimal PackageCovers { get; private set; }

    /// <summary>Concurrency token: bumped by every change, so two desks never both win.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// Books a slot. <paramref name="busy"/> are the live appointments that may overlap it,
    /// read in the same transaction that saves the booking.
    /// </summary>
    public static Appointment Book(
        AppointmentId id,
        ClientId client,
        Service service,
        Staff.Provider provider,
        DateTimeOffset start,
        TimeZoneInfo businessZone,
        bool overrideWorkingHours,
        IEnumerable<BusyPeriod> busy,
        string? note,
        DateTimeOffset now,
        Actor actor,
        bool overrideClientClash = false) =>
        Book(id, client, service, provider, start, AvailabilityContext.Of(businessZone, busy), overrideWorkingHours, note, now, actor, overrideClientClash);

    /// <summary>
    /// Books a slot as <see cref="Availability.Check"/> allows it in <paramref name="context"/>
    /// (the live appointments, resources and closures read in the same transaction that saves
    /// the booking). With <paramref name="overrideAvailability"/> a manager books outside hours,
    /// in a break, on a day off or for a service the provider does not perform; the appointment
    /// records which rules were overridden. Clashes are never overridable.
    /// </summary>
    public static Appointment Book(
        AppointmentId id,
        ClientId client,
        Service service,
        Staff.Provider provider,
        DateTimeOffset start,
        AvailabilityContext context,
        bool overrideAvailability,
        string? note,
        DateTimeOffset now,
        Actor actor,
        bool overrideClientClash = false)
    {
        EnsureBookableStart(start, now);
        var slot = Slot.Starting(start, service.Duration);
        var periods = context.Busy;
        var verdict = BookingRules.EnsureCanTake(service, provider, slot, context, overrideAvailability);
        BookingRules.EnsureClientFree(client, slot, context.Zone, overrideClientClash, periods);
        var appointment = new Appointment
        {
            Id = id,
            ClientId = client,
            ServiceId = service.Id,
            ProviderId = provider.Id,
            Start = slot.Start,
            End = slot.End,
            Price = service.Price,
            Status = AppointmentStatus.Booked,
            Note = Text.Optional(note, "note", "Note", MaxNoteLength),
            BookedOutsideWorkingHours = verdict.Overridden.Count > 0,
            BookedOverClientClash = overrideClientClash && periods.Any(b => b.ClientId == client && b.Slot.Overlaps(slot)),
            BookedAt = now,
        };
        appointment._resources.AddRange(verdict.Resources);
        appointment._overridden.AddRange(verdict.Overridden);
        appointment.Raise(new AppointmentBooked(id, now, actor));
        return appointment;
    }

    /// <summary>Moves to another time and/or provider, keeping the service.</summary>
    public void Move(
        Service service,
        Staff.Provider provider,
        DateTimeOffset newStart,
        TimeZoneInfo businessZone,
        bool overrideWorkingHours,
        IEnumerable<BusyPeriod> busy,
        DateTimeOffset now,
        Actor actor,
        bool overrideClientClash = false) =>
        Move(service, provider, newStart, AvailabilityContext.Of(businessZone, busy), overrideWorkingHours, now, actor, overrideClientClash);

    /// <summary>Moves to another time and/or provider, keeping the service, by the same rules as booking.</summary>
    public void Move(
        Service service,
        Staff.Provider provider,
        DateTimeOffset newStart,
        AvailabilityContext context,
        bool overrideAvailability,
        DateTimeOffset now,
        Actor actor,
        bool overrideClientClash = false)
    {
        EnsureStatus("moved", AppointmentStatus.Booked, AppointmentStatus.CheckedIn);
        if (service.Id != ServiceId)
        {
            throw DomainException.Invalid("Moving keeps the service; book a new appointment for another service.", "serviceId");
        }
        EnsureBookableStart(newStart, now);
        var slot = Slot.Starting(newStart, End - Start);
        var periods = context.Busy;
        var verdict = BookingRules.EnsureCanTake(service, provider, slot, context, overrideAvailability, Id);
        BookingRules.EnsureClientFree(ClientId, slot, context.Zone, overrideClientClash, periods, Id);
        var from = Slot;
        var fromProvider = ProviderId;
        Start = slot.Start;
        End = slot.End;
        ProviderId = provider.Id;
        _resources.Clear();
        _resources.AddRange(verdict.Resources);
        _overridden.Clear();
        _overridden.AddRange(verdict.Overridden);
        BookedOutsideWorkingHours = verdict.Overridden.Count > 0;
        BookedOverClientClash = overrideClientClash && periods.Any(b => b.ClientId == ClientId && b.AppointmentId != Id && b.Slot.Overlaps(slot));
        Touch();
        Raise(new AppointmentMoved(Id, from, fromProvider, now, actor));
    }

    /// <summary>
    /// The client has arrived. Check-in opens as the business's <paramref name="window"/> says
    /// (by default on the appointment's day); earlier is refused, as it is almost always the
    /// wrong appointment. Without a window, check-in opens a day before the start.
    /// </summary>
    public void CheckIn(DateTimeOffset now, Actor actor, CheckInWindow? window = null)
    {
        EnsureStatus("checked in", AppointmentStatus.Booked);
        var opens = window ?? new CheckInWindow(Start - TimeSpan.FromDays(1), "a day before the start");
        if (now < opens.OpensAt)
        {
            throw DomainException.Rule($"It is too early to check in: check-in opens {opens.Description}.", "start");
        }
        Status = AppointmentStatus.CheckedIn;
        CheckedInAt = now;
        Touch();
        Raise(new AppointmentCheckedIn(Id, now, actor));
    }

    /// <summary>Checks out: the invoice that pays the appointment has been settled in full.</summary>
    public void CheckOut(Sales.Invoice invoice, DateTimeOffset now, Actor actor, bool allowBalanceOwed = false)
    {
        EnsureStatus("checked out", AppointmentStatus.Booked, AppointmentStatus.CheckedIn);
        if (invoice.AppointmentId != Id || !(invoice.IsPaid || allowBalanceOwed && invoice.ClientId == ClientId))
        {
            throw DomainException.Rule("The appointment can only be checked out with its invoice paid in full.");
        }
        CheckedInAt ??= now;
        Status = AppointmentStatus.Completed;
        CompletedAt = now;
        InvoiceId = invoice.Id;
        Touch();
        Raise(new AppointmentCheckedOut(Id, invoice.Id, invoice.Total, now, actor));
    }

    public void MarkNoShow(DateTimeOffset now, Actor actor)
    {
        EnsureStatus("marked as no-show", AppointmentStatus.Booked);
        if (now < Start)
        {
            throw DomainException.Rule("A client can only be marked as no-show once the appointment has started.");
        }
        Status = AppointmentStatus.NoShow;
        Touch();
        Raise(new AppointmentMarkedNoShow(Id, now, actor));
    }

    public void Cancel(string? reason, DateTimeOffset now, Actor actor)
    {
        EnsureStatus("cancelled", AppointmentStatus.Booked, AppointmentStatus.CheckedIn);
        CancelReason = Text.Optional(reason, "reason", "Reason", 200);
        Status = AppointmentStatus.Cancelled;
        CancelledAt = now;
        Touch();
        Raise(new AppointmentCancelled(Id, CancelReason, now, actor));
    }

    /// <summary>Books (or turns) this appointment into one paid from a prepaid record; any time before check-out.</summary>
    public void UsePackage(PackageRecordId record, int? session, decimal covers, DateTimeOffset now, Actor actor)
    {
        EnsureStatus("booked from a package", AppointmentStatus.Booked, AppointmentStatus.CheckedIn);
        if (PackageRecordId is not null)
        {
            throw DomainException.Conflict("This appointment is already booked from a package; remove that first.");
        }
        if (covers < 0m || covers > Price.Amount)
        {
            throw DomainException.Invalid("A package covers between nothing and the whole price.");
        }
        PackageRecordId = record;
        PackageSession = session;
        PackageCovers = covers;
        Touch();
        Raise(new AppointmentPackageChanged(Id, record, now, actor));
    }

    /// <summary>Stops paying this appointment from its record (it is paid normally at check-out).</summary>
    public void DropPackage(DateTimeOffset now, Actor actor)
    {
        if (PackageRecordId is null)
        {
            return;
        }
        if (Status == AppointmentStatus.Completed)
        {
            throw DomainException.Conflict("A checked-out appointment keeps how it was paid.");
        }
        PackageRecordId = null;
        PackageSession = null;
        PackageCovers = 0m;
        Touch();
        Raise(new AppointmentPackageChanged(Id, null, now, actor));
    }

    /// <summary>
    /// A booking or move starts from yesterday on and at most <see cref="Limits.YearsAhead"/>
    /// years ahead; checked before anything else is looked at.
    /// </summary>
    public static void EnsureBookableStart(DateTimeOffset start, DateTimeOffset now)
    {
        if (start < now - TimeSpan.FromDays(1))
        {
            throw DomainException.Rule("That time is in the past; pick a time from yesterday on.", "start");
        }
        Limits.EnsureInstant(start, now, "start", "The appointment's day");
    }

    private void EnsureStatus(string action, params AppointmentStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw DomainException.Conflict($"This appointment is already {Status.Describe()} and cannot be {action}.");
        }
    }

    private void Touch() => Version++;
}

/// <summary>From when an appointment can be checked in, and how a receptionist says it ("on the day of the appointment").</summary>
public sealed record CheckInWindow(DateTimeOffset OpensAt, string Description);

public abstract record AppointmentEvent(AppointmentId AppointmentId, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);

public sealed record AppointmentBooked(AppointmentId AppointmentId, DateTimeOffset OccurredAt, Actor Actor) : AppointmentEvent(AppointmentId, OccurredAt, Actor);

public sealed record AppointmentMoved(AppointmentId AppointmentId, Slot From, ProviderId FromProvider, DateTimeOffset OccurredAt, Actor Actor) : AppointmentEvent(AppointmentId, OccurredAt, Actor);

public sealed record AppointmentCheckedIn(AppointmentId AppointmentId, DateTimeOffset OccurredAt, Actor Actor) : AppointmentEvent(AppointmentId, OccurredAt, Actor);

public sealed record AppointmentCheckedOut(AppointmentId AppointmentId, InvoiceId InvoiceId, Money Total, DateTimeOffset OccurredAt, Actor Actor) : AppointmentEvent(AppointmentId, OccurredAt, Actor);

public sealed record AppointmentMarkedNoShow(AppointmentId AppointmentId, DateTimeOffset OccurredAt, Actor Actor) : AppointmentEvent(AppointmentId, OccurredAt, Actor);

public sealed record AppointmentPackageChanged(AppointmentId AppointmentId, PackageRecordId? RecordId, DateTimeOffset OccurredAt, Actor Actor) : AppointmentEvent(AppointmentId, OccurredAt, Actor);

public sealed record AppointmentCancelled(AppointmentId AppointmentId, string Reason, DateTimeOffset OccurredAt, Actor Actor) : AppointmentEvent(AppointmentId, OccurredAt, Actor);
