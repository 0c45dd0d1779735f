using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using static FrontDesk.Tests.Unit.Domain.Packages.Packages;

namespace FrontDesk.Tests.Unit.Domain.Packages;

public sealed class PackageTemplateTests
{
    [Fact]
    public void Create_Course_IsOneServiceNTimes()
    {
        var course = Course(sessions: 8);

        Assert.Equal(PackageKind.Course, course.Kind);
        Assert.Equal(8, course.SessionCount);
        Assert.True(course.IsCountBased);
        Assert.True(course.Covers(Laser));
        Assert.False(course.Covers(Swedish));
    }

    [Fact]
    public void Create_CourseWithTwoServices_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Template(lines: [new PackageLine(Laser, 2), new PackageLine(Swedish, 2)]));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public void Acquire_FixedMix_GivesOneSessionPerServiceAndCount()
    {
        var mix = Template(PackageKind.Fixed, lines: [new PackageLine(Swedish, 1), new PackageLine(Thai, 2)], name: "1 Swedish + 2 Thai");

        var record = Sell(mix);

        Assert.Equal(3, record.Sessions.Count);
        Assert.Equal(new[] { 0, 1, 1 }, record.Sessions.Select(s => s.Line ?? -1));
    }

    [Fact]
    public void Create_FixedListingAServiceTwice_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Template(PackageKind.Fixed, lines: [new PackageLine(Thai, 1), new PackageLine(Thai, 2)]));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public void Create_AnyFromListWithoutServices_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Template(PackageKind.AnyFromList, PackageValueType.Sessions, value: 5m));

        Assert.Equal("serviceIds", error.Field);
    }

    [Fact]
    public void Create_AnyFromListWorthNothing_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Template(PackageKind.AnyFromList, PackageValueType.Amount, services: [Swedish], value: 0m));

        Assert.Equal("value", error.Field);
    }

    [Fact]
    public void Covers_AnyFromListForAllServices_CoversEveryService()
    {
        var sauna = Template(PackageKind.AnyFromList, PackageValueType.Unlimited, allServices: true, name: "Unlimited sauna week");

        Assert.True(sauna.Covers(Sauna));
        Assert.True(sauna.Covers(Laser));
    }

    [Fact]
    public void Covers_AnyFromListOfTickedServices_LeavesOthersOut()
    {
        var credit = Credit();

        Assert.True(credit.Covers(Thai));
        Assert.False(credit.Covers(Laser));
    }

    [Fact]
    public void Acquire_DisabledTemplate_IsRefused()
    {
        var course = Course();
        course.Disable(T0, Desk);

        var error = Assert.Throws<DomainException>(() => Sell(course));

        Assert.Equal(DomainErrorKind.RuleBroken, error.Kind);
        Assert.Contains("disabled", error.Message);
    }

    [Fact]
    public void Acquire_DisabledTemplateAsComplimentary_IsRefused()
    {
        var course = Course();
        course.Disable(T0, Desk);

        Assert.Throws<DomainException>(() => Sell(course, AcquisitionMode.Complimentary, "birthday"));
    }

    [Fact]
    public void Disable_RecordsAlreadySold_StayUsable()
    {
        var course = Course();
        var record = Sell(course);

        course.Disable(T0, Desk);
        var coverage = record.Book(course, Use(Laser), null, RedemptionPolicy.AtCheckOut, T0, Desk);

        Assert.Equal(RecordStatus.Active, record.Status);
        Assert.Equal(1, coverage.SessionNumber);
        Assert.Equal(4m, record.Available);
    }

    [Theory]
    [InlineData(AcquisitionMode.Paid)]
    [InlineData(AcquisitionMode.Unpaid)]
    public void Acquire_NotForSaleTemplateOnAnInvoice_IsRefused(AcquisitionMode mode)
    {
        var gift = Template(forSale: false);

        var error = Assert.Throws<DomainException>(() => Sell(gift, mode));

        Assert.Contains("not for sale", error.Message);
    }

    [Fact]
    public void Acquire_NotForSaleTemplateAsComplimentary_IsAllowed()
    {
        var gift = Template(forSale: false);

        var record = Sell(gift, AcquisitionMode.Complimentary, "loyal client");

        Assert.Equal(AcquisitionMode.Complimentary, record.Mode);
        Assert.Equal(0m, record.PricePaid);
        Assert.Equal(5m, record.Available);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Acquire_ComplimentaryWithoutReason_IsRefused(string? reason)
    {
        var error = Assert.Throws<DomainException>(() => Sell(Course(), AcquisitionMode.Complimentary, reason));

        Assert.Equal("reason", error.Field);
    }

    [Fact]
    public void Acquire_AsTransfer_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Sell(Course(), AcquisitionMode.Transfer));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public void Create_TimeWindowEndingBeforeItStarts_IsRefused()
    {
        var restrictions = UsageRestrictions.None with { From = new TimeOnly(13, 0), To = new TimeOnly(10, 0) };

        var error = Assert.Throws<DomainException>(() => Course(restrictions: restrictions));

        Assert.Equal("restrictions", error.Field);
    }

    [Fact]
    public void Edit_Restrictions_ApplyToRecordsAlreadySold()
    {
        var course = Course();
        var record = Sell(course);
        var mondaysOnly = UsageRestrictions.None with { Weekdays = [DayOfWeek.Monday] };

        course.Edit(new TemplateTerms(course.Name, course.Kind, course.ValueType, course.Lines, [], false, course.Value, course.Price, 0m, true, null, null, mondaysOnly), T0, Desk);

        Assert.Equal("only valid on Mon", record.Refuse(course, Use(Laser, dayOffset: 1))); // Tuesday
    }
}
