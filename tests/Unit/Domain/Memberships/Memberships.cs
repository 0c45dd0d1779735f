using FrontDesk.Domain.Common;
using FrontDesk.Domain.Memberships;

namespace FrontDesk.Tests.Unit.Domain.Memberships;

/// <summary>Builders for the membership tests, through the real factories.</summary>
internal static class M
{
    public static readonly Actor Desk = Actor.Staff("desk-1", "Front desk 1");
    public static readonly DateTimeOffset Now = new(2030, 1, 7, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2030, 1, 7);
    public static readonly Guid Massage = Guid.NewGuid();
    public static readonly Guid Facial = Guid.NewGuid();

    public static Product Cream(int stock = 0)
    {
        var product = Product.Create(ProductId.New(), "Hand cream", new Money(12.50m, "GBP"), null);
        if (stock > 0)
        {
            product.Receive(stock);
        }
        return product;
    }

    public static Product Type(int? visits = 5, int days = 30, ValidityStart from = ValidityStart.Sale, int stock = 10)
    {
        var product = Product.Create(ProductId.New(), "Massage membership", new Money(200m, "GBP"), MembershipTerms.Create(days, from, [Massage], visits, null));
        if (stock > 0)
        {
            product.Receive(stock);
        }
        return product;
    }

    public static Membership Sold(Product type, string code = "AB12", Guid? holder = null) =>
        Membership.Sell(MembershipId.New(), type, MembershipCode.Parse(code), holder, InventoryDocumentId.New(), Now, Today, Desk);
}
