using System.Collections.Immutable;
using System.Globalization;

namespace FrontDesk.Dashboard.Business;

/// <summary>One weekday's opening hours: closed, or open from <see cref="Opens"/> to <see cref="Closes"/> (business time).</summary>
public sealed record OpeningHours(DayOfWeek Weekday, bool Open, TimeOnly Opens, TimeOnly Closes)
{
    public static OpeningHours Closed(DayOfWeek weekday) => new(weekday, false, new(9, 0), new(17, 0));
}

/// <summary>A problem with one field of the business settings, named as the API and the form name it.</summary>
public sealed record SettingsError(string Field, string Message);

/// <summary>
/// The business this installation serves, as a manager last saved it: an immutable snapshot
/// (see <see cref="BusinessProfileStore"/>). <see cref="Hours"/> has one entry per weekday,
/// Monday first.
/// </summary>
public sealed record BusinessProfile(string Name, string TimeZone, string Currency, string Culture, ImmutableArray<OpeningHours> Hours)
{
    public const int MaxNameLength = 100;

    /// <summary>The weekdays as a clinic reads them, Monday first.</summary>
    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly Lazy<FrozenCurrencies> Currencies = new(() => new FrozenCurrencies());

    /// <summary>The time zone (the runtime caches the lookup); only a validated profile is ever current, so it is found.</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public CultureInfo CultureInfo => CultureInfo.GetCultureInfo(Culture);

    /// <summary>The values of the "Business" configuration section (used the first time only).</summary>
    public static BusinessProfile FromOptions(BusinessOptions options) => new(
        options.Name, options.TimeZone, options.Currency, options.Culture,
        [.. Week.Select(d => new OpeningHours(d, true, options.OpensAt, options.ClosesAt))]);

    public OpeningHours On(DayOfWeek weekday) =>
        Hours.FirstOrDefault(h => h.Weekday == weekday) ?? OpeningHours.Closed(weekday);

    /// <summary>The earliest opening of <paramref name="days"/>; null when the business is closed on all of them.</summary>
    public TimeOnly? OpensOn(IEnumerable<DateOnly> days) =>
        days.Select(d => On(d.DayOfWeek)).Where(h => h.Open).Select(h => (TimeOnly?)h.Opens).Min();

    /// <summary>The latest closing of <paramref name="days"/>; null when the business is closed on all of them.</summary>
    public TimeOnly? ClosesOn(IEnumerable<DateOnly> days) =>
        days.Select(d => On(d.DayOfWeek)).Where(h => h.Open).Select(h => (TimeOnly?)h.Closes).Max();

    /// <summary>Every problem of these settings (empty when they can be saved), one per field at most.</summary>
    public IReadOnlyList<SettingsError> Validate()
    {
        var errors = new List<SettingsError>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(new("name", "Enter the business name."));
        }
        else if (Name.Trim().Length > MaxNameLength)
        {
            errors.Add(new("name", $"The business name is at most {MaxNameLength} characters."));
        }
        if (ZoneProblem(TimeZone) is { } zone)
        {
            errors.Add(new("timeZone", zone));
        }
        if (CurrencyProblem(Currency) is { } currency)
        {
            errors.Add(new("currency", currency));
        }
        if (CultureProblem(Culture) is { } culture)
        {
            errors.Add(new("culture", culture));
        }
        if (Hours.IsDefault || Hours.Length != 7 || Week.Any(d => Hours.Count(h => h.Weekday == d) != 1))
        {
            errors.Add(new("hours", "Give the opening hours of each weekday, Monday to Sunday, once each."));
        }
        else
        {
            foreach (var day in Hours.Where(h => h.Open && h.Closes <= h.Opens))
            {
                errors.Add(new(HoursField(day.Weekday), $"On {day.Weekday} the business must close after it opens ({day.Opens:HH\\:mm})."));
            }
        }
        return errors;
    }

    /// <summary>The field name of one weekday's hours, e.g. "hours.monday".</summary>
    public static string HoursField(DayOfWeek weekday) => $"hours.{weekday.ToString().ToLowerInvariant()}";

    public static string? ZoneProblem(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "Choose the time zone (an IANA id such as Europe/London).";
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out _)
            ? null
            : $"\"{id}\" is not a known time zone; use an IANA id such as Europe/London or America/New_York.";
    }

    public static string? CurrencyProblem(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "Choose the currency (a three-letter ISO 4217 code such as GBP or EUR).";
        }
        return Currencies.Value.Contains(code.Trim())
            ? null
            : $"\"{code}\" is not an ISO 4217 currency code; use three capital letters such as GBP, EUR or USD.";
    }

    public static string? CultureProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Choose the language and format for dates and numbers (e.g. en-GB).";
        }
        try
        {
            var culture = CultureInfo.GetCultureInfo(name.Trim(), predefinedOnly: true);
            return culture.Equals(CultureInfo.InvariantCulture)
                ? "Choose a language and region (e.g. en-GB), not the invariant culture."
                : null;
        }
        catch (CultureNotFoundException)
        {
            return $"\"{name}\" is not a known culture name; use a name such as en-GB, de-DE or fr-FR.";
        }
    }

    /// <summary>The same settings with surrounding spaces trimmed and the days in week order.</summary>
    public BusinessProfile Normalized() => this with
    {
        Name = Name?.Trim() ?? string.Empty,
        TimeZone = TimeZone?.Trim() ?? string.Empty,
        Currency = Currency?.Trim() ?? string.Empty,
        Culture = Culture?.Trim() ?? string.Empty,
        Hours = Hours.IsDefault ? [] : [.. Hours.OrderBy(h => (((int)h.Weekday) + 6) % 7)],
    };

    /// <summary>The ISO 4217 codes of every region .NET knows (ICU), read once.</summary>
    private sealed class FrozenCurrencies
    {
        private readonly HashSet<string> _codes;

        public FrozenCurrencies()
        {
            _codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
            {
                try
                {
                    var code = new RegionInfo(culture.Name).ISOCurrencySymbol;
                    if (code.Length == 3 && code.All(char.IsAsciiLetterUpper))
                    {
                        _codes.Add(code);
                    }
                }
                catch (ArgumentException)
                {
                    // a culture without a region
                }
            }
        }

        public bool Contains(string code) => _codes.Contains(code);
    }
}
