using FsCheck;
using FsCheck.Fluent;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Domain.Sales;

/// <summary>
/// Random sales (lines, discounts, a tip), random payments (short, exact, over in cash or card)
/// and random refunds of random lines: whatever is refused changes nothing, the balance is always
/// total - paid - voided and never negative, and the money paid back never exceeds what was paid.
/// </summary>
public sealed class SaleProperties
{
    private static readonly DateTimeOffset T0 = A.At(8, 9);

    private static Gen<(int Price, int Quantity, int Discount)> Line =>
        from price in Gen.Choose(0, 20000)
        from quantity in Gen.Choose(1, 3)
        from discount in Gen.Choose(-1, 120)
        select (price, quantity, discount);

    private static Gen<(int Op, int A, int B)> Step =>
        from op in Gen.Choose(0, 2)
        from a in Gen.Choose(0, 5)
        from b in Gen.Choose(0, 30000)
        select (op, a, b);

    [Fact]
    public void RandomSalesPaymentsAndRefunds_BalanceIsTotalLessPaidNeverNegative_RefundsNeverExceedPaid()
    {
        var histories = from lines in Gen.NonEmptyListOf(Line)
                        from saleDiscount in Gen.Choose(-1, 100)
                        from tip in Gen.Choose(0, 1000)
                        from steps in Gen.ListOf(Step)
                        select (lines, saleDiscount, tip, steps);

        Prop.ForAll(Arb.From(histories), h =>
        {
            Run(h.lines.Take(6).ToList(), h.saleDiscount, h.tip, h.steps.Take(20).ToList());
            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static void Run(IReadOnlyList<(int Price, int Quantity, int Discount)> lines, int saleDiscount, int tip, IReadOnlyList<(int Op, int A, int B)> steps)
    {
        var items = lines.Select(l => new SaleItem(InvoiceLineKind.Product, "Item", l.Quantity, l.Price / 100m, ItemId: Guid.NewGuid(),
            Discount: l.Discount < 0 ? null : new DiscountRequest(DiscountKind.Percent, l.Discount, "Promotion"))).ToList();
        Invoice sale;
        try
        {
            sale = Invoice.Sale(InvoiceId.New(), ClientId.New(), null, "GBP", items,
                saleDiscount < 0 ? null : new DiscountRequest(DiscountKind.Percent, saleDiscount, "Opening day"),
                tip == 0 ? null : (tip / 100m, Guid.NewGuid(), "Amira"), T0);
        }
        catch (DomainException)
        {
            return; // a percent over 100: refused before anything exists
        }
        Assert.Equal(sale.Lines.Sum(l => l.Amount.Amount), sale.Total.Amount);
        Assert.All(sale.Lines, l => Assert.True(l.Amount.Amount >= 0m));
        var refunds = new List<Invoice>();
        var now = T0;
        foreach (var (op, a, b) in steps)
        {
            now = now.AddMinutes(5);
            var before = (sale.Paid.Amount, sale.Voided, sale.Status, Refunds: refunds.Count);
            try
            {
                if (op == 0)
                {
                    sale.Pay([(a % 2 == 0 ? PaymentMethod.Cash : PaymentMethod.Card, Math.Max(0.01m, b / 100m))], now, A.Desk);
                }
                else
                {
                    var number = a % sale.Lines.Count + 1;
                    refunds.Add(sale.Refund(InvoiceId.New(), refunds, [new RefundRequest(number, 1 + b % 3)], null, "Returned", now, A.Desk));
                }
            }
            catch (DomainException)
            {
                Assert.Equal(before, (sale.Paid.Amount, sale.Voided, sale.Status, refunds.Count));
            }
            Assert.Equal(sale.Total.Amount - sale.Paid.Amount - sale.Voided, sale.Balance);
            Assert.True(sale.Balance >= 0m, $"balance {sale.Balance}");
            Assert.True(!sale.IsPaid || sale.Balance == 0m);
            var paidBack = -refunds.SelectMany(r => r.Payments).Sum(p => p.Amount);
            Assert.True(paidBack <= sale.Paid.Amount, $"paid back {paidBack} of {sale.Paid.Amount}");
            Assert.True(-refunds.Sum(r => r.Total.Amount) <= sale.Total.Amount);
            foreach (var method in new[] { PaymentMethod.Cash, PaymentMethod.Card })
            {
                var back = -refunds.SelectMany(r => r.Payments).Where(p => p.Method == method).Sum(p => p.Amount);
                Assert.True(back <= sale.Payments.Where(p => p.Method == method).Sum(p => p.Amount));
            }
            Assert.All(refunds, r => Assert.Equal(-r.Total.Amount, -r.Paid.Amount + r.VoidedOwed));
        }
    }
}
