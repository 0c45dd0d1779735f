using FrontDesk.Dashboard.Calendar;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Sales;

namespace FrontDesk.Dashboard.Api;

public sealed record ClientDto(Guid Id, string Name, string Phone, string Email, string Notes = "", DateOnly? DateOfBirth = null, bool MarketingConsent = false, bool Active = true, Guid? MergedIntoId = null, bool Erased = false);

public sealed record CreateClientRequest(string? Name, string? Phone, string? Email, string? Notes, DateOnly? DateOfBirth = null, bool? MarketingConsent = null, bool? AllowDuplicate = null);

/// <summary>
/// <c>overrideAvailability</c> (or its older name <c>overrideWorkingHours</c>) books outside
/// hours, in a break, on a day off or closure, or for a service the provider does not perform;
/// the appointment records it. For now any caller may; issue 11 (staff and roles) limits it to managers.
/// </summary>
public sealed record BookAppointmentRequest(Guid? ClientId, Guid? ServiceId, Guid? ProviderId, string? Start, bool? OverrideWorkingHours, string? Note, Guid? PackageRecordId = null, int? SessionNumber = null, bool? OverrideClientClash = null, bool? OverrideAvailability = null);

/// <summary>A move; <see cref="DropPackage"/> confirms a move that the appointment's prepaid record cannot pay for (otherwise 409).</summary>
public sealed record MoveAppointmentRequest(string? Start, Guid? ProviderId, bool? OverrideWorkingHours, bool? OverrideClientClash = null, bool? OverrideAvailability = null, bool? DropPackage = null);

/// <summary>A check-in, optionally redeeming a prepaid record in the same transaction.</summary>
public sealed record CheckInRequest(RedeemRequest? Redeem);

/// <summary>The prepaid record (and optionally which of its sessions) that pays for the visit.</summary>
public sealed record RedeemRequest(Guid? RecordId, int? Session);

/// <summary>What is left to pay for an appointment at check-out.</summary>
public sealed record AmountDueDto(Guid AppointmentId, decimal Amount, string Currency);

public sealed record AttachPackageRequest(Guid? PackageRecordId, int? SessionNumber);

public sealed record ClientPageDto(IReadOnlyList<ClientDto> Items, int Offset, int Limit, int Total);

public sealed record PaymentRequest(PaymentMethod? Method, decimal? Amount);

public sealed record CheckOutRequest(IReadOnlyList<PaymentRequest>? Payments);

public sealed record CancelRequest(string? Reason);

public sealed record AppointmentDto(
    Guid Id,
    AppointmentStatus Status,
    DateTimeOffset Start,
    DateTimeOffset End,
    Guid ClientId,
    string ClientName,
    Guid ServiceId,
    string ServiceName,
    Guid ProviderId,
    string ProviderName,
    decimal Price,
    string Currency,
    string Note,
    Guid? InvoiceId,
    Guid? PackageRecordId,
    int? PackageSession,
    decimal PackageCovers)
{
    /// <summary>Booked over another appointment of the same client on purpose (overrideClientClash).</summary>
    public bool BookedOverClientClash { get; init; }

    /// <summary>The availability rules overridden to book it here (OutsideHours, InBreak, DayOff, Closed, NotPerformed).</summary>
    public IReadOnlyList<string> OverriddenRules { get; init; } = [];

    public static AppointmentDto From(AppointmentView v, TimeZoneInfo zone) => new(
        v.Id, v.Status, TimeZoneInfo.ConvertTime(v.Start, zone), TimeZoneInfo.ConvertTime(v.End, zone),
        v.ClientId, v.ClientName, v.ServiceId, v.ServiceName, v.ProviderId, v.ProviderName, v.Price, v.Currency, v.Note, v.InvoiceId, v.PackageRecordId, v.PackageSession, v.PackageCovers)
    {
        BookedOverClientClash = v.BookedOverClientClash,
        OverriddenRules = v.OverriddenRules.Split(", ", StringSplitOptions.RemoveEmptyEntries),
    };
}
