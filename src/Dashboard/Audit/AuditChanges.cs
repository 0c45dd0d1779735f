using System.Globalization;
using System.Text.Json;

namespace FrontDesk.Dashboard.Audit;

/// <summary>One field of a changed object: its value before and after the command (null: not there).</summary>
public sealed record FieldChange(string Field, string? Before, string? After)
{
    /// <summary>The command changed this field (it appeared, went away or took another value).</summary>
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>
/// Turns an audit row's before and after JSON into a field list a person can read: nested
/// objects become "Parent.Child" fields, lists their items joined, text as text (never as markup).
/// A value that is not a JSON object is shown whole under "Value", so an odd row still shows.
/// </summary>
public static class AuditChanges
{
    private const string WholeValue = "Value";

    public static IReadOnlyList<FieldChange> Of(string? before, string? after)
    {
        var old = Flatten(before);
        var @new = Flatten(after);
        var fields = old.Keys.Concat(@new.Keys.Where(k => !old.ContainsKey(k))).ToList();
        return fields.Select(f => new FieldChange(f, old.GetValueOrDefault(f), @new.GetValueOrDefault(f))).ToList();
    }

    private static Dictionary<string, string?> Flatten(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                Add(fields, null, document.RootElement);
            }
            else
            {
                fields[WholeValue] = Text(document.RootElement);
            }
        }
        catch (JsonException)
        {
            fields[WholeValue] = json;
        }
        return fields;
    }

    private static void Add(Dictionary<string, string?> fields, string? prefix, JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix is null ? property.Name : $"{prefix}.{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Object && property.Value.EnumerateObject().Any())
            {
                Add(fields, name, property.Value);
            }
            else
            {
                // A repeated name in hand-written JSON: the last one wins, as in most readers.
                fields[name] = Text(property.Value);
            }
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Number => value.TryGetDecimal(out var d) ? d.ToString(CultureInfo.CurrentCulture) : value.GetRawText(),
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "(none)" : string.Join(", ", value.EnumerateArray().Select(i => Text(i) ?? "—")),
        JsonValueKind.Object => value.GetRawText(),
        _ => value.GetRawText(),
    };
}
