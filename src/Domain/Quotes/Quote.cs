using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Quotes;

public enum QuoteStatus
{
    Draft,
    Confirmed,
    Closed,
    Cancelled,
}

/// <summary>One prescribed service of a quote: how many were prescribed, and how many sold so far.</summary>
public sealed class QuoteItem
{
    private QuoteItem() => ServiceName = string.Empty;

    internal QuoteItem(int number, ServiceId serviceId, string serviceName, int prescribed, decimal price)
    {
        Number = number;
        ServiceId = serviceId;
        ServiceName = serviceName;
        Prescribed = prescribed;
        Price = price;
    }

    /// <summary>The item's number within its quote (1, 2, ...): what a sale names.</summary>
    public int Number { get; private set; }
    public ServiceId ServiceId { get; private set; }
    public string ServiceName { get; private set; }
    public int Prescribed { get; private set; }
    public decimal Price { get; private set; }
    public int Sold { get; private set; }
    public int Remaining => Prescribed - Sold;

    internal void Sell(int quantity) => Sold += quantity;
}

/// <summary>What one item of a quote sale sells.</summary>
public sealed record QuoteSaleLine(int ItemNumber, ServiceId ServiceId, string ServiceName, int Quantity, decimal Price);

/// <summary>
/// A pay-per-use plan for a client: services prescribed (from a template, then edited while a
/// draft), sold item by item once confirmed and until it expires, never more than prescribed.
/// </summary>
public sealed class Quote : AggregateRoot
{
    public const int MaxDescription = 200;

    private readonly List<QuoteItem> _items = [];

    private Quote()
    {
        Description = string.Empty;
        Currency = string.Empty;
    }

    public Guid Id { get; private set; }
    public ClientId ClientId { get; private set; }
    public Guid? TemplateId { get; private set; }
    public string Description { get; private set; }

    /// <summary>Manual, taken from the quote numbering ("Auto"), or none.</summary>
    public string? Number { get; private set; }
    public DateOnly StartsOn { get; private set; }

    /// <summary>The last day items can be sold from it.</summary>
    public DateOnly ExpiresOn { get; private set; }
    public ProviderId? ConsultantId { get; private set; }
    public string Currency { get; private set; }
    public QuoteStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<QuoteItem> Items => _items;

    public bool IsExpired(DateOnly localToday) => localToday > ExpiresOn;

    public static Quote Create(
        Guid id,
        ClientId client,
        QuoteTemplate? template,
        string? description,
        string? number,
        DateOnly startsOn,
        DateOnly expiresOn,
        ProviderId? consultant,
        IReadOnlyList<(PrescribedItem Item, string ServiceName)> items,
        string currency,
        DateTimeOffset now)
    {
        if (template is { Active: false })
        {
            throw DomainException.Rule($"The quote template {template.Name} is inactive; choose another.", "templateId");
        }
        var quote = new Quote
        {
            Id = id,
            ClientId = client,
            TemplateId = template?.Id,
            Description = Text.Required(description, "description", "Description", MaxDescription),
            Number = number,
            StartsOn = startsOn,
            ExpiresOn = expiresOn,
            ConsultantId = consultant,
            Currency = currency,
            Status = QuoteStatus.Draft,
            CreatedAt = now,
        };
        if (expiresOn < startsOn)
        {
            throw DomainException.Invalid($"The expiry date ({expiresOn:d MMM yyyy}) cannot be before the start date ({startsOn:d MMM yyyy}).", "expiry");
        }
        quote.Fill(items);
        return quote;
    }

    /// <summary>Replaces the prescribed items; only a draft's items change.</summary>
    public void ReplaceItems(IReadOnlyList<(PrescribedItem Item, string ServiceName)> items)
    {
        if (Status != QuoteStatus.Draft)
        {
            throw DomainException.Conflict($"This quote is {Status.ToString().ToLowerInvariant()}: its items can no longer change.");
        }
        Fill(items);
        Version++;
    }

    private void Fill(IReadOnlyList<(PrescribedItem Item, string ServiceName)> items)
    {
        QuoteTemplate.CheckItems(items.Select(i => i.Item).ToList(), "items");
        _items.Clear();
        var number = 1;
        foreach (var (item, name) in items)
        {
            _items.Add(new QuoteItem(number++, item.ServiceId, name, item.Quantity, item.Price));
        }
    }

    public void Confirm(DateTimeOffset now)
    {
        if (Status != QuoteStatus.Draft)
        {
            throw DomainException.Conflict($"This quote is already {Status.ToString().ToLowerInvariant()}.");
        }
        if (_items.Count == 0)
        {
            throw DomainException.Rule("Add at least one prescribed item before confirming the quote.", "items");
        }
        Status = QuoteStatus.Confirmed;
        ConfirmedAt = now;
        Version++;
    }

    /// <summary>
    /// Sells the given quantities of its items (each up to what remains); returns the lines to
    /// invoice and turn into credits. Refused as a whole when any line is refused.
    /// </summary>
    public IReadOnlyList<QuoteSaleLine> Sell(IReadOnlyCollection<(int ItemNumber, int Quantity)> wanted, DateOnly localToday)
    {
        if (Status != QuoteStatus.Confirmed)
        {
            throw DomainException.Rule(Status == QuoteStatus.Draft
                ? "Confirm the quote before selling from it."
                : $"This quote is {Status.ToString().ToLowerInvariant()}: nothing more is sold from it.");
        }
        if (localToday < StartsOn)
        {
            throw DomainException.Rule($"This quote starts on {StartsOn:d MMM yyyy}; nothing is sold from it before then.");
        }
        if (IsExpired(localToday))
        {
            throw DomainException.Rule($"This quote expired on {ExpiresOn:d MMM yyyy}: nothing more is sold from it.");
        }
        Limits.EnsureCount(wanted, Limits.MaxListItems, "items", "Items of one sale");
        if (wanted.Count == 0)
        {
            throw DomainException.Invalid("Choose at least one item and quantity to sell.", "items");
        }
        if (wanted.GroupBy(w => w.ItemNumber).Any(g => g.Count() > 1))
        {
            throw DomainException.Invalid("Name each item once per sale.", "items");
        }
        var lines = new List<(QuoteItem Item, int Quantity)>();
        foreach (var (number, quantity) in wanted)
        {
            var item = _items.FirstOrDefault(i => i.Number == number)
                ?? throw DomainException.NotFound($"This quote has no item {number}.");
            if (quantity < 1)
            {
                throw DomainException.Invalid($"Sell at least 1 of {item.ServiceName}.", "items");
            }
            if (quantity > item.Remaining)
            {
                throw DomainException.Rule($"Only {item.Remaining} of {item.ServiceName} remain prescribed ({item.Sold} of {item.Prescribed} sold); {quantity} cannot be sold.", "items");
            }
            lines.Add((item, quantity));
        }
        lines.ForEach(l => l.Item.Sell(l.Quantity));
        Version++;
        return lines.Select(l => new QuoteSaleLine(l.Item.Number, l.Item.ServiceId, l.Item.ServiceName, l.Quantity, l.Item.Price)).ToList();
    }

    /// <summary>Closes it: nothing more is sold; what was sold stays.</summary>
    public void Close() => End(QuoteStatus.Closed);

    public void Cancel() => End(QuoteStatus.Cancelled);

    private void End(QuoteStatus status)
    {
        if (Status is QuoteStatus.Closed or QuoteStatus.Cancelled)
        {
            throw DomainException.Conflict($"This quote is already {Status.ToString().ToLowerInvariant()}.");
        }
        Status = status;
        Version++;
    }
}
