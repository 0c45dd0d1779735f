using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Domain.Sales;

public sealed class InvoiceBoundsTests
{
    private static Invoice Open()
    {
        var massage = A.Service();
        return Invoice.ForAppointment(InvoiceId.New(), A.Booked(massage, A.Provider("Amira", null, massage), A.At(8, 10)), "Massage", A.Now);
    }

    [Fact]
    public void Settle_ElevenPayments_RefusedOutOfRangeAndOpen()
    {
        var invoice = Open();

        var error = Assert.Throws<DomainException>(() => invoice.Settle(Enumerable.Repeat((PaymentMethod.Cash, 1m), 11).ToList(), A.Now, A.Desk));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
        Assert.False(invoice.IsPaid);
    }

    [Fact]
    public void Settle_PaymentOfDecimalMaxValue_RefusedOutOfRange()
    {
        var invoice = Open();

        var error = Assert.Throws<DomainException>(() => invoice.Settle([(PaymentMethod.Card, decimal.MaxValue)], A.Now, A.Desk));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
        Assert.Empty(invoice.Payments);
    }
}
