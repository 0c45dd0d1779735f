using FrontDesk.Domain.Calendar;

namespace FrontDesk.Tests.Unit.Support;

/// <summary>Every observable property of an appointment, comparable by value.</summary>
public sealed record AppointmentSnapshot(
    string Id,
    string Client,
    string Service,
    string Provider,
    string Resources,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Price,
    AppointmentStatus Status,
    string Note,
    bool BookedOutsideWorkingHours,
    DateTimeOffset BookedAt,
    DateTimeOffset? CheckedInAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? CancelledAt,
    string CancelReason,
    string? InvoiceId,
    int Version,
    int EventCount)
{
    public static AppointmentSnapshot Of(Appointment a) => new(
        a.Id.ToString(), a.ClientId.ToString(), a.ServiceId.ToString(), a.ProviderId.ToString(),
        string.Join(",", a.Resources), a.Start, a.End, a.Price.ToString(), a.Status, a.Note,
        a.BookedOutsideWorkingHours, a.BookedAt, a.CheckedInAt, a.CompletedAt, a.CancelledAt, a.CancelReason,
        a.InvoiceId?.ToString(), a.Version, a.DomainEvents.Count);
}
