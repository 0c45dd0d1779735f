using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Common;
using FsCheck;
using FsCheck.Fluent;

namespace FrontDesk.Tests.Unit.Domain.Calendar;

public sealed class SlotTests
{
    private static readonly DateTimeOffset Origin = new(2030, 1, 7, 0, 0, 0, TimeSpan.Zero);

    private static Slot Minutes(int from, int to) => new(Origin.AddMinutes(from), Origin.AddMinutes(to));

    [Fact]
    public void Constructor_EndNotAfterStart_RefusedAsInvalid()
    {
        var ex = Assert.Throws<DomainException>(() => Minutes(60, 60));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public void Constructor_LocalOffsets_StoresUtcInstants()
    {
        var start = new DateTimeOffset(2030, 7, 1, 10, 0, 0, TimeSpan.FromHours(1));

        var slot = new Slot(start, start.AddHours(1));

        Assert.Equal(TimeSpan.Zero, slot.Start.Offset);
        Assert.Equal(new DateTimeOffset(2030, 7, 1, 9, 0, 0, TimeSpan.Zero), slot.Start);
    }

    [Fact]
    public void Starting_Duration_EndsThatLaterInUtc()
    {
        var slot = Slot.Starting(new DateTimeOffset(2030, 7, 1, 10, 0, 0, TimeSpan.FromHours(1)), TimeSpan.FromMinutes(45));

        Assert.Equal(new DateTimeOffset(2030, 7, 1, 9, 0, 0, TimeSpan.Zero), slot.Start);
        Assert.Equal(TimeSpan.FromMinutes(45), slot.Duration);
    }

    [Fact]
    public void Starting_EndBeyondTheLastRepresentableInstant_RefusedAsInvalid()
    {
        var start = new DateTimeOffset(9999, 12, 31, 23, 30, 0, TimeSpan.Zero);

        var ex = Assert.Throws<DomainException>(() => Slot.Starting(start, TimeSpan.FromHours(1)));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public void Overlaps_TouchingIntervals_False()
    {
        Assert.False(Minutes(600, 660).Overlaps(Minutes(660, 720)));
    }

    [Fact]
    public void Overlaps_OneMinuteShared_True()
    {
        Assert.True(Minutes(600, 661).Overlaps(Minutes(660, 720)));
    }

    [Fact]
    public void Overlaps_Contained_True()
    {
        Assert.True(Minutes(600, 720).Overlaps(Minutes(630, 640)));
    }

    private static readonly Arbitrary<(int Start, int Length)> Interval =
        Gen.Choose(0, 2000).Zip(Gen.Choose(1, 300)).Select(t => (t.Item1, t.Item2)).ToArbitrary();

    [Fact]
    public void Overlaps_AnyTwoSlots_IsSymmetric()
    {
        Prop.ForAll(Interval, Interval, (a, b) =>
        {
            var x = Minutes(a.Start, a.Start + a.Length);
            var y = Minutes(b.Start, b.Start + b.Length);
            return x.Overlaps(y) == y.Overlaps(x);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Overlaps_AnyTwoSlots_TrueExactlyWhenAMinuteIsShared()
    {
        Prop.ForAll(Interval, Interval, (a, b) =>
        {
            var x = Minutes(a.Start, a.Start + a.Length);
            var y = Minutes(b.Start, b.Start + b.Length);
            var shared = Enumerable.Range(a.Start, a.Length).Intersect(Enumerable.Range(b.Start, b.Length)).Any();
            return x.Overlaps(y) == shared;
        }).QuickCheckThrowOnFailure();
    }
}
