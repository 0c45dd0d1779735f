using System.Globalization;
using System.Text.Json;
using FrontDesk.Dashboard.Api;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Business;

/// <summary>One weekday's hours in the API: <c>{"weekday": "Monday", "open": true, "opens": "09:00", "closes": "17:00"}</c>.</summary>
public sealed record OpeningHoursDto(DayOfWeek? Weekday, bool? Open, string? Opens, string? Closes);

/// <summary>The business settings in the API; a PUT gives every field.</summary>
public sealed record BusinessSettingsDto(string? Name, string? TimeZone, string? Currency, string? Culture, IReadOnlyList<OpeningHoursDto?>? Hours)
{
    public static BusinessSettingsDto From(BusinessProfile p) => new(p.Name, p.TimeZone, p.Currency, p.Culture,
        p.Hours.Select(h => new OpeningHoursDto(h.Weekday, h.Open, Time(h.Opens), Time(h.Closes))).ToList());

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>GET/PUT /api/v1/settings/business: the business's name, time zone, currency, culture and opening hours.</summary>
public static class BusinessEndpoints
{
    private static readonly string[] Fields = ["name", "timeZone", "currency", "culture", "hours"];

    public static void MapBusinessApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/settings").WithTags("Settings").RequireAuthorization(ApiKeyAuthentication.Policy);
        api.AddEndpointFilter<IdempotencyFilter>();

        api.MapGet("/business", (BusinessProfileStore store) => BusinessSettingsDto.From(store.Current));

        api.MapPut("/business", async (HttpRequest httpRequest, BusinessProfileStore store, IOptions<JsonOptions> json, Caller caller, CancellationToken ct) =>
        {
            var request = await ApiBody.CompleteAsync<BusinessSettingsDto>(httpRequest, json.Value.SerializerOptions, Fields);
            var (profile, errors) = ToProfile(request);
            if (errors.Count == 0 && profile is not null)
            {
                try
                {
                    return Results.Ok(BusinessSettingsDto.From(await store.SaveAsync(profile, caller, ct)));
                }
                catch (BusinessSettingsException refused)
                {
                    errors = [.. refused.Errors];
                }
            }
            return Results.ValidationProblem(
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                detail: string.Join(" ", errors.Select(e => e.Message)),
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The business settings are not valid; nothing was changed.",
                extensions: new Dictionary<string, object?> { ["field"] = errors[0].Field });
        }).Accepts<BusinessSettingsDto>("application/json");
    }

    /// <summary>The request as settings, or what makes it unreadable field by field (times as "HH:mm").</summary>
    internal static (BusinessProfile? Profile, List<SettingsError> Errors) ToProfile(BusinessSettingsDto request)
    {
        var errors = new List<SettingsError>();
        var hours = new List<OpeningHours>();
        if (request.Hours is null)
        {
            errors.Add(new("hours", "Give the opening hours of each weekday, Monday to Sunday."));
        }
        else
        {
            for (var i = 0; i < request.Hours.Count; i++)
            {
                var day = request.Hours[i];
                if (day?.Weekday is not { } weekday || !Enum.IsDefined(weekday))
                {
                    errors.Add(new($"hours[{i}].weekday", "Each day of the opening hours names its weekday (Monday to Sunday)."));
                    continue;
                }
                var field = BusinessProfile.HoursField(weekday);
                if (day.Open is not { } open)
                {
                    errors.Add(new(field, $"Say whether the business is open on {weekday} (open: true or false)."));
                    continue;
                }
                if (!open)
                {
                    hours.Add(OpeningHours.Closed(weekday));
                    continue;
                }
                if (!TryTime(day.Opens, out var opens) || !TryTime(day.Closes, out var closes))
                {
                    errors.Add(new(field, $"Give {weekday}'s opening and closing times as HH:mm (e.g. 09:00 and 17:30)."));
                    continue;
                }
                hours.Add(new OpeningHours(weekday, true, opens, closes));
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var profile = new BusinessProfile(request.Name ?? string.Empty, request.TimeZone ?? string.Empty, request.Currency ?? string.Empty, request.Culture ?? string.Empty, [.. hours]);
        return (profile, []);
    }

    private static bool TryTime(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
