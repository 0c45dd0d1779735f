namespace FrontDesk.Domain.Common;

/// <summary>Checks for free text typed at the desk: trimmed, required or not, bounded.</summary>
public static class Text
{
    public static string Required(string? value, string field, string label, int maxLength)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw DomainException.Invalid($"{label} is required.", field);
        }
        return Bounded(trimmed, field, label, maxLength);
    }

    public static string Optional(string? value, string field, string label, int maxLength)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        return Bounded(trimmed, field, label, maxLength);
    }

    private static string Bounded(string value, string field, string label, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw DomainException.Invalid($"{label} is too long: at most {maxLength} characters.", field);
        }
        // Invisible control characters (NUL, escape...) would pass "required" and print as nothing.
        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            throw DomainException.Invalid($"{label} contains characters that cannot be shown.", field);
        }
        return value;
    }
}
