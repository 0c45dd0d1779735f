using System.Globalization;
using FrontDesk.Dashboard.Business;

namespace FrontDesk.Dashboard.Components.Settings;

/// <summary>One weekday on the form: times as the browser's time inputs give them ("HH:mm").</summary>
public sealed class DayDraft
{
    public required DayOfWeek Weekday { get; init; }
    public bool Open { get; set; }
    public string? Opens { get; set; }
    public string? Closes { get; set; }
}

/// <summary>The business settings being edited (wizard and settings screen), checked field by field.</summary>
public sealed class BusinessDraft
{
    /// <summary>Fields of the first wizard step (the rest are the opening hours).</summary>
    public static readonly IReadOnlySet<string> IdentityFields = new HashSet<string> { "name", "timeZone", "currency", "culture" };

    public string? Name { get; set; }
    public string? TimeZone { get; set; }
    public string? Currency { get; set; }
    public string? Culture { get; set; }
    public List<DayDraft> Days { get; } = [];

    public static BusinessDraft From(BusinessProfile profile)
    {
        var draft = new BusinessDraft();
        draft.ResetIdentity(profile);
        draft.ResetHours(profile);
        return draft;
    }

    public void ResetIdentity(BusinessProfile profile)
    {
        Name = profile.Name;
        TimeZone = profile.TimeZone;
        Currency = profile.Currency;
        Culture = profile.Culture;
    }

    public void ResetHours(BusinessProfile profile)
    {
        Days.Clear();
        Days.AddRange(BusinessProfile.Week.Select(d => profile.On(d)).Select(h => new DayDraft
        {
            Weekday = h.Weekday,
            Open = h.Open,
            Opens = h.Opens.ToString("HH:mm", CultureInfo.InvariantCulture),
            Closes = h.Closes.ToString("HH:mm", CultureInfo.InvariantCulture),
        }));
    }

    public void CopyIdentityFrom(BusinessDraft other)
    {
        Name = other.Name;
        TimeZone = other.TimeZone;
        Currency = other.Currency;
        Culture = other.Culture;
    }

    public void CopyHoursFrom(BusinessDraft other)
    {
        Days.Clear();
        Days.AddRange(other.Days.Select(d => new DayDraft { Weekday = d.Weekday, Open = d.Open, Opens = d.Opens, Closes = d.Closes }));
    }

    /// <summary>The settings on the form, or every field's problem (by field name, as the API names them).</summary>
    public (BusinessProfile? Profile, IReadOnlyDictionary<string, string> Errors) Check()
    {
        var errors = new Dictionary<string, string>();
        var hours = new List<OpeningHours>();
        foreach (var day in Days)
        {
            if (!day.Open)
            {
                hours.Add(OpeningHours.Closed(day.Weekday));
            }
            else if (Time(day.Opens) is { } opens && Time(day.Closes) is { } closes)
            {
                hours.Add(new OpeningHours(day.Weekday, true, opens, closes));
            }
            else
            {
                errors[BusinessProfile.HoursField(day.Weekday)] = $"Enter {day.Weekday}'s opening and closing times (HH:mm).";
            }
        }
        var profile = new BusinessProfile(Name ?? string.Empty, TimeZone ?? string.Empty, Currency ?? string.Empty, Culture ?? string.Empty, [.. hours]);
        if (errors.Count == 0)
        {
            foreach (var error in profile.Normalized().Validate())
            {
                errors.TryAdd(error.Field, error.Message);
            }
        }
        else
        {
            // Times that cannot be read: still say what is wrong with the other fields.
            foreach (var error in profile.Normalized().Validate().Where(e => IdentityFields.Contains(e.Field)))
            {
                errors.TryAdd(error.Field, error.Message);
            }
        }
        return (errors.Count == 0 ? profile : null, errors);
    }

    private static TimeOnly? Time(string? value) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}
