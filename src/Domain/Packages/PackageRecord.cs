using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Packages;

/// <summary>How a record came to the client.</summary>
public enum AcquisitionMode
{
    /// <summary>Sold on an invoice that was paid.</summary>
    Paid,
    /// <summary>On an open invoice, to be paid later; usable meanwhile.</summary>
    Unpaid,
    /// <summary>Given free, with a reason.</summary>
    Complimentary,
    /// <summary>Received from another client's record.</summary>
    Transfer,
}

public enum RecordStatus
{
    Active,
    Cancelled,
}

/// <summary>Green: free to book. Orange: booked, not yet redeemed. Red: redeemed.</summary>
public enum SessionState
{
    Free,
    Booked,
    Redeemed,
}

/// <summary>When a booked session counts as used: at check-out (default) or as soon as it is booked.</summary>
public enum RedemptionPolicy
{
    AtCheckOut,
    AtBooking,
}

/// <summary>One session of a count-based record. <see cref="Line"/> is the template line it belongs to (course/fixed).</summary>
public sealed class PackageSession
{
    private PackageSession()
    {
    }

    internal PackageSession(int number, int? line)
    {
        Number = number;
        Line = line;
        State = SessionState.Free;
    }

    public int Number { get; private set; }
    public int? Line { get; private set; }
    public SessionState State { get; private set; }
    public Guid? AppointmentId { get; private set; }

    internal void Book(Guid appointment, bool redeemNow)
    {
        State = redeemNow ? SessionState.Redeemed : SessionState.Booked;
        AppointmentId = appointment;
    }

    internal void Redeem() => State = SessionState.Redeemed;

    internal void Free()
    {
        State = SessionState.Free;
        AppointmentId = null;
    }
}

/// <summary>Minutes or money held for (or taken by) one appointment of a balance record.</summary>
public sealed class BalanceHold
{
    private BalanceHold()
    {
    }

    internal BalanceHold(Guid appointmentId, decimal amount, bool captured)
    {
        AppointmentId = appointmentId;
        Amount = amount;
        Captured = captured;
    }

    public Guid AppointmentId { get; private set; }
    public decimal Amount { get; private set; }
    public bool Captured { get; private set; }

    internal void Capture() => Captured = true;
}

public enum LedgerKind
{
    Purchase,
    Hold,
    Redeem,
    Release,
    Adjust,
    Freeze,
    TransferOut,
    TransferIn,
    Expire,
    Cancel,
    Payment,
    /// <summary>A no-show or late cancellation used the session up (the business's policy).</summary>
    Forfeit,
}

/// <summary>
/// One change of a record's balance, written in the same transaction as the change. In the
/// record's unit: sessions, minutes or money. Available + Held + Used always equal the sums of
/// their deltas.
/// </summary>
public sealed record LedgerEntry(
    int Sequence,
    LedgerKind Kind,
    decimal AvailableDelta,
    decimal HeldDelta,
    decimal UsedDelta,
    DateTimeOffset At,
    string ActorName,
    Guid? AppointmentId,
    string Note);

/// <summary>What a booking takes from a record: sessions, or minutes/money covering part or all of the service.</summary>
public sealed record Coverage(PackageRecordId RecordId, int? SessionNumber, decimal Units, bool FullyCovered);
