using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using static FrontDesk.Tests.Unit.Domain.Packages.Packages;

namespace FrontDesk.Tests.Unit.Domain.Packages;

public sealed class PackageTemplateBoundsTests
{
    [Fact]
    public void Create_AmountPackageValued1e28ForTen_RefusedOutOfRange()
    {
        var error = Assert.Throws<DomainException>(() => Credit(amount: 1e28m, price: 10m));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
        Assert.Equal("value", error.Field);
    }

    [Fact]
    public void Create_AmountPackageValuedAMillion_Accepted()
    {
        var template = Credit(amount: Limits.MaxMoney, price: 10m);

        Assert.Equal(Limits.MaxMoney, template.Value);
    }

    [Fact]
    public void Create_PriceAboveTheLargestAmount_RefusedOutOfRange()
    {
        var error = Assert.Throws<DomainException>(() => Course(price: Limits.MaxMoney + 1m));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
    }

    [Fact]
    public void Create_FixedPackageOfMoreThanAThousandSessions_RefusedOutOfRange()
    {
        var lines = Enumerable.Range(0, 11).Select(_ => new PackageLine(ServiceId.New(), 100)).ToList();

        var error = Assert.Throws<DomainException>(() => Template(PackageKind.Fixed, lines: lines));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
    }

    [Fact]
    public void Create_RestrictionDateInTheYear3000_RefusedOutOfRange()
    {
        var restrictions = UsageRestrictions.None with { LastDate = new DateOnly(3000, 1, 1) };

        var error = Assert.Throws<DomainException>(() => Course(restrictions: restrictions));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
        Assert.Equal("restrictions", error.Field);
    }

    [Fact]
    public void Create_ExpiryOfTwoHundredMonths_RefusedOutOfRange()
    {
        var error = Assert.Throws<DomainException>(() => Course(expiry: new Expiry(200, ExpiryUnit.Months)));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
    }

    [Fact]
    public void Edit_RefusedTerms_LeaveTheNameAsItWas()
    {
        var template = Course();
        var terms = new TemplateTerms("Renamed", PackageKind.Course, PackageValueType.Sessions, [new PackageLine(Laser, 1000)], [], false, 0m, new Money(10m, "GBP"), 0m, true, null, null, UsageRestrictions.None);

        Assert.Throws<DomainException>(() => template.Edit(terms, T0, Desk));

        Assert.Equal("Laser course", template.Name);
    }
}
