using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Packages;

/// <summary>Course: N x one service. Fixed: a set mix (1 Swedish + 2 Thai). AnyFromList: any of the listed (or all) services, against a balance.</summary>
public enum PackageKind
{
    Course,
    Fixed,
    AnyFromList,
}

/// <summary>What an any-from-list package is worth: a number of appointments, minutes, money, or no limit.</summary>
public enum PackageValueType
{
    Sessions,
    Minutes,
    Amount,
    Unlimited,
}

public enum TemplateStatus
{
    Active,
    Disabled,
}

/// <summary>One line of a course or fixed package: this service, this many times.</summary>
public sealed record PackageLine(ServiceId ServiceId, int Count);

public enum ExpiryUnit
{
    Days,
    Months,
}

/// <summary>How long a record stays valid after purchase (none = never expires).</summary>
public sealed record Expiry(int Length, ExpiryUnit Unit)
{
    public DateTimeOffset From(DateTimeOffset purchasedAt) => Unit == ExpiryUnit.Days ? purchasedAt.AddDays(Length) : purchasedAt.AddMonths(Length);
}

/// <summary>When a package may be used: weekdays, a time-of-day window, a date range, or a list of dates (all optional, all in local time).</summary>
public sealed record UsageRestrictions(
    IReadOnlyList<DayOfWeek> Weekdays,
    TimeOnly? From,
    TimeOnly? To,
    DateOnly? FirstDate,
    DateOnly? LastDate,
    IReadOnlyList<DateOnly> FixedDates)
{
    public static UsageRestrictions None { get; } = new([], null, null, null, null, []);

    /// <summary>Why a local appointment time is outside these restrictions, or null when it is inside.</summary>
    public string? Refuse(DateTime localStart, DateTime localEnd)
    {
        var day = DateOnly.FromDateTime(localStart);
        if (Weekdays.Count > 0 && !Weekdays.Contains(localStart.DayOfWeek))
        {
            return $"only valid on {string.Join(", ", Weekdays.Select(d => d.ToString()[..3]))}";
        }
        if (From is { } from && TimeOnly.FromDateTime(localStart) < from || To is { } to && (localEnd.Date > localStart.Date || TimeOnly.FromDateTime(localEnd) > to))
        {
            return $"only valid {From?.ToString("HH:mm") ?? "00:00"}-{To?.ToString("HH:mm") ?? "24:00"}";
        }
        if (FirstDate is { } first && day < first || LastDate is { } last && day > last)
        {
            return $"only valid from {FirstDate?.ToString("d MMM yyyy") ?? "the start"} to {LastDate?.ToString("d MMM yyyy") ?? "the end"}";
        }
        if (FixedDates.Count > 0 && !FixedDates.Contains(day))
        {
            return "not valid on this date";
        }
        return null;
    }
}

/// <summary>
/// What a clinic sells as a course or package. Editing its services and restrictions applies
/// to the records already sold (they refer to it); a record's own expiry and balance do not
/// change. Disabling stops new sales and leaves sold records untouched.
/// </summary>
public sealed class PackageTemplate : AggregateRoot
{
    public const int MaxNameLength = 120;
    private List<PackageLine> _lines = [];
    private List<ServiceId> _services = [];

    private PackageTemplate()
    {
        Name = string.Empty;
        Restrictions = UsageRestrictions.None;
    }

    public PackageTemplateId Id { get; private set; }
    public string Name { get; private set; }
    public PackageKind Kind { get; private set; }
    public PackageValueType ValueType { get; private set; }

    /// <summary>Course and fixed packages: the services and how many of each.</summary>
    public IReadOnlyList<PackageLine> Lines => _lines;

    /// <summary>Any-from-list: the services it covers; empty with <see cref="AllServices"/> = every service.</summary>
    public IReadOnlyList<ServiceId> Services => _services;
    public bool AllServices { get; private set; }

    /// <summary>Any-from-list with Sessions, Minutes or Amount: how much one purchase is worth.</summary>
    public decimal Value { get; private set; }
    public Money Price { get; private set; }

    /// <summary>Discount applied automatically to covered services when they are paid normally, 0-100.</summary>
    public decimal DiscountPercent { get; private set; }
    public bool ForSale { get; private set; }
    public ProviderId? Provider { get; private set; }
    public Expiry? Expiry { get; private set; }
    public UsageRestrictions Restrictions { get; private set; }
    public TemplateStatus Status { get; private set; }

    public bool IsCountBased => Kind is PackageKind.Course or PackageKind.Fixed || ValueType == PackageValueType.Sessions;

    /// <summary>Sessions in one purchase (count-based templates).</summary>
    public int SessionCount => Kind == PackageKind.AnyFromList ? (int)Value : _lines.Sum(l => l.Count);

    public static PackageTemplate Create(PackageTemplateId id, TemplateTerms terms, DateTimeOffset now, Actor actor)
    {
        var template = new PackageTemplate { Id = id, Status = TemplateStatus.Active };
        template.Set(terms, now);
        template.Raise(new PackageTemplateSaved(id, now, actor));
        return template;
    }

    /// <summary>
    /// Changes what the template covers and when; sold records follow its services and
    /// restrictions (their own expiry and balance stay). The kind and value type stay too.
    /// </summary>
    public void Edit(TemplateTerms terms, DateTimeOffset now, Actor actor)
    {
        if (terms.Kind != Kind || terms.Kind == PackageKind.AnyFromList && terms.ValueType != ValueType)
        {
            throw DomainException.Invalid("A template keeps its kind and value type; create a new template instead.", "kind");
        }
        Set(terms, now);
        Raise(new PackageTemplateSaved(Id, now, actor));
    }

    public void Disable(DateTimeOffset now, Actor actor)
    {
        Status = TemplateStatus.Disabled;
        Raise(new PackageTemplateSaved(Id, now, actor));
    }

    public void Enable(DateTimeOffset now, Actor actor)
    {
        Status = TemplateStatus.Active;
        Raise(new PackageTemplateSaved(Id, now, actor));
    }

    /// <summary>Whether a session of this line (or, for any-from-list, the package) covers the service.</summary>
    public bool Covers(ServiceId service, int? line = null) => Kind switch
    {
        PackageKind.AnyFromList => AllServices || _services.Contains(service),
        _ when line is { } l => l >= 0 && l < _lines.Count && _lines[l].ServiceId == service,
        _ => _lines.Any(x => x.ServiceId == service),
    };

    /// <summary>Refuses a new sale of this template.</summary>
    public void EnsureCanSell(bool manualAssignment)
    {
        if (Status == TemplateStatus.Disabled)
        {
            throw DomainException.Rule($"{Name} is disabled and can no longer be sold or assigned.");
        }
        if (!ForSale && !manualAssignment)
        {
            throw DomainException.Rule($"{Name} is not for sale; it can only be assigned without an invoice.");
        }
    }

    private void Set(TemplateTerms terms, DateTimeOffset now)
    {
        var (name, kind, valueType, lines, services, allServices, value, price, discountPercent, forSale, provider, expiry, restrictions) = terms;
        var validName = Text.Required(name, "name", "Package name", MaxNameLength);
        if (!Enum.IsDefined(kind) || !Enum.IsDefined(valueType))
        {
            throw DomainException.Invalid("Unknown package kind or value type.", "kind");
        }
        // Bounds first: nothing below walks a list or a number larger than these.
        Limits.EnsureCount(lines, Limits.MaxListItems, "lines", "Services of a package");
        Limits.EnsureCount(services, Limits.MaxListItems, "serviceIds", "Services of a package");
        Limits.EnsureCount(restrictions.FixedDates, Limits.MaxListItems, "restrictions", "Fixed dates");
        Limits.EnsureCount(restrictions.Weekdays, 7, "restrictions", "Weekdays");
        if (restrictions.Weekdays.Any(d => !Enum.IsDefined(d)))
        {
            throw DomainException.Invalid("Unknown weekday.", "restrictions");
        }
        foreach (var day in restrictions.FixedDates.Concat(new[] { restrictions.FirstDate, restrictions.LastDate }.OfType<DateOnly>()))
        {
            Limits.EnsureDate(day, now, "restrictions", "A restriction date");
        }
        if (kind != PackageKind.AnyFromList)
        {
            if (lines.Any(l => l.Count is < 1 or > Limits.MaxTimesPerLine))
            {
                throw Limits.OutOfRange($"Each service is included between 1 and {Limits.MaxTimesPerLine} times.", "lines");
            }
            if (lines.Sum(l => l.Count) > Limits.MaxSessionsPerRecord)
            {
                throw Limits.OutOfRange($"A package holds at most {Limits.MaxSessionsPerRecord} sessions.", "lines");
            }
        }
        else if (valueType != PackageValueType.Unlimited)
        {
            if (value <= 0m)
            {
                throw DomainException.Invalid("Say how much the package is worth (sessions, minutes or amount above zero).", "value");
            }
            _ = valueType switch
            {
                PackageValueType.Sessions => Limits.EnsureWhole(value, 1, Limits.MaxSessionsPerRecord, "value", "The number of sessions"),
                PackageValueType.Minutes => Limits.EnsureWhole(value, 1, Limits.MaxMinutes, "value", "The number of minutes"),
                _ => Limits.EnsureMoney(value, "value", "The package's value"),
            };
        }
        Limits.EnsureMoney(discountPercent, "discountPercent", "The discount");
        if (expiry is { Unit: ExpiryUnit.Days, Length: < 1 or > Limits.MaxExpiryDays } or { Unit: ExpiryUnit.Months, Length: < 1 or > Limits.MaxExpiryMonths })
        {
            throw Limits.OutOfRange($"Expiry is between 1 and {Limits.MaxExpiryDays} days or 1 and {Limits.MaxExpiryMonths} months, or none.", "expiry");
        }
        if (expiry is not null && !Enum.IsDefined(expiry.Unit))
        {
            throw DomainException.Invalid("Expiry is in days or months.", "expiry");
        }
        switch (kind)
        {
            case PackageKind.Course:
                if (lines.Count != 1)
                {
                    throw DomainException.Invalid("A course is one service a number of times.", "lines");
                }
                valueType = PackageValueType.Sessions;
                break;
            case PackageKind.Fixed:
                if (lines.Count == 0 || lines.Select(l => l.ServiceId).Distinct().Count() != lines.Count)
                {
                    throw DomainException.Invalid("A fixed package lists each service once, with how many of it.", "lines");
                }
                valueType = PackageValueType.Sessions;
                break;
            case PackageKind.AnyFromList:
                if (!allServices && services.Count == 0)
                {
                    throw DomainException.Invalid("Tick the services this package covers, or choose all services.", "serviceIds");
                }
                break;
        }
        if (price.IsNegative)
        {
            throw DomainException.Invalid("The selling price cannot be negative.", "price");
        }
        if (discountPercent is < 0m or > 100m)
        {
            throw DomainException.Invalid("The discount is a percentage from 0 to 100.", "discountPercent");
        }
        if (restrictions.From is { } f && restrictions.To is { } t && f >= t)
        {
            throw DomainException.Invalid("The time window must end after it starts.", "restrictions");
        }
        if (restrictions.FirstDate is { } a && restrictions.LastDate is { } b && a > b)
        {
            throw DomainException.Invalid("The date range must end on or after its first day.", "restrictions");
        }
        Name = validName;
        Kind = kind;
        ValueType = valueType;
        _lines = kind == PackageKind.AnyFromList ? [] : lines.ToList();
        _services = kind == PackageKind.AnyFromList && !allServices ? services.Distinct().ToList() : [];
        AllServices = kind == PackageKind.AnyFromList && allServices;
        Value = kind == PackageKind.AnyFromList ? (valueType == PackageValueType.Unlimited ? 0m : value) : lines.Sum(l => l.Count);
        Price = price;
        DiscountPercent = discountPercent;
        ForSale = forSale;
        Provider = provider;
        Expiry = expiry;
        Restrictions = restrictions;
    }
}

/// <summary>Everything a clinic decides about a template: what it covers, what it costs, when it can be used.</summary>
public sealed record TemplateTerms(
    string Name,
    PackageKind Kind,
    PackageValueType ValueType,
    IReadOnlyList<PackageLine> Lines,
    IReadOnlyList<ServiceId> Services,
    bool AllServices,
    decimal Value,
    Money Price,
    decimal DiscountPercent,
    bool ForSale,
    ProviderId? Provider,
    Expiry? Expiry,
    UsageRestrictions Restrictions);

public sealed record PackageTemplateSaved(PackageTemplateId TemplateId, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);
