using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Quotes;

/// <summary>A service prescribed by default, with how many and at what price each.</summary>
public sealed record PrescribedItem(ServiceId ServiceId, int Quantity, decimal Price);

/// <summary>
/// A quote template (Settings): a name, the services it prescribes by default and how long a
/// quote made from it is valid. Once a quote used it, it can only be made inactive, never deleted.
/// </summary>
public sealed class QuoteTemplate : AggregateRoot
{
    public const int MaxName = 100;
    public const int MaxValidityDays = 3650;
    public const int MaxQuantity = 1000;

    private List<PrescribedItem> _items = [];

    private QuoteTemplate() => Name = string.Empty;

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public int ValidityDays { get; private set; }
    public bool Active { get; private set; }
    public IReadOnlyList<PrescribedItem> Items => _items;

    public static QuoteTemplate Create(Guid id, string? name, IReadOnlyCollection<PrescribedItem> items, int validityDays)
    {
        var template = new QuoteTemplate { Id = id, Active = true };
        template.Edit(name, items, validityDays);
        return template;
    }

    public void Edit(string? name, IReadOnlyCollection<PrescribedItem> items, int validityDays)
    {
        Name = Text.Required(name, "name", "Name", MaxName);
        if (validityDays < 1 || validityDays > MaxValidityDays)
        {
            throw Limits.OutOfRange($"Validity is 1 to {MaxValidityDays} days.", "validityDays");
        }
        _items = CheckItems(items, "items").ToList();
        ValidityDays = validityDays;
    }

    public void SetActive(bool active) => Active = active;

    /// <summary>Checks prescribed items: a quantity of 1 to <see cref="MaxQuantity"/>, a price in money bounds, each service once.</summary>
    public static IReadOnlyList<PrescribedItem> CheckItems(IReadOnlyCollection<PrescribedItem> items, string field)
    {
        Limits.EnsureCount(items, Limits.MaxListItems, field, "Prescribed items");
        foreach (var item in items)
        {
            if (item.Quantity < 1 || item.Quantity > MaxQuantity)
            {
                throw Limits.OutOfRange($"Each item's quantity is 1 to {MaxQuantity}.", field);
            }
            if (item.Price < 0m)
            {
                throw DomainException.Invalid("A price cannot be negative.", field);
            }
            Limits.EnsureMoney(item.Price, field, "A price");
            if (decimal.Round(item.Price, 2) != item.Price)
            {
                throw DomainException.Invalid("A price has at most two decimals.", field);
            }
        }
        if (items.GroupBy(i => i.ServiceId).Any(g => g.Count() > 1))
        {
            throw DomainException.Invalid("Each service is prescribed once; raise its quantity instead.", field);
        }
        return items.ToList();
    }
}
