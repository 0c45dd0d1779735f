using FrontDesk.Domain.Common;
using FrontDesk.Domain.Quotes;
using FsCheck;
using FsCheck.Fluent;

namespace FrontDesk.Tests.Unit.Domain.Quotes;

public sealed class QuoteTests
{
    private static readonly DateOnly Today = new(2030, 1, 7);
    private static readonly ServiceId Physio = ServiceId.New();
    private static readonly ServiceId Assessment = ServiceId.New();

    private static Quote Draft(int physio = 5, DateOnly? expiry = null) => Quote.Create(
        Guid.NewGuid(), ClientId.New(), null, "Knee rehab", "Q1", Today, expiry ?? Today.AddDays(90), null,
        [(new PrescribedItem(Assessment, 1, 50m), "Assessment"), (new PrescribedItem(Physio, physio, 40m), "Physio session")], "GBP", DateTimeOffset.UnixEpoch);

    private static Quote Confirmed(int physio = 5)
    {
        var quote = Draft(physio);
        quote.Confirm(DateTimeOffset.UnixEpoch);
        return quote;
    }

    [Fact]
    public void Create_NoDescription_RefusedNamingIt()
    {
        var refused = Assert.Throws<DomainException>(() => Quote.Create(Guid.NewGuid(), ClientId.New(), null, "  ", null, Today, Today, null, [], "GBP", DateTimeOffset.UnixEpoch));

        Assert.Equal(("description", "Description is required."), (refused.Field, refused.Message));
    }

    [Fact]
    public void Create_ExpiryBeforeStart_Refused()
    {
        var refused = Assert.Throws<DomainException>(() => Draft(expiry: Today.AddDays(-1)));

        Assert.Equal("expiry", refused.Field);
        Assert.Contains("cannot be before the start date", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FromTemplate_IsDraftWithNumberedItems()
    {
        var quote = Draft();

        Assert.Equal(QuoteStatus.Draft, quote.Status);
        Assert.Equal([1, 2], quote.Items.Select(i => i.Number));
        Assert.Equal([1, 5], quote.Items.Select(i => i.Remaining));
    }

    [Fact]
    public void Sell_Draft_RefusedUntilConfirmed()
    {
        var refused = Assert.Throws<DomainException>(() => Draft().Sell([(2, 1)], Today));

        Assert.Equal("Confirm the quote before selling from it.", refused.Message);
    }

    [Fact]
    public void Sell_TwoThenThree_NothingRemains()
    {
        var quote = Confirmed();

        quote.Sell([(2, 2)], Today);
        quote.Sell([(2, 3)], Today.AddDays(7));

        var physio = quote.Items.Single(i => i.Number == 2);
        Assert.Equal((5, 5, 0), (physio.Prescribed, physio.Sold, physio.Remaining));
    }

    [Fact]
    public void Sell_MoreThanRemains_RefusedAndNothingSold()
    {
        var quote = Confirmed();
        quote.Sell([(2, 4)], Today);

        var refused = Assert.Throws<DomainException>(() => quote.Sell([(1, 1), (2, 2)], Today));

        Assert.Equal(DomainErrorKind.RuleBroken, refused.Kind);
        Assert.Contains("Only 1 of Physio session remain", refused.Message, StringComparison.Ordinal);
        Assert.Equal([0, 4], quote.Items.Select(i => i.Sold));
    }

    [Fact]
    public void Sell_AfterExpiry_Refused()
    {
        var quote = Confirmed();

        var refused = Assert.Throws<DomainException>(() => quote.Sell([(2, 1)], Today.AddDays(91)));

        Assert.Contains("expired", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, quote.Items.Sum(i => i.Sold));
    }

    [Fact]
    public void Sell_OnExpiryDay_Allowed()
    {
        var quote = Confirmed();

        quote.Sell([(2, 1)], Today.AddDays(90));

        Assert.Equal(1, quote.Items.Single(i => i.Number == 2).Sold);
    }

    [Fact]
    public void Sell_Closed_Refused()
    {
        var quote = Confirmed();
        quote.Close();

        var refused = Assert.Throws<DomainException>(() => quote.Sell([(2, 1)], Today));

        Assert.Contains("closed", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplaceItems_Confirmed_Refused()
    {
        var quote = Confirmed();

        var refused = Assert.Throws<DomainException>(() => quote.ReplaceItems([(new PrescribedItem(Physio, 9, 40m), "Physio session")]));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Equal(5, quote.Items.Single(i => i.Number == 2).Prescribed);
    }

    [Fact]
    public void Confirm_NoItems_Refused()
    {
        var quote = Quote.Create(Guid.NewGuid(), ClientId.New(), null, "Empty", null, Today, Today, null, [], "GBP", DateTimeOffset.UnixEpoch);

        var refused = Assert.Throws<DomainException>(() => quote.Confirm(DateTimeOffset.UnixEpoch));

        Assert.Equal(QuoteStatus.Draft, quote.Status);
        Assert.Contains("at least one prescribed item", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sell_AnySequenceOfSales_SoldNeverExceedsPrescribed()
    {
        var prescribed = Gen.Choose(1, 20);
        var sales = Gen.ListOf(Gen.Choose(1, 2).Zip(Gen.Choose(-2, 8)).Select(t => (t.Item1, t.Item2)));
        Prop.ForAll(prescribed.ToArbitrary(), sales.ToArbitrary(), (physio, attempts) =>
        {
            var quote = Confirmed(physio);
            var accepted = new int[3];
            foreach (var (item, quantity) in attempts)
            {
                try
                {
                    quote.Sell([(item, quantity)], Today);
                    accepted[item] += quantity;
                }
                catch (DomainException)
                {
                    // refused: counted nowhere
                }
            }
            return quote.Items.All(i => i.Sold <= i.Prescribed && i.Sold >= 0 && i.Sold == accepted[i.Number] && i.Remaining == i.Prescribed - i.Sold);
        }).QuickCheckThrowOnFailure();
    }
}
