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
    /// <summary>
    /// <see cref="Complete{T}"/> read from the request itself, so that the endpoint can declare
    /// <c>.Accepts&lt;T&gt;("application/json")</c> and the OpenAPI document shows T's schema
    /// (a JsonElement parameter would show an empty one).
    /// </summary>
    public static async Task<T> CompleteAsync<T>(HttpRequest request, JsonSerializerOptions options, params string[] fields)
    {
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("The body must be JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
        }
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, options, request.HttpContext.RequestAborted);
        return Complete<T>(body, options, fields);
    }

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
