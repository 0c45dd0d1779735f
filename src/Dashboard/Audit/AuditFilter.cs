using System.Globalization;
using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Common;

namespace FrontDesk.Dashboard.Audit;

/// <summary>
/// What the audit screen and the API look for. Every part is optional: <see cref="Actor"/> is a
/// staff member's or key's id, or part of their name; <see cref="Command"/> is part of a command's
/// name ("CheckIn", "Appointments."); <see cref="ObjectType"/> and <see cref="ObjectId"/> match
/// exactly (letter case aside for the type); <see cref="From"/> and <see cref="To"/> are whole days
/// on the business's wall clock, both included.
/// </summary>
public sealed record AuditFilter(
    string? Actor = null,
    string? Command = null,
    string? ObjectType = null,
    string? ObjectId = null,
    DateOnly? From = null,
    DateOnly? To = null)
{
    /// <summary>No filter: everything, newest first.</summary>
    public static readonly AuditFilter None = new();

    /// <summary>The first and last day a filter may name (the instants around them must exist).</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(9998, 12, 31);

    /// <summary>
    /// Reads a filter as the API receives it (dates as yyyy-MM-dd); a bad part is refused with a
    /// <see cref="DomainException"/> naming the parameter (a 400 problem detail).
    /// </summary>
    public static AuditFilter Parse(string? actor, string? command, string? objectType, string? objectId, string? from, string? to) =>
        new AuditFilter(actor, command, objectType, objectId, Day(from, "from"), Day(to, "to")).Validated();

    /// <summary>This filter with blank parts dropped and spaces trimmed, or a <see cref="DomainException"/> saying what is wrong.</summary>
    public AuditFilter Validated()
    {
        var filter = new AuditFilter(
            Text(Actor, "actor", AuditEntry.ActorNameLength),
            Text(Command, "command", AuditEntry.CommandLength),
            Text(ObjectType, "objectType", AuditEntry.ObjectTypeLength),
            Text(ObjectId, "objectId", AuditEntry.ObjectIdLength),
            From,
            To);
        CheckDay(filter.From, "from");
        CheckDay(filter.To, "to");
        if (filter.From is { } first && filter.To is { } last && last < first)
        {
            throw DomainException.Invalid("The last day (to) is before the first day (from).", "to");
        }
        return filter;
    }

    private static string? Text(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw DomainException.Invalid($"{field} is too long: at most {maxLength} characters.", field);
        }
        if (trimmed.Any(char.IsControl))
        {
            throw DomainException.Invalid($"{field} contains control characters.", field);
        }
        return trimmed;
    }

    private static DateOnly? Day(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw DomainException.Invalid($"{field} must be a day as yyyy-MM-dd, e.g. 2026-11-30.", field);
    }

    private static void CheckDay(DateOnly? day, string field)
    {
        if (day is { } d && (d < Earliest || d > Latest))
        {
            throw DomainException.Invalid($"{field} must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.", field);
        }
    }
}
