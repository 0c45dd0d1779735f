using FrontDesk.Domain.Common;
using FrontDesk.Domain.Memberships;
using FrontDesk.Domain.Sales;
using FsCheck;
using FsCheck.Fluent;

namespace FrontDesk.Tests.Unit.Domain.Memberships;

public sealed class ProductStockTests
{
    [Fact]
    public void Arrival_TwoLines_RaisesStockOfEach()
    {
        var cream = M.Cream();
        var type = M.Type(stock: 0);

        var doc = InventoryDocument.Arrival(InventoryDocumentId.New(), [(cream, 5), (type, 3)], "Supplier: Acme, invoice 77", M.Now, M.Desk);

        Assert.Equal((5, 3), (cream.Stock, type.Stock));
        Assert.Equal("Supplier: Acme, invoice 77", doc.Note);
        Assert.Equal("Front desk 1", doc.AuthorName);
    }

    [Fact]
    public void Take_MoreThanInStock_IsRefusedAndStockUnchanged()
    {
        var cream = M.Cream(stock: 2);

        var error = Assert.Throws<DomainException>(() => cream.Take(3, allowNegative: false));

        Assert.Equal(2, cream.Stock);
        Assert.Contains("Only 2 of Hand cream in stock", error.Message);
    }

    [Fact]
    public void Take_MoreThanInStockWhenAllowed_GoesNegativeWithWarning()
    {
        var cream = M.Cream(stock: 1);

        var warned = cream.Take(3, allowNegative: true);

        Assert.True(warned);
        Assert.Equal(-2, cream.Stock);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(Product.MaxQuantity + 1)]
    public void Receive_QuantityOutOfBounds_IsRefused(int quantity)
    {
        var cream = M.Cream();

        Assert.Throws<DomainException>(() => cream.Receive(quantity));
        Assert.Equal(0, cream.Stock);
    }

    [Fact]
    public void WriteOff_WithoutReason_IsRefused()
    {
        var cream = M.Cream(stock: 4);

        Assert.Throws<DomainException>(() => InventoryDocument.WriteOff(InventoryDocumentId.New(), [(cream, 1)], " ", false, M.Now, M.Desk));
    }

    [Fact]
    public void Sale_MembershipLineQuantityTwo_IsRefused()
    {
        var type = M.Type();

        var error = Assert.Throws<DomainException>(() => InventoryDocument.Sale(InventoryDocumentId.New(),
            [new SaleLine(type, 2, MembershipCode.Parse("AB12"), null)], [(PaymentMethod.Card, 400m)], null, null, false, M.Now, M.Desk));

        Assert.Equal(DomainErrorKind.RuleBroken, error.Kind);
        Assert.Contains("quantity 1", error.Message);
        Assert.Equal(10, type.Stock);
    }

    [Fact]
    public void Sale_MembershipLineWithoutCode_IsRefused()
    {
        var type = M.Type();

        var error = Assert.Throws<DomainException>(() => InventoryDocument.Sale(InventoryDocumentId.New(),
            [new SaleLine(type, 1, null, null)], [(PaymentMethod.Card, 200m)], null, null, false, M.Now, M.Desk));

        Assert.Equal("code", error.Field);
    }

    [Fact]
    public void Sale_SameCodeOnTwoLinesInOtherCase_IsRefused()
    {
        var type = M.Type();

        var error = Assert.Throws<DomainException>(() => InventoryDocument.Sale(InventoryDocumentId.New(),
            [new SaleLine(type, 1, MembershipCode.Parse("ab12"), null), new SaleLine(type, 1, MembershipCode.Parse("AB12 "), null)],
            [(PaymentMethod.Card, 400m)], null, null, false, M.Now, M.Desk));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Sale_PaymentsShort_IsRefusedWithAmounts()
    {
        var cream = M.Cream(stock: 5);

        var error = Assert.Throws<DomainException>(() => InventoryDocument.Sale(InventoryDocumentId.New(),
            [new SaleLine(cream, 2, null, null)], [(PaymentMethod.Cash, 20m)], null, null, false, M.Now, M.Desk));

        Assert.Contains("short by 5.00 GBP", error.Message);
    }

    [Fact]
    public void Sale_PaidInFull_TakesStockAndKeepsLines()
    {
        var cream = M.Cream(stock: 5);
        var type = M.Type();

        var doc = InventoryDocument.Sale(InventoryDocumentId.New(),
            [new SaleLine(cream, 2, null, null), new SaleLine(type, 1, MembershipCode.Parse("AB12"), null)],
            [(PaymentMethod.Cash, 25m), (PaymentMethod.Card, 200m)], null, null, false, M.Now, M.Desk);

        Assert.Equal((3, 9), (cream.Stock, type.Stock));
        Assert.Equal(225m, doc.Total);
        Assert.Equal("AB12", doc.Lines[1].Code);
    }

    [Fact]
    public void Stock_RandomOperations_NeverBelowZeroAndEqualsArrivalsMinusTaken()
    {
        var steps = Gen.ListOf(from take in Gen.Elements(true, false) from q in Gen.Choose(-2, 8) select (take, q));
        Prop.ForAll(Arb.From(steps), ops =>
        {
            var cream = M.Cream();
            var expected = 0;
            foreach (var (take, quantity) in ops)
            {
                try
                {
                    if (take)
                    {
                        cream.Take(quantity, allowNegative: false);
                        expected -= quantity;
                    }
                    else
                    {
                        cream.Receive(quantity);
                        expected += quantity;
                    }
                }
                catch (DomainException)
                {
                }
                if (cream.Stock < 0 || cream.Stock != expected)
                {
                    return false;
                }
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
