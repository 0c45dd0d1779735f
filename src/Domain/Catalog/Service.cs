using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Catalog;

/// <summary>What is sold and booked: a treatment, a class, a session.</summary>
public sealed class Service : AggregateRoot
{
    public const int MaxNameLength = 120;
    private readonly List<string> _tags = [];
    private readonly List<ResourceId> _requiredResources = [];

    private Service()
    {
        Name = string.Empty;
        Activity = string.Empty;
    }

    public Service(ServiceId id, string name, TimeSpan duration, Money price, string activity, IEnumerable<string>? tags = null, IEnumerable<ResourceId>? requiredResources = null)
    {
        Id = id;
        Name = Text.Required(name, "name", "Service name", MaxNameLength);
        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromHours(12) || duration.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw DomainException.Invalid("A service lasts a whole number of minutes, between 1 minute and 12 hours.", "duration");
        }
        if (price.IsNegative)
        {
            throw DomainException.Invalid("A service price cannot be negative.", "price");
        }
        Duration = duration;
        Price = price;
        Activity = Text.Required(activity, "activity", "Activity", 60);
        _tags.AddRange((tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase));
        _requiredResources.AddRange((requiredResources ?? []).Distinct());
    }

    public ServiceId Id { get; private set; }
    public string Name { get; private set; }
    public TimeSpan Duration { get; private set; }
    public Money Price { get; private set; }
    public string Activity { get; private set; }
    public IReadOnlyList<string> Tags => _tags;
    public IReadOnlyList<ResourceId> RequiredResources => _requiredResources;
}
