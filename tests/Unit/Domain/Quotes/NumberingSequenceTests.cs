using FrontDesk.Domain.Common;
using FrontDesk.Domain.Quotes;
using FsCheck;
using FsCheck.Fluent;

namespace FrontDesk.Tests.Unit.Domain.Quotes;

public sealed class NumberingSequenceTests
{
    [Fact]
    public void Take_NoReset_PrefixAndPaddedNumberThenNext()
    {
        var sequence = NumberingSequence.Create(Guid.NewGuid(), SequenceKind.Quote, "Q", 7, yearlyReset: false, 2030);

        Assert.Equal(["Q0007", "Q0008"], [sequence.Take(2030), sequence.Take(2031)]);
    }

    [Fact]
    public void Take_YearlyResetNewYear_StartsAgainAtOneWithTheYear()
    {
        var sequence = NumberingSequence.Create(Guid.NewGuid(), SequenceKind.Invoice, "INV", 41, yearlyReset: true, 2030);

        Assert.Equal(["INV2030-0041", "INV2031-0001", "INV2031-0002"], [sequence.Take(2030), sequence.Take(2031), sequence.Take(2031)]);
    }

    [Fact]
    public void Create_NextNumberZero_OutOfRange()
    {
        var refused = Assert.Throws<DomainException>(() => NumberingSequence.Create(Guid.NewGuid(), SequenceKind.Quote, "Q", 0, false, 2030));

        Assert.Equal((DomainErrorKind.OutOfRange, "nextNumber"), (refused.Kind, refused.Field));
    }

    [Fact]
    public void Take_AnyYearsInOrder_NeverRepeatsANumber()
    {
        var years = Gen.ListOf(Gen.Choose(0, 3)).Select(steps => steps.Aggregate(new List<int>(), (list, step) =>
        {
            list.Add((list.Count == 0 ? 2030 : list[^1]) + (step == 3 ? 1 : 0));
            return list;
        }));
        Prop.ForAll(years.ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (sequenceOfYears, reset) =>
        {
            var sequence = NumberingSequence.Create(Guid.NewGuid(), SequenceKind.Quote, "Q", 1, reset, 2030);
            var numbers = sequenceOfYears.Select(sequence.Take).ToList();
            return numbers.Distinct().Count() == numbers.Count;
        }).QuickCheckThrowOnFailure();
    }
}
