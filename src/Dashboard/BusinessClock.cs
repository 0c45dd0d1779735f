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

    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

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

    /// <summary>[start of first day, start of the day after the last) in UTC.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Range(DateOnly first, int days) =>
        (ToUtc(first.ToDateTime(TimeOnly.MinValue)), ToUtc(first.AddDays(days).ToDateTime(TimeOnly.MinValue)));

    public string Money(decimal amount) => $"{amount:0.00} {Business.Currency}";
}
