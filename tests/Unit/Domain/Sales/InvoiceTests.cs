using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Domain.Sales;

public sealed class InvoiceTests
{
    private static readonly DateTimeOffset PaidAt = A.At(8, 11);

    private static Invoice InvoiceFor(decimal price)
    {
        var service = A.Service("Massage", 60, price);
        var provider = A.Provider("Amira", null, service);
        var appointment = A.Booked(service, provider, A.At(8, 10));
        return Invoice.ForAppointment(InvoiceId.New(), appointment, service.Name, PaidAt);
    }

    private static DomainException Refusal(Invoice invoice, params (PaymentMethod, decimal)[] payments) =>
        Assert.Throws<DomainException>(() => invoice.Settle(payments, PaidAt, A.Desk));

    [Fact]
    public void ForAppointment_OneLineAtBookedPrice_OpenWithThatTotal()
    {
        var invoice = InvoiceFor(60m);

        Assert.Equal(InvoiceStatus.Open, invoice.Status);
        Assert.Equal(new Money(60m, "GBP"), invoice.Total);
        Assert.Single(invoice.Lines);
    }

    [Fact]
    public void Settle_ExactTotalByCard_PaidWithOnePayment()
    {
        var invoice = InvoiceFor(60m);

        invoice.Settle([(PaymentMethod.Card, 60m)], PaidAt, A.Desk);

        Assert.True(invoice.IsPaid);
        Assert.Equal(PaidAt, invoice.PaidAt);
        Assert.Equal(invoice.Total, invoice.Paid);
        Assert.IsType<InvoicePaid>(Assert.Single(invoice.DomainEvents));
    }

    [Fact]
    public void Settle_MixedCashAndCardAddingUp_PaidWithBothPayments()
    {
        var invoice = InvoiceFor(85.50m);

        invoice.Settle([(PaymentMethod.Cash, 20m), (PaymentMethod.Card, 65.50m)], PaidAt, A.Desk);

        Assert.True(invoice.IsPaid);
        Assert.Equal([PaymentMethod.Cash, PaymentMethod.Card], invoice.Payments.Select(p => p.Method));
        Assert.Equal(new Money(85.50m, "GBP"), invoice.Paid);
    }

    [Fact]
    public void Settle_Short_RefusedAsRuleBrokenAndStaysOpen()
    {
        var invoice = InvoiceFor(60m);

        var ex = Refusal(invoice, (PaymentMethod.Cash, 59.99m));

        Assert.Equal(DomainErrorKind.RuleBroken, ex.Kind);
        Assert.Contains("short", ex.Message, StringComparison.Ordinal);
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
        Assert.Empty(invoice.Payments);
    }

    [Fact]
    public void Settle_Over_RefusedAsRuleBrokenAndStaysOpen()
    {
        var invoice = InvoiceFor(60m);

        var ex = Refusal(invoice, (PaymentMethod.Cash, 40m), (PaymentMethod.Card, 20.01m));

        Assert.Equal(DomainErrorKind.RuleBroken, ex.Kind);
        Assert.Contains("over", ex.Message, StringComparison.Ordinal);
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
        Assert.Empty(invoice.Payments);
    }

    [Fact]
    public void Settle_NoPaymentsForNonZeroTotal_RefusedAsRuleBroken()
    {
        var invoice = InvoiceFor(60m);

        var ex = Refusal(invoice);

        Assert.Equal(DomainErrorKind.RuleBroken, ex.Kind);
        Assert.False(invoice.IsPaid);
    }

    [Fact]
    public void Settle_NoPaymentsForFreeService_Paid()
    {
        var invoice = InvoiceFor(0m);

        invoice.Settle([], PaidAt, A.Desk);

        Assert.True(invoice.IsPaid);
        Assert.Empty(invoice.Payments);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public void Settle_ZeroOrNegativePayment_RefusedAsInvalid(int amount)
    {
        var invoice = InvoiceFor(60m);

        var ex = Refusal(invoice, (PaymentMethod.Card, 60m), (PaymentMethod.Cash, amount));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
        Assert.False(invoice.IsPaid);
    }

    [Fact]
    public void Settle_NegativePaymentBalancedByOverpayment_RefusedAsInvalid()
    {
        var invoice = InvoiceFor(60m);

        var ex = Refusal(invoice, (PaymentMethod.Card, 70m), (PaymentMethod.Cash, -10m));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
        Assert.Empty(invoice.Payments);
    }

    [Fact]
    public void Settle_MoreThanTwoDecimals_RefusedAsInvalid()
    {
        var invoice = InvoiceFor(60m);

        var ex = Refusal(invoice, (PaymentMethod.Card, 59.995m), (PaymentMethod.Cash, 0.005m));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public void Settle_UnknownPaymentMethod_RefusedAsInvalid()
    {
        var invoice = InvoiceFor(60m);

        var ex = Refusal(invoice, ((PaymentMethod)7, 60m));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public void Settle_AlreadyPaid_RefusedAsConflictAndPaymentsUnchanged()
    {
        var invoice = InvoiceFor(60m);
        invoice.Settle([(PaymentMethod.Card, 60m)], PaidAt, A.Desk);

        var ex = Refusal(invoice, (PaymentMethod.Cash, 60m));

        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        Assert.Single(invoice.Payments);
        Assert.Equal(PaymentMethod.Card, invoice.Payments[0].Method);
    }

    [Fact]
    public void Settle_HugeAmounts_RefusedAsDomainErrorNotOverflow()
    {
        var invoice = InvoiceFor(60m);

        var ex = Refusal(invoice, (PaymentMethod.Card, decimal.MaxValue), (PaymentMethod.Cash, decimal.MaxValue));

        Assert.NotEqual(DomainErrorKind.Conflict, ex.Kind);
        Assert.False(invoice.IsPaid);
    }
}
