using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Catalog;

/// <summary>
/// What is sold and booked: a treatment, a class, a session. Who performs it is kept on the
/// providers (<c>Provider.Services</c>), the one place that says so. A deactivated service
/// cannot be booked or sold any more, but stays in every history that names it.
/// </summary>
public sealed class Service : AggregateRoot
{
    public const int MaxNameLength = 120;
    public const int MaxActivityLength = 60;
    public const int MaxBufferMinutes = 240;

    /// <summary>The longest a service (and so an appointment, which keeps its service's length when moved) lasts.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(12);
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;
    private readonly List<string> _tags = [];
    private readonly List<ResourceId> _requiredResources = [];

    private Service()
    {
        Name = string.Empty;
        Activity = string.Empty;
        Colour = Catalog.Colour.Palette[0];
    }

    public Service(
        ServiceId id,
        string name,
        TimeSpan duration,
        Money price,
        string activity,
        IEnumerable<string>? tags = null,
        IEnumerable<ResourceId>? requiredResources = null,
        int bufferMinutes = 0,
        string? colour = null,
        bool bookableOnline = true)
    {
        Id = id;
        Name = string.Empty;
        Activity = string.Empty;
        Colour = Catalog.Colour.Default(id.Value);
        Apply(name, duration, price, activity, tags, requiredResources, bufferMinutes, colour ?? Colour, bookableOnline, active: true);
    }

    public ServiceId Id { get; private set; }
    public string Name { get; private set; }
    public TimeSpan Duration { get; private set; }
    public Money Price { get; private set; }
    public string Activity { get; private set; }
    public IReadOnlyList<string> Tags => _tags;

    /// <summary>The rooms and machines it may use: one free resource of each kind among them is taken per appointment.</summary>
    public IReadOnlyList<ResourceId> RequiredResources => _requiredResources;

    /// <summary>Minutes after each appointment during which its provider and resources stay taken (cleaning, notes).</summary>
    public int BufferMinutes { get; private set; }
    public TimeSpan Buffer => TimeSpan.FromMinutes(BufferMinutes);

    /// <summary>Its colour on the calendar, "#rrggbb".</summary>
    public string Colour { get; private set; }
    public bool BookableOnline { get; private set; }
    public bool Active { get; private set; }

    /// <summary>Changes every field at once; on a refusal nothing changes.</summary>
    public void Update(
        string name,
        TimeSpan duration,
        Money price,
        string activity,
        IEnumerable<string>? tags,
        IEnumerable<ResourceId>? requiredResources,
        int bufferMinutes,
        string colour,
        bool bookableOnline,
        bool active) =>
        Apply(name, duration, price, activity, tags, requiredResources, bufferMinutes, colour, bookableOnline, active);

    /// <summary>No longer booked or sold; everything that already names it keeps it.</summary>
    public void Deactivate() => Active = false;

    public void Activate() => Active = true;

    /// <summary>Refuses booking or selling an inactive service, saying why.</summary>
    public void EnsureActive(string doing)
    {
        if (!Active)
        {
            throw DomainException.Rule($"{Name} is inactive and cannot be {doing}; activate it in the services settings first.", "serviceId");
        }
    }

    private void Apply(string name, TimeSpan duration, Money price, string activity, IEnumerable<string>? tags, IEnumerable<ResourceId>? requiredResources, int bufferMinutes, string colour, bool bookableOnline, bool active)
    {
        var checkedName = Text.Required(name, "name", "Service name", MaxNameLength);
        if (duration <= TimeSpan.Zero || duration > MaxDuration || duration.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw DomainException.Invalid("A service lasts a whole number of minutes, between 1 minute and 12 hours.", "duration");
        }
        if (price.IsNegative)
        {
            throw DomainException.Invalid("A service price cannot be negative.", "price");
        }
        var checkedActivity = Text.Required(activity, "activity", "Activity", MaxActivityLength);
        var checkedTags = new List<string>();
        foreach (var tag in tags ?? [])
        {
            var t = Text.Optional(tag, "tags", "A tag", MaxTagLength);
            if (t.Length > 0 && !checkedTags.Contains(t, StringComparer.OrdinalIgnoreCase))
            {
                checkedTags.Add(t);
            }
        }
        if (checkedTags.Count > MaxTags)
        {
            throw DomainException.Invalid($"A service has at most {MaxTags} tags.", "tags");
        }
        if (bufferMinutes is < 0 or > MaxBufferMinutes)
        {
            throw DomainException.Invalid($"The buffer after a service is 0 to {MaxBufferMinutes} minutes.", "bufferMinutes");
        }
        var checkedColour = Catalog.Colour.Parse(colour);

        Name = checkedName;
        Duration = duration;
        Price = price;
        Activity = checkedActivity;
        _tags.Clear();
        _tags.AddRange(checkedTags);
        _requiredResources.Clear();
        _requiredResources.AddRange((requiredResources ?? []).Distinct());
        BufferMinutes = bufferMinutes;
        Colour = checkedColour;
        BookableOnline = bookableOnline;
        Active = active;
    }
}
