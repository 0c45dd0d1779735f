using System.Text.Json;
using FrontDesk.Domain.Common;

namespace FrontDesk.Tests.Unit.Domain.Common;

public sealed class ValueListTests
{
    private sealed record Holder(string Name, ValueList<Guid> Ids);

    [Fact]
    public void Equals_SameItemsInTheSameOrder_RecordsHoldingThemAreEqual()
    {
        var id = Guid.NewGuid();

        Assert.Equal(new Holder("a", new([id])), new Holder("a", new([id])));
        Assert.Equal(new Holder("a", new([id])).GetHashCode(), new Holder("a", new([id])).GetHashCode());
    }

    [Fact]
    public void Equals_OtherOrderOrOtherItems_NotEqual()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.NotEqual(new ValueList<Guid>([a, b]), new ValueList<Guid>([b, a]));
        Assert.NotEqual(new ValueList<Guid>([a]), new ValueList<Guid>([a, b]));
    }

    [Fact]
    public void Json_RoundTrip_KeepsTheItemsAsAnArray()
    {
        var holder = new Holder("a", new([Guid.NewGuid(), Guid.NewGuid()]));

        var json = JsonSerializer.Serialize(holder);

        Assert.Contains("\"Ids\":[\"", json, StringComparison.Ordinal);
        Assert.Equal(holder, JsonSerializer.Deserialize<Holder>(json));
    }
}
