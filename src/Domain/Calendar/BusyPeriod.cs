using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Calendar;

/// <summary>
/// An existing appointment as the booking rules see it: who and what it holds, and when (and
/// for which client, when known). Its provider and resources stay taken for
/// <see cref="Buffer"/> after its end (its service's buffer).
/// </summary>
public sealed record BusyPeriod(AppointmentId AppointmentId, ProviderId ProviderId, IReadOnlyCollection<ResourceId> Resources, Slot Slot, ClientId? ClientId = null)
{
    public TimeSpan Buffer { get; init; }

    /// <summary>From its start to the end of its buffer: when its provider and resources are taken.</summary>
    public Slot Occupied => Buffer > TimeSpan.Zero ? new Slot(Slot.Start, Slot.End + Buffer) : Slot;
}
