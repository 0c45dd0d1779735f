using FrontDesk.Dashboard.Security;

namespace FrontDesk.Tests.Unit.Dashboard.Security;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+44 20 7946 0000", "'+44 20 7946 0000")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    public void Text_StartsLikeAFormula_PrefixedWithAQuote(string value, string expected) =>
        Assert.Equal(expected, CsvCell.Text(value));

    [Theory]
    [InlineData("Ella Hart", "Ella Hart")]
    [InlineData("Hart, Ella", "\"Hart, Ella\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("Ella = Hart", "Ella = Hart")]
    [InlineData("<b>Ella</b><script>x</script>", "<b>Ella</b><script>x</script>")]
    public void Text_OrdinaryText_QuotedOnlyWhenItMustBe(string value, string expected) =>
        Assert.Equal(expected, CsvCell.Text(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Text_Nothing_EmptyCell(string? value) =>
        Assert.Equal(string.Empty, CsvCell.Text(value));
}
