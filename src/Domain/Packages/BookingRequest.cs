using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Packages;

/// <summary>An appointment as a record sees it: what, with whom, when (local wall-clock time), and what it costs.</summary>
public sealed record PackageUse(
    Guid AppointmentId,
    ServiceId Service,
    ProviderId Provider,
    DateTime LocalStart,
    DateTime LocalEnd,
    decimal Price)
{
    public decimal Minutes => (decimal)(LocalEnd - LocalStart).TotalMinutes;
}
