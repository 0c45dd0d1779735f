using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Common;

namespace FrontDesk.Tests.Unit.Dashboard.Audit;

/// <summary>Audit rows as the commands write them, made here directly so the read side can be tested alone.</summary>
internal static class AuditRows
{
    public static AuditEntry Row(
        DateTimeOffset at,
        string actorName = "Ella Hart",
        string actorId = "staff-ella",
        string command = "Appointments.CheckIn",
        string objectType = "Appointment",
        string? objectId = null,
        string? clientId = null,
        string? before = "{\"Status\":\"Booked\"}",
        string? after = "{\"Status\":\"CheckedIn\"}",
        ActorKind kind = ActorKind.Staff) => new()
        {
            At = at,
            ActorKind = kind,
            ActorId = actorId,
            ActorName = actorName,
            Command = command,
            ObjectType = objectType,
            ObjectId = objectId ?? Guid.NewGuid().ToString("D"),
            ClientId = clientId,
            Before = before,
            After = after,
        };
}
