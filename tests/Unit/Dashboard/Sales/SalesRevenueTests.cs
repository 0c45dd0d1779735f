using FrontDesk.Dashboard.Sales;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Dashboard.Sales;

/// <summary>The one revenue rule the live board, the review and the "Sales by day" table share.</summary>
public sealed class SalesRevenueTests
{
    private static readonly DateTimeOffset Now = A.At(7, 10);

    private static Invoice Massage(decimal price = 60m, decimal tip = 0m)
    {
        var item = new SaleItem(InvoiceLineKind.Service, "Swedish massage", 1, price, ServiceId.New());
        return Invoice.Sale(InvoiceId.New(), ClientId.New(), null, "GBP", [item], null, tip > 0m ? (tip, Guid.NewGuid(), "Amira") : null, Now);
    }

    [Fact]
    public void Of_SaleWithTip_TipIsNotRevenue()
    {
        var revenue = SalesRevenue.Of(Massage(tip: 5m));

        Assert.Equal(60m, revenue.Services);
        Assert.Equal(60m, revenue.Total);
    }

    [Fact]
    public void TipsOf_SaleWithTip_IsTheTip()
    {
        var sale = Massage(tip: 5m);

        Assert.Equal(5m, SalesRevenue.TipsOf(sale.Lines.Select(l => SalesRevenue.LineOf(sale, l))));
    }

    [Fact]
    public void Of_Refund_CountsUnderRefundsNegativeAndNotUnderItsKind()
    {
        var sale = Massage();
        sale.Pay([(PaymentMethod.Card, 60m)], Now, A.Desk);

        var refund = sale.Refund(InvoiceId.New(), [], [new RefundRequest(1, 1)], null, "unhappy", Now.AddHours(1), A.Desk);
        var revenue = SalesRevenue.Of(refund);

        Assert.Equal((0m, -60m, -60m), (revenue.Services, revenue.Refunds, revenue.Total));
    }

    [Fact]
    public void Of_CreditLine_ReducesServices()
    {
        var revenue = SalesRevenue.Of([new RevenueLine(SalesRevenue.Services, 60m, false, false), new RevenueLine(SalesRevenue.KindOf(InvoiceLineKind.PackageCredit), -60m, false, false)]);

        Assert.Equal(0m, revenue.Services);
    }

    [Fact]
    public void Of_EveryKind_TotalIsTheSumOfTheKinds()
    {
        var kinds = new[] { InvoiceLineKind.Service, InvoiceLineKind.Package, InvoiceLineKind.Membership, InvoiceLineKind.Product, InvoiceLineKind.QuoteItem };

        var revenue = SalesRevenue.Of(kinds.Select((k, i) => new RevenueLine(SalesRevenue.KindOf(k), 10m * (i + 1), false, false)));

        Assert.Equal((10m, 20m, 30m, 40m, 50m, 150m), (revenue.Services, revenue.Packages, revenue.Memberships, revenue.Products, revenue.QuoteSales, revenue.Total));
    }

    [Fact]
    public void Of_KindWithoutATile_StillCountsInTheTotal()
    {
        var revenue = SalesRevenue.Of([new RevenueLine("Gift vouchers", 25m, false, false)]);

        Assert.Equal(25m, revenue.Total);
    }
}
