using FrontDesk.Dashboard.Audit;
using FrontDesk.Domain.Common;

namespace FrontDesk.Dashboard.Components.Audit;

/// <summary>How the audit screens word a row.</summary>
public static class AuditText
{
    /// <summary>The person's or key's name, saying when it was a key or the system rather than a staff member.</summary>
    public static string Who(AuditView row) => row.ActorKind switch
    {
        ActorKind.Staff => row.ActorName,
        ActorKind.ApiKey => $"{row.ActorName} (API key)",
        ActorKind.System => $"{row.ActorName} (system)",
        ActorKind.Client => $"{row.ActorName} (client, online)",
        _ => row.ActorName,
    };

    /// <summary>The names of the fields the command changed, or what happened to the whole object.</summary>
    public static string Summary(AuditView row)
    {
        if (row.Before is null && row.After is not null)
        {
            return "created";
        }
        if (row.After is null && row.Before is not null)
        {
            return "removed";
        }
        var changed = row.Changes().Where(c => c.Changed).Select(c => c.Field).ToList();
        return changed.Count switch
        {
            0 => "no field changed",
            <= 4 => string.Join(", ", changed),
            _ => $"{string.Join(", ", changed.Take(3))} and {changed.Count - 3} more",
        };
    }

    /// <summary>An object's id shortened for a table cell (a Guid's first 8 characters); the whole id is in the details.</summary>
    public static string ShortId(string id) => Guid.TryParse(id, out _) && id.Length > 8 ? id[..8] : id;
}
