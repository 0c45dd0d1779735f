using FrontDesk.Domain.Common;

namespace FrontDesk.Dashboard.Data;

/// <summary>
/// One change made by one command, kept for ever: who asked (a staff member, an API key or the
/// system), when, which command, the object it changed and that object's changed fields before
/// and after. Written in the same transaction as the change itself; append-only (nothing in the
/// app updates or deletes a row).
/// </summary>
public sealed class AuditEntry
{
    public const int CommandLength = 100;
    public const int ObjectTypeLength = 60;
    public const int ObjectIdLength = 100;
    public const int ActorIdLength = 100;
    public const int ActorNameLength = 200;

    /// <summary>Ascending in the order rows were written.</summary>
    public long Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required ActorKind ActorKind { get; init; }
    public required string ActorId { get; init; }

    /// <summary>The person's or key's name at the time, so a later rename does not rewrite history.</summary>
    public required string ActorName { get; init; }

    /// <summary>The command's name, as in the permissions table (e.g. "Appointments.CheckIn").</summary>
    public required string Command { get; init; }

    /// <summary>What was changed: "Appointment", "PackageRecord", "Client", "Setting"…</summary>
    public required string ObjectType { get; init; }
    public required string ObjectId { get; init; }

    /// <summary>The client the object belongs to, when it belongs to one, so a client's profile can list its history.</summary>
    public string? ClientId { get; init; }

    /// <summary>JSON object of the changed fields' values before the command; null when the object was created.</summary>
    public string? Before { get; init; }

    /// <summary>JSON object of the changed fields' values after the command; null when the object was removed.</summary>
    public string? After { get; init; }
}
