using System.Text.Json;
using FrontDesk.Domain.Common;

namespace FrontDesk.Dashboard.Api;

/// <summary>Reading bodies whose every field must be given (PUT replaces the whole resource).</summary>
public static class ApiBody
{
    /// <summary>
    /// The body as <typeparamref name="T"/>, refused (400) unless it is a JSON object that names
    /// every one of <paramref name="fields"/>: a PUT that leaves a field out must not reset it.
    /// </summary>
    public static T Complete<T>(JsonElement body, JsonSerializerOptions options, params string[] fields)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw DomainException.Invalid($"The body is a JSON object with every field: {string.Join(", ", fields)}.");
        }
        var given = body.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = fields.Where(f => !given.Contains(f)).ToList();
        if (missing.Count > 0)
        {
            throw DomainException.Invalid(
                $"A PUT replaces every field, so each must be given; missing: {string.Join(", ", missing)}. GET returns the current values to start from.",
                missing[0]);
        }
        return body.Deserialize<T>(options) ?? throw DomainException.Invalid("The body is empty.");
    }
}
