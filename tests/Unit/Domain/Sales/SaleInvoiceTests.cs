using FrontDesk.Dashboard.Sales;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Domain.Sales;

/// <summary>The invoice as a sale of several lines: discounts, tip, partial payments, change, refunds.</summary>
public sealed class SaleInvoiceTests
{
    private static readonly DateTimeOffset Now = A.At(8, 11);
    private static readonly Guid Amira = Guid.NewGuid();

    private static SaleItem Product(decimal price, int quantity = 1, DiscountRequest? discount = null) =>
        new(InvoiceLineKind.Product, "Hand cream", quantity, price, ItemId: Guid.NewGuid(), Discount: discount);

    private static SaleItem Massage(decimal price = 60m, DiscountRequest? discount = null) =>
        new(InvoiceLineKind.Service, "Massage", 1, price, ServiceId.New(), ProviderId: Amira, Discount: discount);

    private static Invoice Sale(ClientId? client, params SaleItem[] items) =>
        Invoice.Sale(InvoiceId.New(), client, null, "GBP", items, null, null, Now);

    private static Invoice Paid(params SaleItem[] items)
    {
        var sale = Sale(ClientId.New(), items);
        sale.Pay([(PaymentMethod.Card, sale.Total.Amount)], Now, A.Desk);
        return sale;
    }

    [Fact]
    public void Sale_PercentLineDiscount_RoundsHalfAwayFromZero()
    {
        var sale = Sale(null, Product(2.25m, discount: new DiscountRequest(DiscountKind.Percent, 10m, "Loyal client")));

        Assert.Equal(0.23m, sale.Lines[0].Discount);
        Assert.Equal(2.02m, sale.Total.Amount);
    }

    [Fact]
    public void Sale_AmountDiscountMoreThanLine_RefusedAsRuleBroken()
    {
        var refused = Assert.Throws<DomainException>(() => Sale(null, Product(10m, discount: new DiscountRequest(DiscountKind.Amount, 10.01m, "Goodwill"))));

        Assert.Equal(DomainErrorKind.RuleBroken, refused.Kind);
        Assert.Contains("more than", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sale_PercentOver100_RefusedAsOutOfRange()
    {
        var refused = Assert.Throws<DomainException>(() => Sale(null, Product(10m, discount: new DiscountRequest(DiscountKind.Percent, 100.5m, "Goodwill"))));

        Assert.Equal(DomainErrorKind.OutOfRange, refused.Kind);
    }

    [Fact]
    public void Sale_DiscountWithoutReason_RefusedAsInvalid()
    {
        var refused = Assert.Throws<DomainException>(() => Sale(null, Product(10m, discount: new DiscountRequest(DiscountKind.Amount, 1m, "  "))));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Equal("discount", refused.Field);
    }

    [Fact]
    public void Sale_SaleDiscount_SharedOverLinesToTheCent()
    {
        var sale = Invoice.Sale(InvoiceId.New(), null, null, "GBP", [Product(10m), Product(10m), Product(10m)], new DiscountRequest(DiscountKind.Amount, 10m, "Opening day"), null, Now);

        Assert.Equal(10m, sale.Lines.Sum(l => l.SaleDiscountShare));
        Assert.Equal(20m, sale.Total.Amount);
        Assert.All(sale.Lines, l => Assert.InRange(l.SaleDiscountShare, 3.33m, 3.34m));
    }

    [Fact]
    public void Sale_Tip_InTotalButNotRevenue()
    {
        var sale = Invoice.Sale(InvoiceId.New(), null, null, "GBP", [Massage()], null, (5m, Amira, "Amira"), Now);

        Assert.Equal(65m, sale.Total.Amount);
        Assert.Equal(60m, SalesRevenue.Of(sale).Total);
        Assert.Equal(Amira, sale.Lines.Single(l => l.Kind == InvoiceLineKind.Tip).ProviderId);
    }

    [Fact]
    public void Pay_LessThanBalanceWithClient_StaysOpenWithBalance()
    {
        var sale = Sale(ClientId.New(), Massage());

        sale.Pay([(PaymentMethod.Card, 25m)], Now, A.Desk);

        Assert.Equal(InvoiceStatus.Open, sale.Status);
        Assert.Equal(35m, sale.Balance);
    }

    [Fact]
    public void Pay_LessThanBalanceWithoutClient_RefusedAndNothingPaid()
    {
        var sale = Sale(null, Massage());

        var refused = Assert.Throws<DomainException>(() => sale.Pay([(PaymentMethod.Card, 25m)], Now, A.Desk));

        Assert.Equal(DomainErrorKind.RuleBroken, refused.Kind);
        Assert.Empty(sale.Payments);
        Assert.Equal(60m, sale.Balance);
    }

    [Fact]
    public void Pay_MoreByCard_RefusedAndNothingPaid()
    {
        var sale = Sale(ClientId.New(), Massage());

        var refused = Assert.Throws<DomainException>(() => sale.Pay([(PaymentMethod.Card, 70m)], Now, A.Desk));

        Assert.Contains("Only cash", refused.Message, StringComparison.Ordinal);
        Assert.Empty(sale.Payments);
    }

    [Fact]
    public void Pay_ExcessCoveredByCash_RecordsNetCashAndChange()
    {
        var sale = Sale(null, Massage());

        sale.Pay([(PaymentMethod.Card, 40m), (PaymentMethod.Cash, 50m)], Now, A.Desk);

        Assert.True(sale.IsPaid);
        Assert.Equal(30m, sale.ChangeGiven);
        Assert.Equal(20m, sale.Payments.Single(p => p.Method == PaymentMethod.Cash).Amount);
        Assert.Equal(60m, sale.Paid.Amount);
    }

    [Fact]
    public void Pay_LaterPaymentsUntilPaid_PaidOnLast()
    {
        var sale = Sale(ClientId.New(), Massage());
        sale.Pay([(PaymentMethod.Card, 30m)], Now, A.Desk);

        sale.Pay([(PaymentMethod.Cash, 30m)], Now.AddDays(7), A.Desk);

        Assert.True(sale.IsPaid);
        Assert.Equal(Now.AddDays(7), sale.PaidAt);
        Assert.Equal(0m, sale.Balance);
    }

    [Fact]
    public void Refund_MoreThanSold_RefusedAsRuleBroken()
    {
        var sale = Paid(Product(10m, quantity: 2));

        var refused = Assert.Throws<DomainException>(() => sale.Refund(InvoiceId.New(), [], [new RefundRequest(1, 3)], null, "Broken", Now, A.Desk));

        Assert.Equal(DomainErrorKind.RuleBroken, refused.Kind);
    }

    [Fact]
    public void Refund_SecondRefundBeyondWhatIsLeft_Refused()
    {
        var sale = Paid(Product(10m, quantity: 2));
        var first = sale.Refund(InvoiceId.New(), [], [new RefundRequest(1, 2)], null, "Broken", Now, A.Desk);

        var refused = Assert.Throws<DomainException>(() => sale.Refund(InvoiceId.New(), [first], [new RefundRequest(1, 1)], null, "Broken", Now, A.Desk));

        Assert.Contains("already refunded", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refund_WithoutReason_RefusedAsInvalid()
    {
        var sale = Paid(Product(10m));

        var refused = Assert.Throws<DomainException>(() => sale.Refund(InvoiceId.New(), [], [new RefundRequest(1, 1)], null, " ", Now, A.Desk));

        Assert.Equal("reason", refused.Field);
    }

    [Fact]
    public void Refund_PaidLine_NegatedLinesAndMoneyBackTheWayItWasPaid()
    {
        var sale = Sale(ClientId.New(), Product(10m), Massage());
        sale.Pay([(PaymentMethod.Card, 50m), (PaymentMethod.Cash, 20m)], Now, A.Desk);

        var refund = sale.Refund(InvoiceId.New(), [], [new RefundRequest(2, 1)], null, "Unhappy", Now, A.Desk);

        Assert.Equal(InvoiceKind.Refund, refund.Kind);
        Assert.Equal(sale.Id, refund.RefundOf);
        Assert.Equal(-60m, refund.Total.Amount);
        Assert.Equal([(PaymentMethod.Cash, -20m), (PaymentMethod.Card, -40m)], refund.Payments.Select(p => (p.Method, p.Amount)));
        Assert.Equal(70m, sale.Paid.Amount);
    }

    [Fact]
    public void Refund_OpenSale_VoidsWhatIsOwedAndNoMoneyMoves()
    {
        var sale = Sale(ClientId.New(), Product(10m), Massage());
        sale.Pay([(PaymentMethod.Card, 10m)], Now, A.Desk);

        var refund = sale.Refund(InvoiceId.New(), [], [new RefundRequest(2, 1)], null, "Not done", Now, A.Desk);

        Assert.Empty(refund.Payments);
        Assert.Equal(60m, refund.VoidedOwed);
        Assert.Equal(0m, sale.Balance);
        Assert.True(sale.IsPaid);
    }

    [Fact]
    public void Refund_MoneyBackByCardBeyondCardPaid_Refused()
    {
        var sale = Sale(null, Product(10m));
        sale.Pay([(PaymentMethod.Cash, 10m)], Now, A.Desk);

        var refused = Assert.Throws<DomainException>(() => sale.Refund(InvoiceId.New(), [], [new RefundRequest(1, 1)], [(PaymentMethod.Card, 10m)], "Broken", Now, A.Desk));

        Assert.Contains("by card", refused.Message, StringComparison.Ordinal);
    }
}
