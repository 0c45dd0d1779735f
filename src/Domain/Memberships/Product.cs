using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Memberships;

/// <summary>
/// Something the clinic sells from stock: a jar of cream, or a membership type (a product that
/// needs a code per unit sold, see <see cref="Membership"/>). Stock moves only through
/// inventory documents (arrival, sale, write-off) and never goes below zero unless the
/// business allows it.
/// </summary>
public sealed class Product : AggregateRoot
{
    public const int MaxNameLength = 120;
    public const int MaxQuantity = 100_000;

    private Product()
    {
        Name = string.Empty;
        Currency = string.Empty;
    }

    public ProductId Id { get; private set; }
    public string Name { get; private set; }
    public decimal Price { get; private set; }
    public string Currency { get; private set; }
    public bool Active { get; private set; }
    public int Stock { get; private set; }

    /// <summary>The membership terms when this product is a membership type; null for a plain product.</summary>
    public MembershipTerms? Membership { get; private set; }

    public bool IsMembership => Membership is not null;
    public Money UnitPrice => new(Price, Currency);

    public static Product Create(ProductId id, string? name, Money price, MembershipTerms? membership)
    {
        var product = new Product { Id = id, Active = true, Stock = 0 };
        product.Change(name, price, membership);
        return product;
    }

    public void Edit(string? name, Money price, MembershipTerms? membership)
    {
        if ((membership is null) != (Membership is null))
        {
            throw DomainException.Rule("A product cannot become a membership type (or stop being one); create a new product instead.", "isMembership");
        }
        Change(name, price, membership);
    }

    private void Change(string? name, Money price, MembershipTerms? membership)
    {
        var checkedName = Text.Required(name, "name", "Name", MaxNameLength);
        if (price.IsNegative)
        {
            throw DomainException.Invalid("The price cannot be negative.", "price");
        }
        Name = checkedName;
        Price = price.Amount;
        Currency = price.Currency;
        Membership = membership;
    }

    public void SetActive(bool active) => Active = active;

    /// <summary>Stock in (an arrival).</summary>
    public void Receive(int quantity)
    {
        EnsureQuantity(quantity);
        if (Stock + (long)quantity > int.MaxValue / 2)
        {
            throw Limits.OutOfRange($"{Name}: that much stock cannot be held.", "quantity");
        }
        Stock += quantity;
    }

    /// <summary>
    /// Stock out (a sale or a write-off). Refused when it would go below zero, unless
    /// <paramref name="allowNegative"/>; then it returns true (the desk shows a warning).
    /// </summary>
    public bool Take(int quantity, bool allowNegative)
    {
        EnsureQuantity(quantity);
        if (Stock - quantity < 0)
        {
            if (!allowNegative)
            {
                throw DomainException.Rule(
                    Stock <= 0
                        ? $"{Name} is out of stock. Record an arrival first."
                        : $"Only {Stock} of {Name} in stock; {quantity} asked for.",
                    "quantity");
            }
            if (Stock - (long)quantity < -(int.MaxValue / 2))
            {
                throw Limits.OutOfRange($"{Name}: that much stock cannot be taken.", "quantity");
            }
            Stock -= quantity;
            return true;
        }
        Stock -= quantity;
        return false;
    }

    public static void EnsureQuantity(int quantity)
    {
        if (quantity is < 1 or > MaxQuantity)
        {
            throw Limits.OutOfRange($"A quantity is from 1 to {MaxQuantity:#,0}.", "quantity");
        }
    }
}
