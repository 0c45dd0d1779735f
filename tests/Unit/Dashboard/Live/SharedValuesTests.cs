using FrontDesk.Dashboard.Live;

namespace FrontDesk.Tests.Unit.Dashboard.Live;

/// <summary>Equal immutable values read by several desks end up as one instance, within a bound.</summary>
public sealed class SharedValuesTests
{
    private sealed record Row(string Name, int Version);

    [Fact]
    public void Of_AnEqualValueReadAgain_ReturnsTheFirstInstance()
    {
        var shared = new SharedValues<Row>(capacity: 16);
        var first = shared.Of(new Row(new string("Ava Thompson".ToCharArray()), 3));

        var again = shared.Of(new Row(new string("Ava Thompson".ToCharArray()), 3));

        Assert.Same(first, again);
        Assert.Same(first.Name, again.Name);
    }

    [Fact]
    public void Of_AChangedValue_IsNotTheOldInstance()
    {
        var shared = new SharedValues<Row>(capacity: 16);
        var before = shared.Of(new Row("Ava Thompson", 3));

        var after = shared.Of(new Row("Ava Thompson", 4));

        Assert.NotSame(before, after);
        Assert.Equal(4, after.Version);
    }

    [Fact]
    public void Of_MoreValuesThanTheCapacity_KeepsAtMostTheCapacity()
    {
        var shared = new SharedValues<Row>(capacity: 8);

        for (var i = 0; i < 100; i++)
        {
            var row = new Row("Client", i);
            Assert.Equal(row, shared.Of(row));
            Assert.InRange(shared.Count, 1, 8);
        }
    }

    [Fact]
    public void Of_MoreWeightThanTheBudget_StartsAgainAndKeepsServing()
    {
        var shared = new SharedValues<string>(capacity: 1000, weigh: text => text.Length, maxWeight: 100);
        var first = shared.Of(new string('a', 60));

        var second = shared.Of(new string('b', 60));

        // 120 characters over a budget of 100: the first was let go, the second is kept and served.
        Assert.Equal(1, shared.Count);
        Assert.Same(second, shared.Of(new string('b', 60)));
        Assert.NotSame(first, shared.Of(new string('a', 60)));
    }

    [Fact]
    public async Task Of_ManyDesksAtOnce_AllGetOneInstancePerValue()
    {
        var shared = new SharedValues<Row>(capacity: 1024);

        var seen = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 50).Select(i => shared.Of(new Row("Client", i))).ToList())));

        for (var i = 0; i < 50; i++)
        {
            Assert.All(seen, desk => Assert.Same(seen[0][i], desk[i]));
        }
    }

    private sealed record Shift(DayOfWeek Day, IReadOnlyList<string> Breaks);

    [Fact]
    public void Of_RecordsHoldingEqualLists_AlikeAsJson_ShareOneInstance()
    {
        var shared = new SharedValues<Shift>(capacity: 16, comparer: AlikeAsJson<Shift>.Instance);
        var first = shared.Of(new Shift(DayOfWeek.Monday, ["12:00-12:30"]));

        var again = shared.Of(new Shift(DayOfWeek.Monday, ["12:00-12:30"]));

        // The record's own equality compares the lists by reference: these two are not Equal.
        Assert.NotEqual(new Shift(DayOfWeek.Monday, ["12:00-12:30"]), new Shift(DayOfWeek.Monday, ["12:00-12:30"]));
        Assert.Same(first, again);
    }

    [Fact]
    public void Of_RecordsDifferingInsideAList_AlikeAsJson_AreNotShared()
    {
        var shared = new SharedValues<Shift>(capacity: 16, comparer: AlikeAsJson<Shift>.Instance);
        var before = shared.Of(new Shift(DayOfWeek.Monday, ["12:00-12:30"]));

        var after = shared.Of(new Shift(DayOfWeek.Monday, ["12:00-13:00"]));

        Assert.NotSame(before, after);
        Assert.Equal("12:00-13:00", after.Breaks.Single());
    }
}
