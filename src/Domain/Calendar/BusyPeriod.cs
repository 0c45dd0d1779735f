using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Calendar;

/// <summary>An existing appointment as the booking rules see it: who and what it holds, and when (and for which client, when known).</summary>
public sealed record BusyPeriod(AppointmentId AppointmentId, ProviderId ProviderId, IReadOnlyCollection<ResourceId> Resources, Slot Slot, ClientId? ClientId = null);
