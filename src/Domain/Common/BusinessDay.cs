namespace FrontDesk.Domain.Common;

/// <summary>
/// A business's calendar day as real time. The day of a date is [start, end): start is the
/// first instant whose local date is that date, end the start of the next date. It holds on
/// every day of the year, including where the clocks change at midnight (America/Santiago,
/// America/Havana, Asia/Beirut): a skipped midnight starts the day when the clocks jump, a
/// repeated one at its first occurrence, so days are contiguous and 23, 24 or 25 hours long.
/// Every "today", day range and "from the start of the day" in the product comes from here.
/// </summary>
public static class BusinessDay
{
    /// <summary>[start, end) of <paramref name="date"/> in <paramref name="zone"/>, as UTC instants.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) RangeOf(DateOnly date, TimeZoneInfo zone) =>
        (StartOf(date, zone), StartOf(date.AddDays(1), zone));

    /// <summary>[start of <paramref name="first"/>, start of the day after the last of <paramref name="days"/> days).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) RangeOf(DateOnly first, int days, TimeZoneInfo zone) =>
        (StartOf(first, zone), StartOf(first.AddDays(days), zone));

    /// <summary>The local date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The first instant (UTC, whole seconds) whose local date is <paramref name="date"/>. Found
    /// by bisection over real time with the zone's UTC-to-local conversion only, which has no
    /// skipped or repeated wall times to get wrong; the local date never goes back as time
    /// goes forward in the zones the product supports.
    /// </summary>
    public static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone)
    {
        if (date.Year < 2 || date.Year > 9998)
        {
            throw DomainException.Invalid($"{date:yyyy-MM-dd} is out of range.", "date");
        }
        // Any real offset is within +-14 h; two more hours either side cover a change of the clocks.
        var wall = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var low = wall - TimeSpan.FromHours(16);   // local date before `date`
        var high = wall + TimeSpan.FromHours(16);  // local date `date` or later
        while (high - low > TimeSpan.FromSeconds(1))
        {
            var mid = low + TimeSpan.FromSeconds(Math.Floor((high - low).TotalSeconds / 2));
            if (DateOf(mid, zone) >= date)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }
        return high;
    }
}
