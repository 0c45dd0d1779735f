namespace FrontDesk.Dashboard.Components.Calendar;

/// <summary>
/// What the booking drawer holds while the receptionist fills it in. Its host keeps it as
/// persisted component state, so a desk whose circuit was paused (tab hidden for long) or
/// prerendered reopens the drawer with what was typed. Plain, JSON-serialisable values only:
/// the chosen client is kept by id and read again on restore.
/// </summary>
public sealed class BookingDraft
{
    /// <summary>The slot the drawer was opened on (its host's Start and ProviderId).</summary>
    public DateTime SlotStart { get; set; }
    public Guid? SlotProviderId { get; set; }

    public Guid? ClientId { get; set; }
    public bool NewClient { get; set; }
    public string NewName { get; set; } = string.Empty;
    public string NewPhone { get; set; } = string.Empty;
    public string NewEmail { get; set; } = string.Empty;

    /// <summary>The client search as typed (also what "New client" starts from).</summary>
    public string Query { get; set; } = string.Empty;

    public Guid? ProviderId { get; set; }
    public Guid? ServiceId { get; set; }
    public DateTime? Date { get; set; }
    public TimeSpan? Time { get; set; }
    public string Note { get; set; } = string.Empty;
    public bool Override { get; set; }
    public Guid? RecordId { get; set; }
    public int? Session { get; set; }

    /// <summary>Kept too, so a save that reached the server before a pause is not booked twice after it.</summary>
    public string IdempotencyKey { get; set; } = "booking-" + Guid.NewGuid().ToString("N");

    /// <summary>A fresh draft for a slot: its day, time and provider.</summary>
    public static BookingDraft At(DateTime start, Guid? providerId) => new()
    {
        SlotStart = start,
        SlotProviderId = providerId,
        Date = start.Date,
        Time = start.TimeOfDay,
        ProviderId = providerId,
    };
}
