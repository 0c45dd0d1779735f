using FrontDesk.Domain.Common;
using FrontDesk.Domain.Calendar;

namespace FrontDesk.Dashboard.Calendar;

/// <summary>An appointment as screens show it: immutable, with the names already resolved.</summary>
public sealed record AppointmentView(
    Guid Id,
    Guid ClientId,
    string ClientName,
    Guid ServiceId,
    string ServiceName,
    string Activity,
    Guid ProviderId,
    string ProviderName,
    DateTimeOffset Start,
    DateTimeOffset End,
    AppointmentStatus Status,
    decimal Price,
    string Currency,
    string Note,
    Guid? InvoiceId,
    DateTimeOffset? CheckedInAt,
    DateTimeOffset? CompletedAt,
    int Version,
    Guid? PackageRecordId = null,
    int? PackageSession = null,
    decimal PackageCovers = 0m)
{
    public bool IsOpen => !Status.IsFinal();

    /// <summary>The rooms and machines the appointment holds (the calendar's Rooms view shows it in each one's column).</summary>
    public ValueList<Guid> ResourceIds { get; init; } = ValueList<Guid>.Empty;

    /// <summary>Booked over another appointment of the same client, on purpose (the override is recorded).</summary>
    public bool BookedOverClientClash { get; init; }

    /// <summary>The availability rules a manager overrode for it, e.g. "OutsideHours, InBreak"; empty when none.</summary>
    public string OverriddenRules { get; init; } = string.Empty;
}
