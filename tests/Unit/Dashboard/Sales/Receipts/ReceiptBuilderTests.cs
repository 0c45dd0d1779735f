using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Business;
using FrontDesk.Dashboard.Sales.Receipts;

namespace FrontDesk.Tests.Unit.Dashboard.Sales.Receipts;

/// <summary>The receipt's arithmetic: totals, tax contained or added, payments, change, balance, refunds.</summary>
public sealed class ReceiptBuilderTests
{
    private static readonly BusinessProfile Business = BusinessProfile.FromOptions(new BusinessOptions { Name = "Glow Clinic", TimeZone = "Europe/London", Currency = "GBP", Culture = "en-GB" });

    private static ReceiptFacts Sale(params ReceiptFactLine[] lines) =>
        new(Guid.NewGuid(), ReceiptKind.Sale, "1A2B3C4D", new DateTimeOffset(2030, 7, 1, 12, 5, 0, TimeSpan.Zero), "Olivia Smith", "GBP", lines, []);

    private static ReceiptFactLine Item(string description, decimal price, int quantity = 1) => new(description, quantity, price, ReceiptLineKind.Item);

    private static ReceiptSettings Tax(decimal rate, bool included) => ReceiptSettings.Default with { TaxRatePercent = rate, PricesIncludeTax = included };

    [Fact]
    public void Build_DiscountAndPrepaidCredit_TotalIsSubtotalLessBoth()
    {
        var facts = Sale(Item("Swedish massage", 60m), Item("Hand cream", 12.50m, 2), new("10% off", 1, -8.50m, ReceiptLineKind.Discount), new("Paid from Massage x10, session 3", 1, -60m, ReceiptLineKind.Credit));

        var receipt = ReceiptBuilder.Build(facts, Business, ReceiptSettings.Default);

        Assert.Equal((85m, -8.50m, -60m, 16.50m), (receipt.Subtotal, receipt.Discounts, receipt.Credits, receipt.Total));
        Assert.Equal(25m, receipt.Lines[1].Amount);
    }

    [Fact]
    public void Build_PricesIncludeTax_ShowsTheTaxContainedAndKeepsTheTotal()
    {
        var receipt = ReceiptBuilder.Build(Sale(Item("Facial", 100m)), Business, Tax(20m, included: true));

        Assert.Equal(100m, receipt.Total);
        Assert.Equal(16.67m, receipt.Tax!.Amount);
        Assert.Equal("Includes VAT 20%", receipt.Tax.Label);
    }

    [Fact]
    public void Build_PricesExcludeTax_AddsTheRoundedTaxToTheTotal()
    {
        var receipt = ReceiptBuilder.Build(Sale(Item("Peel", 33.33m)), Business, Tax(7.5m, included: false));

        // 33.33 × 7.5% = 2.49975, rounded half away from zero.
        Assert.Equal(2.50m, receipt.Tax!.Amount);
        Assert.Equal(35.83m, receipt.Total);
        Assert.Contains(("VAT 7.5%", 2.50m), receipt.Totals);
    }

    [Fact]
    public void Build_RateZero_ShowsNoTax()
    {
        var receipt = ReceiptBuilder.Build(Sale(Item("Facial", 100m)), Business, ReceiptSettings.Default);

        Assert.Null(receipt.Tax);
        Assert.DoesNotContain(receipt.Totals, row => row.Label.Contains("VAT", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Tip_IsAddedToTheTotalButNotTaxed()
    {
        var receipt = ReceiptBuilder.Build(Sale(Item("Facial", 100m)) with { Tip = 10m }, Business, Tax(10m, included: false));

        Assert.Equal(10m, receipt.Tax!.Amount);
        Assert.Equal(120m, receipt.Total);
    }

    [Fact]
    public void Build_PaidLessThanTheTotal_ShowsTheBalanceOwed()
    {
        var receipt = ReceiptBuilder.Build(Sale(Item("Laser", 90m)) with { Payments = [new("Card", 40m)] }, Business, ReceiptSettings.Default);

        Assert.Equal(50m, receipt.Balance);
    }

    [Fact]
    public void Build_CashWithChange_OwesNothingAndShowsTheChange()
    {
        // 50 in cash handed over for the 40 left to pay: 40 kept, 10 given back.
        var facts = Sale(Item("Laser", 90m)) with { Payments = [new("Card", 50m), new("Cash", 40m)], ChangeGiven = 10m };

        var receipt = ReceiptBuilder.Build(facts, Business, ReceiptSettings.Default);

        Assert.Equal((0m, 10m), (receipt.Balance, receipt.ChangeGiven));
    }

    [Fact]
    public void Build_Refund_IsTitledRefundWithNegativeAmounts()
    {
        var facts = Sale(Item("Hand cream", 12.50m, 2), new("10% off", 1, -2.50m, ReceiptLineKind.Discount)) with
        {
            Kind = ReceiptKind.Refund,
            RefundOf = "9F8E7D6C",
            Reason = "Allergic reaction",
            Payments = [new("Card", 22.50m)],
        };

        var receipt = ReceiptBuilder.Build(facts, Business, Tax(20m, included: true));

        Assert.Equal("Refund", receipt.Title);
        Assert.Equal((-25m, 2.50m, -22.50m), (receipt.Subtotal, receipt.Discounts, receipt.Total));
        Assert.Equal(-3.75m, receipt.Tax!.Amount);
        Assert.Equal(-22.50m, Assert.Single(receipt.Payments).Amount);
        Assert.Equal(0m, receipt.Balance);
        Assert.Equal(("Total refunded", -22.50m), receipt.Totals.Single(t => t.Label.StartsWith("Total", StringComparison.Ordinal)));
    }

    [Fact]
    public void Build_SummerSale_DateIsTheBusinessWallClock()
    {
        var receipt = ReceiptBuilder.Build(Sale(Item("Facial", 100m)), Business, ReceiptSettings.Default);

        Assert.Equal("1 Jul 2030 13:05", receipt.Date);
    }

    [Fact]
    public void Money_BusinessCulture_FormatsWithTheCurrency()
    {
        var receipt = ReceiptBuilder.Build(Sale(Item("Course", 1250m)), Business with { Culture = "de-DE", Currency = "EUR" }, ReceiptSettings.Default) with { Currency = "EUR" };

        Assert.Equal("1.250,00 EUR", receipt.Money(1250m));
    }
}
