using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Domain.Catalog;

public sealed class ServiceTests
{
    private readonly Service _massage = A.Service("Swedish massage", 60);

    private void Update(int buffer = 0, string colour = "#00897b", bool active = true, string name = "Deep massage") =>
        _massage.Update(name, TimeSpan.FromMinutes(75), new Money(80m, "GBP"), "Massage", ["deep"], [], buffer, colour, bookableOnline: false, active);

    [Fact]
    public void New_NoColourGiven_TakesOneFromThePalette()
    {
        Assert.Contains(_massage.Colour, Colour.Palette);
        Assert.True(_massage.Active);
        Assert.True(_massage.BookableOnline);
    }

    [Fact]
    public void Update_EveryField_Replaced()
    {
        Update(buffer: 15);

        Assert.Equal(("Deep massage", 75, 80m, 15, "#00897b", false), (_massage.Name, (int)_massage.Duration.TotalMinutes, _massage.Price.Amount, _massage.BufferMinutes, _massage.Colour, _massage.BookableOnline));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(241)]
    public void Update_BufferOutOf0To240_RefusedAndNothingChanges(int buffer)
    {
        var ex = Assert.Throws<DomainException>(() => Update(buffer: buffer));

        Assert.Equal("bufferMinutes", ex.Field);
        Assert.Equal("Swedish massage", _massage.Name);
    }

    [Theory]
    [InlineData("#12345")]
    [InlineData("blue")]
    [InlineData("#gggggg")]
    public void Update_ColourNotHex_Refused(string colour)
    {
        var ex = Assert.Throws<DomainException>(() => Update(colour: colour));

        Assert.Equal("colour", ex.Field);
    }

    [Fact]
    public void Update_ColourInCapitals_StoredLowerCase()
    {
        Update(colour: "#ABCDEF");

        Assert.Equal("#abcdef", _massage.Colour);
    }

    [Fact]
    public void Deactivate_ThenEnsureActive_RefusedNamingTheService()
    {
        _massage.Deactivate();

        var ex = Assert.Throws<DomainException>(() => _massage.EnsureActive("sold"));

        Assert.Equal(DomainErrorKind.RuleBroken, ex.Kind);
        Assert.StartsWith("Swedish massage is inactive and cannot be sold", ex.Message, StringComparison.Ordinal);
    }
}
