using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;

namespace FrontDesk.Dashboard.Components.Packages;

/// <summary>A text and value pair for drop-downs and radio lists.</summary>
public sealed record Choice<T>(T Value, string Text);

public enum ExpiryChoice
{
    Never,
    Days,
    Months,
}

/// <summary>One "service x count" line being edited.</summary>
public sealed class LineDraft
{
    public Guid? ServiceId { get; set; }
    public int Count { get; set; } = 1;
}

/// <summary>
/// What the template form edits: plain settable values, turned into a <see cref="SaveTemplate"/>
/// only on save, so a refused save leaves everything typed as it was.
/// </summary>
public sealed class TemplateDraft
{
    public Guid? Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public PackageKind Kind { get; set; } = PackageKind.Course;
    public PackageValueType ValueType { get; set; } = PackageValueType.Sessions;
    public List<LineDraft> Lines { get; set; } = [new LineDraft { Count = 10 }];
    public bool AllServices { get; set; }
    public IEnumerable<Guid> Services { get; set; } = [];
    public decimal Value { get; set; }
    public decimal Price { get; set; }
    public decimal DiscountPercent { get; set; }
    public bool NotForSale { get; set; }
    public Guid? ProviderId { get; set; }
    public ExpiryChoice Expiry { get; set; } = ExpiryChoice.Never;
    public int ExpiryLength { get; set; } = 3;
    public HashSet<DayOfWeek> Weekdays { get; set; } = [];
    public TimeOnly? From { get; set; }
    public TimeOnly? To { get; set; }
    public DateTime? FirstDate { get; set; }
    public DateTime? LastDate { get; set; }
    public List<DateOnly> FixedDates { get; set; } = [];

    public bool IsNew => Id is null;

    public static TemplateDraft New(PackageKind kind) => new()
    {
        Kind = kind,
        Lines = kind == PackageKind.AnyFromList ? [] : [new LineDraft { Count = kind == PackageKind.Course ? 10 : 1 }],
        Value = kind == PackageKind.AnyFromList ? 5 : 0,
    };

    public static TemplateDraft FromView(TemplateView t) => new()
    {
        Id = t.Id,
        Name = t.Name,
        Kind = t.Kind,
        ValueType = t.ValueType,
        Lines = t.Lines.Select(l => new LineDraft { ServiceId = l.ServiceId, Count = l.Count }).ToList(),
        AllServices = t.AllServices,
        Services = t.ServiceIds.ToList(),
        Value = t.Value,
        Price = t.Price,
        DiscountPercent = t.DiscountPercent,
        NotForSale = !t.ForSale,
        ProviderId = t.ProviderId,
        Expiry = t.ExpiryLength is null ? ExpiryChoice.Never : t.ExpiryUnit == ExpiryUnit.Months ? ExpiryChoice.Months : ExpiryChoice.Days,
        ExpiryLength = t.ExpiryLength ?? 3,
        Weekdays = t.Restrictions.Weekdays.ToHashSet(),
        From = t.Restrictions.From,
        To = t.Restrictions.To,
        FirstDate = t.Restrictions.FirstDate?.ToDateTime(TimeOnly.MinValue),
        LastDate = t.Restrictions.LastDate?.ToDateTime(TimeOnly.MinValue),
        FixedDates = t.Restrictions.FixedDates.Order().ToList(),
    };

    /// <summary>The command to save; a line without a service is refused here, everything else by the domain.</summary>
    public SaveTemplate ToCommand(Caller actor)
    {
        if (Kind != PackageKind.AnyFromList && Lines.Any(l => l.ServiceId is null))
        {
            throw DomainException.Invalid(Kind == PackageKind.Course ? "Choose the service of the course." : "Choose a service on each line, or remove the line.", "lines");
        }
        var weekdays = Enum.GetValues<DayOfWeek>().Where(Weekdays.Contains).ToList();
        var restrictions = new RestrictionsView(weekdays, From, To,
            FirstDate is { } first ? DateOnly.FromDateTime(first) : null,
            LastDate is { } last ? DateOnly.FromDateTime(last) : null,
            FixedDates.Order().ToList());
        return new SaveTemplate(
            Name,
            Kind,
            Kind == PackageKind.AnyFromList ? ValueType : PackageValueType.Sessions,
            Kind == PackageKind.AnyFromList ? [] : Lines.Select(l => new PackageLineView(l.ServiceId!.Value, l.Count)).ToList(),
            Kind == PackageKind.AnyFromList && !AllServices ? Services.ToList() : [],
            Kind == PackageKind.AnyFromList && AllServices,
            Value,
            Price,
            DiscountPercent,
            !NotForSale,
            ProviderId,
            Expiry == ExpiryChoice.Never ? null : ExpiryLength,
            Expiry == ExpiryChoice.Months ? ExpiryUnit.Months : ExpiryUnit.Days,
            restrictions,
            actor);
    }
}
