using FrontDesk.Domain.Common;
using FsCheck;
using FsCheck.Fluent;

namespace FrontDesk.Tests.Unit.Domain.Common;

/// <summary>
/// The business day over every day of 2026 and 2027, in zones whose clocks change at midnight
/// (Santiago, Havana, Beirut) and in London (changes at 01:00/02:00).
/// </summary>
public sealed class BusinessDayTests
{
    public static TheoryData<string> Zones => new() { "America/Santiago", "America/Havana", "Asia/Beirut", "Europe/London" };

    private static IEnumerable<DateOnly> EveryDay(int year)
    {
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    private static IEnumerable<DateOnly> EveryDayOf2026And2027 => EveryDay(2026).Concat(EveryDay(2027));

    [Theory]
    [MemberData(nameof(Zones))]
    public void RangeOf_EveryDayOfTwoYears_ContiguousAndNonOverlapping(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        DateTimeOffset? previousEnd = null;
        foreach (var date in EveryDayOf2026And2027)
        {
            var (start, end) = BusinessDay.RangeOf(date, zone);
            Assert.True(start < end, $"{zoneId} {date}: empty range");
            if (previousEnd is { } e)
            {
                Assert.True(e == start, $"{zoneId} {date}: starts at {start:u}, the day before ended at {e:u}");
            }
            previousEnd = end;
        }
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void RangeOf_EveryDayOfTwoYears_EveryInstantInsideHasThatLocalDate(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        foreach (var date in EveryDayOf2026And2027)
        {
            var (start, end) = BusinessDay.RangeOf(date, zone);
            Assert.Equal(date, LocalDate(start, zone));
            Assert.Equal(date, LocalDate(end.AddSeconds(-1), zone));
            Assert.Equal(date.AddDays(-1), LocalDate(start.AddSeconds(-1), zone));
            Assert.Equal(date.AddDays(1), LocalDate(end, zone));
            // Every quarter hour in between too (a repeated or skipped hour must not leak a neighbour's date in).
            for (var t = start; t < end; t = t.AddMinutes(15))
            {
                Assert.Equal(date, LocalDate(t, zone));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void RangeOf_EveryDayOfTwoYears_LengthIs24HoursLessTheClockChange(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var lengths = new Dictionary<double, int>();
        foreach (var date in EveryDayOf2026And2027)
        {
            var (start, end) = BusinessDay.RangeOf(date, zone);
            // The change of the clocks during the day: the offset in force just before its end
            // less the one just before its start (a change at the very start shortens this day).
            var change = zone.GetUtcOffset(end.AddSeconds(-1)) - zone.GetUtcOffset(start.AddSeconds(-1));
            Assert.Equal(TimeSpan.FromHours(24) - change, end - start);
            var hours = (end - start).TotalHours;
            lengths[hours] = lengths.GetValueOrDefault(hours) + 1;
        }
        // Each of these zones springs forward and falls back once a year.
        Assert.Equal(2, lengths.GetValueOrDefault(23));
        Assert.Equal(2, lengths.GetValueOrDefault(25));
        Assert.Equal(365 + 365 - 4, lengths.GetValueOrDefault(24));
    }

    [Theory]
    [InlineData("America/Santiago", "2026-09-06", 23, "2026-09-06T04:00:00Z")] // 00:00 -> 01:00: the day starts at 01:00 -03
    [InlineData("America/Santiago", "2026-04-04", 25, "2026-04-04T03:00:00Z")] // 24:00 -> 23:00: Saturday has 23:00 twice
    [InlineData("America/Havana", "2026-03-08", 23, "2026-03-08T05:00:00Z")]   // 00:00 -> 01:00
    [InlineData("America/Havana", "2026-11-01", 25, "2026-11-01T04:00:00Z")]   // 01:00 -> 00:00: midnight happens twice, the day starts at the first
    [InlineData("Asia/Beirut", "2026-03-29", 23, "2026-03-28T22:00:00Z")]      // 00:00 -> 01:00
    [InlineData("Asia/Beirut", "2026-10-24", 25, "2026-10-23T21:00:00Z")]      // Sunday 00:00 -> Saturday 23:00
    [InlineData("Europe/London", "2026-03-29", 23, "2026-03-29T00:00:00Z")]
    [InlineData("Europe/London", "2026-10-25", 25, "2026-10-24T23:00:00Z")]
    public void RangeOf_ClockChangeDay_StartsAtFirstInstantOfTheDateWithItsLength(string zoneId, string day, int hours, string expectedStart)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        var (start, end) = BusinessDay.RangeOf(DateOnly.Parse(day), zone);

        Assert.Equal(DateTimeOffset.Parse(expectedStart), start);
        Assert.Equal(TimeSpan.FromHours(hours), end - start);
    }

    [Fact]
    public void RangeOf_ManyDays_EqualsFirstDayStartToLastDayEnd()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        Prop.ForAll(Gen.Choose(0, 700).ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (offset, days) =>
        {
            var first = new DateOnly(2026, 1, 1).AddDays(offset);
            var (start, end) = BusinessDay.RangeOf(first, days, zone);
            return start == BusinessDay.RangeOf(first, zone).Start && end == BusinessDay.RangeOf(first.AddDays(days - 1), zone).End;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DateOf_AnyInstant_LiesInsideItsDatesRange()
    {
        var zones = new[] { "America/Santiago", "America/Havana", "Asia/Beirut", "Europe/London" }.Select(TimeZoneInfo.FindSystemTimeZoneById).ToArray();
        var origin = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Prop.ForAll(Gen.Choose(0, 2 * 365 * 24 * 60).ToArbitrary(), Gen.Choose(0, zones.Length - 1).ToArbitrary(), (minutes, z) =>
        {
            var instant = origin.AddMinutes(minutes);
            var (start, end) = BusinessDay.RangeOf(BusinessDay.DateOf(instant, zones[z]), zones[z]);
            return start <= instant && instant < end;
        }).QuickCheckThrowOnFailure();
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
