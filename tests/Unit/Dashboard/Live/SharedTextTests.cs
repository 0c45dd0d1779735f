using FrontDesk.Dashboard.Components.Theme;

namespace FrontDesk.Tests.Unit.Dashboard.Live;

/// <summary>Texts every desk renders alike are kept once; short ones only when a desk keeps them.</summary>
public sealed class SharedTextTests
{
    private static string Fresh(string text) => new(text.ToCharArray());

    [Fact]
    public void Kept_AShortTextRenderedByTwoDesks_IsOneInstance()
    {
        var first = SharedText.Kept(Fresh("grid-row: 2; grid-column: 3;"));

        var second = SharedText.Kept(Fresh("grid-row: 2; grid-column: 3;"));

        Assert.Same(first, second);
    }

    [Fact]
    public void Of_AShortText_IsReturnedAsItIs()
    {
        var text = Fresh("Previous day");

        Assert.Same(text, SharedText.Of(text));
    }

    [Fact]
    public void Of_ALongText_IsOneInstance()
    {
        var block = "<span class=\"sch-item-title\">Ava Thompson</span><span class=\"sch-item-detail\">Chemical peel</span>";

        Assert.Same(SharedText.Of(Fresh(block)), SharedText.Of(Fresh(block)));
    }
}
