using FrontDesk.Dashboard.Business;
using FrontDesk.Domain.Common;

namespace FrontDesk.Dashboard;

/// <summary>
/// Converts between stored UTC instants and the business's wall-clock time, which is what
/// every screen shows (whatever time zone the browser or server is in). The zone, currency and
/// name are read from the current business settings on every call, so a manager's change
/// applies at once (see <see cref="BusinessProfileStore"/>).
/// </summary>
public sealed class BusinessClock(TimeProvider time, BusinessProfileStore profiles)
{
    /// <summary>The business settings now (an immutable snapshot).</summary>
    public BusinessProfile Business => profiles.Current;

    public TimeZoneInfo Zone => profiles.Current.Zone;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTime LocalNow => ToLocal(time.GetUtcNow());

    public DateOnly Today => BusinessDay.DateOf(time.GetUtcNow(), Zone);

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The instant of a local wall-clock time; a time skipped by a clock change is refused.</summary>
    public DateTimeOffset ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var zone = Zone;
        if (zone.IsInvalidTime(unspecified))
        {
            throw DomainException.Invalid($"{local:HH:mm} does not exist on {local:d MMM}: the clocks change then.", "start");
        }
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>
    /// [start of first day, start of the day after the last) in UTC, correct on days whose
    /// midnight is skipped or repeated by the clocks (see <see cref="BusinessDay"/>).
    /// </summary>
    public (DateTimeOffset Start, DateTimeOffset End) Range(DateOnly first, int days) => BusinessDay.RangeOf(first, days, Zone);

    /// <summary>The first instant of a local date.</summary>
    public DateTimeOffset StartOf(DateOnly date) => BusinessDay.StartOf(date, Zone);

    /// <summary>The local date of an instant.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => BusinessDay.DateOf(instant, Zone);

    public string Money(decimal amount) => $"{amount:0.00} {Business.Currency}";
}
