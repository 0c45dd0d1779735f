using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;

namespace FrontDesk.Dashboard.Calendar;

/// <summary>
/// Books an appointment for an existing client, or for a new one registered in the same
/// transaction (<see cref="NewClient"/> set, <see cref="ClientId"/> empty), so that a refused
/// booking leaves no stray client behind.
/// <see cref="OverrideWorkingHours"/> is the manager's override of availability: booking
/// outside hours, in a break, on a day off or closure, or for a service the provider does not
/// perform (recorded on the appointment). Clashes are never overridable. Any caller may
/// override for now; issue 11 (staff and roles) limits it to managers.
/// </summary>
public sealed record BookAppointment(Guid ClientId, Guid ServiceId, Guid ProviderId, DateTimeOffset Start, bool OverrideWorkingHours, string? Note, Caller Caller)
{
    public Actor Actor => Caller.Actor;

    /// <summary>The same flag as <see cref="OverrideWorkingHours"/>, by the name the API uses.</summary>
    public bool OverrideAvailability => OverrideWorkingHours;

    public NewClientDetails? NewClient { get; init; }

    /// <summary>Book it as a session of this prepaid record (a green circle).</summary>
    public Guid? PackageRecordId { get; init; }

    /// <summary>Which circle; null takes the first free one that fits.</summary>
    public int? SessionNumber { get; init; }

    /// <summary>Online bookings with "redeem packages online" on: use the best valid record, if any.</summary>
    public bool UseBestPackage { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>Book even though the client has another appointment at an overlapping time (recorded on the appointment's history).</summary>
    public bool OverrideClientClash { get; init; }
}

public sealed record NewClientDetails(string Name, string? Phone, string? Email);

/// <summary>Moves an appointment; <see cref="OverrideWorkingHours"/> overrides availability as for booking (issue 11 limits it to managers).</summary>
public sealed record MoveAppointment(Guid AppointmentId, DateTimeOffset Start, Guid? ProviderId, bool OverrideWorkingHours, Caller Caller)
{
    public Actor Actor => Caller.Actor;

    /// <summary>The same flag as <see cref="OverrideWorkingHours"/>, by the name the API uses.</summary>
    public bool OverrideAvailability => OverrideWorkingHours;

    /// <summary>Move even though the client has another appointment at an overlapping time.</summary>
    public bool OverrideClientClash { get; init; }

    /// <summary>
    /// Move even though the appointment's prepaid record cannot pay for the new time (it is
    /// then paid normally and the session given back). Without it such a move is refused with
    /// <see cref="MoveAppointment.DropPackageConfirmation"/> as the question to ask.
    /// </summary>
    public bool DropPackage { get; init; }

    /// <summary>The <see cref="FrontDesk.Domain.Common.DomainException.Confirm"/> flag of a move that would drop the package.</summary>
    public const string DropPackageConfirmation = "dropPackage";
}

public sealed record CheckOutAppointment(Guid AppointmentId, IReadOnlyList<PaymentLine> Payments, Caller Caller)
{
    public Actor Actor => Caller.Actor;

    public string? IdempotencyKey { get; init; }
}

/// <summary>Turns a booked appointment into a session of a prepaid record (any time before check-out).</summary>
public sealed record AttachPackage(Guid AppointmentId, Guid PackageRecordId, int? SessionNumber, Caller Caller)
{
    public Actor Actor => Caller.Actor;

    public string? IdempotencyKey { get; init; }
}

/// <summary>
/// Checks in; with <see cref="RedeemRecordId"/> the appointment is first booked from that
/// prepaid record (a session of it, or the one named), all in one transaction: if the record
/// cannot pay, nothing is checked in, and if check-in is refused, nothing is redeemed.
/// </summary>
public sealed record CheckInAppointment(Guid AppointmentId, Caller Caller)
{
    public Actor Actor => Caller.Actor;

    public Guid? RedeemRecordId { get; init; }

    public int? RedeemSession { get; init; }

    public string? IdempotencyKey { get; init; }
}

public sealed record PaymentLine(PaymentMethod Method, decimal Amount);
