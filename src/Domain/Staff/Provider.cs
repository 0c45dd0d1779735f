using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Staff;

/// <summary>The person (or bookable resource) who performs services.</summary>
public sealed class Provider : AggregateRoot
{
    private readonly List<ServiceId> _services = [];
    private readonly List<WorkingShift> _shifts = [];

    private Provider() => Name = string.Empty;

    public Provider(ProviderId id, string name, IEnumerable<ServiceId> services, IEnumerable<WorkingShift> shifts)
    {
        Id = id;
        Name = Text.Required(name, "name", "Provider name", 80);
        _services.AddRange(services.Distinct());
        foreach (var shift in shifts)
        {
            if (shift.From >= shift.To)
            {
                throw DomainException.Invalid($"A shift on {shift.Day} must end after it starts.", "shifts");
            }
            _shifts.Add(shift);
        }
    }

    public ProviderId Id { get; private set; }
    public string Name { get; private set; }
    public IReadOnlyList<ServiceId> Services => _services;
    public IReadOnlyList<WorkingShift> Shifts => _shifts;

    public bool Performs(ServiceId service) => _services.Contains(service);

    /// <summary>Whether one shift covers the whole local interval (an appointment never spans two days).</summary>
    public bool Works(DateTime localStart, DateTime localEnd) =>
        localStart.Date == localEnd.AddTicks(-1).Date
        && _shifts.Any(s => s.Covers(localStart.DayOfWeek, TimeOnly.FromDateTime(localStart), localEnd.TimeOfDay == TimeSpan.Zero ? TimeOnly.MaxValue : TimeOnly.FromDateTime(localEnd)));
}
