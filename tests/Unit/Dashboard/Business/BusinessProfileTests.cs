using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Business;

namespace FrontDesk.Tests.Unit.Dashboard.Business;

/// <summary>What makes business settings valid: a known zone, an ISO 4217 currency, a real culture, sensible hours.</summary>
public sealed class BusinessProfileTests
{
    private static readonly BusinessProfile Valid = BusinessProfile.FromOptions(new BusinessOptions());

    private static BusinessProfile WithDay(OpeningHours day) =>
        Valid with { Hours = [.. Valid.Hours.Select(h => h.Weekday == day.Weekday ? day : h)] };

    private static IEnumerable<string> FieldsOf(BusinessProfile profile) => profile.Validate().Select(e => e.Field);

    [Fact]
    public void Validate_FirstRunValues_NoErrors() => Assert.Empty(Valid.Validate());

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_UnknownTimeZone_ErrorOnTimeZone(string zone) =>
        Assert.Equal(["timeZone"], FieldsOf(Valid with { TimeZone = zone }));

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Asia/Tokyo")]
    [InlineData("Etc/GMT-5")]
    public void Validate_IanaTimeZone_Accepted(string zone) => Assert.Empty((Valid with { TimeZone = zone }).Validate());

    [Theory]
    [InlineData("XYZ")]
    [InlineData("gbp")]
    [InlineData("POUNDS")]
    [InlineData("")]
    public void Validate_NotAnIso4217Code_ErrorOnCurrency(string currency) =>
        Assert.Equal(["currency"], FieldsOf(Valid with { Currency = currency }));

    [Theory]
    [InlineData("EUR")]
    [InlineData("USD")]
    [InlineData("JPY")]
    [InlineData("CHF")]
    public void Validate_Iso4217Code_Accepted(string currency) => Assert.Empty((Valid with { Currency = currency }).Validate());

    [Theory]
    [InlineData("zz-ZZ")]
    [InlineData("english")]
    [InlineData("")]
    public void Validate_UnknownCulture_ErrorOnCulture(string culture) =>
        Assert.Equal(["culture"], FieldsOf(Valid with { Culture = culture }));

    [Fact]
    public void Validate_ClosingBeforeOpening_ErrorNamesThatDay()
    {
        var errors = WithDay(new OpeningHours(DayOfWeek.Tuesday, true, new(18, 0), new(9, 0))).Validate();

        var error = Assert.Single(errors);
        Assert.Equal("hours.tuesday", error.Field);
        Assert.Contains("Tuesday", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClosedDayWithReversedTimes_Accepted() =>
        Assert.Empty(WithDay(new OpeningHours(DayOfWeek.Sunday, false, new(18, 0), new(9, 0))).Validate());

    [Fact]
    public void Validate_AWeekdayMissing_ErrorOnHours() =>
        Assert.Equal(["hours"], FieldsOf(Valid with { Hours = [.. Valid.Hours.Where(h => h.Weekday != DayOfWeek.Friday)] }));

    [Fact]
    public void Validate_NameTooLong_ErrorOnName() =>
        Assert.Equal(["name"], FieldsOf(Valid with { Name = new string('a', BusinessProfile.MaxNameLength + 1) }));

    [Fact]
    public void OpensOnAndClosesOn_ShownDays_EarliestOpeningAndLatestClosingOfTheOpenOnes()
    {
        var profile = Valid with
        {
            Hours =
            [
                new(DayOfWeek.Monday, true, new(9, 0), new(17, 0)),
                new(DayOfWeek.Tuesday, true, new(7, 30), new(15, 0)),
                new(DayOfWeek.Wednesday, true, new(10, 0), new(21, 0)),
                OpeningHours.Closed(DayOfWeek.Thursday) with { Opens = new(5, 0), Closes = new(23, 0) },
                new(DayOfWeek.Friday, true, new(9, 0), new(17, 0)),
                OpeningHours.Closed(DayOfWeek.Saturday),
                OpeningHours.Closed(DayOfWeek.Sunday),
            ],
        };
        var monday = new DateOnly(2030, 1, 7);

        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(17, 0)), (profile.OpensOn([monday]), profile.ClosesOn([monday])));
        Assert.Equal((new TimeOnly(7, 30), new TimeOnly(21, 0)), (profile.OpensOn([monday, monday.AddDays(1), monday.AddDays(2), monday.AddDays(3)]), profile.ClosesOn([monday, monday.AddDays(1), monday.AddDays(2), monday.AddDays(3)])));
    }

    [Fact]
    public void OpensOn_OnlyClosedDays_Null()
    {
        var saturday = new DateOnly(2030, 1, 12);
        var profile = WithDay(OpeningHours.Closed(DayOfWeek.Saturday));

        Assert.Null(profile.OpensOn([saturday]));
    }

    [Fact]
    public void Normalized_SpacesAndDayOrder_TrimmedAndMondayFirst()
    {
        var shuffled = Valid with { Name = "  Harbour Physio ", Currency = " EUR", Hours = [.. Valid.Hours.Reverse()] };

        var normalized = shuffled.Normalized();

        Assert.Equal(("Harbour Physio", "EUR", DayOfWeek.Monday), (normalized.Name, normalized.Currency, normalized.Hours[0].Weekday));
    }
}
