using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;

namespace FrontDesk.Domain.Calendar;

/// <summary>Why a slot cannot be booked (or <see cref="Available"/>).</summary>
public enum AvailabilityReason
{
    Available,
    NotPerformed,
    OutsideHours,
    InBreak,
    DayOff,
    Closed,
    ProviderBusy,
    ResourceTaken,
    Inactive,
}

public static class AvailabilityReasonExtensions
{
    /// <summary>
    /// Whether a manager may book anyway (outside hours, in a break, on a day off or a closure,
    /// a service the provider does not usually perform). A provider or resource clash and an
    /// inactive service, provider or resource never are.
    /// </summary>
    public static bool IsOverridable(this AvailabilityReason reason) =>
        reason is AvailabilityReason.NotPerformed or AvailabilityReason.OutsideHours or AvailabilityReason.InBreak
            or AvailabilityReason.DayOff or AvailabilityReason.Closed;
}

/// <summary>
/// The answer for one slot: bookable or not and why, the resources it would take, and which
/// rules an override set aside.
/// </summary>
public sealed record SlotVerdict(AvailabilityReason Reason, string Message)
{
    public bool Bookable => Reason == AvailabilityReason.Available;

    /// <summary>When bookable: the one resource of each kind the appointment takes.</summary>
    public IReadOnlyList<ResourceId> Resources { get; init; } = [];

    /// <summary>When bookable with an override: the rules it set aside.</summary>
    public IReadOnlyList<AvailabilityReason> Overridden { get; init; } = [];
}

/// <summary>
/// What availability looks at besides the service and provider: the business's zone, the
/// live appointments (with their buffers), the resources by id, and the business closures.
/// A resource id missing from <see cref="Resources"/> is needed as itself (its own kind).
/// </summary>
public sealed record AvailabilityContext(TimeZoneInfo Zone, IReadOnlyCollection<BusyPeriod> Busy)
{
    public IReadOnlyDictionary<ResourceId, Resource> Resources { get; init; } = new Dictionary<ResourceId, Resource>();

    public IReadOnlyDictionary<DateOnly, BusinessClosure> Closures { get; init; } = new Dictionary<DateOnly, BusinessClosure>();

    public static AvailabilityContext Of(TimeZoneInfo zone, IEnumerable<BusyPeriod> busy, IEnumerable<Resource>? resources = null, IEnumerable<BusinessClosure>? closures = null) =>
        new(zone, busy as IReadOnlyCollection<BusyPeriod> ?? busy.ToList())
        {
            Resources = (resources ?? []).ToDictionary(r => r.Id),
            Closures = (closures ?? []).GroupBy(c => c.Date).ToDictionary(g => g.Key, g => g.First()),
        };
}

/// <summary>A bookable start for a provider.</summary>
public sealed record AvailableStart(ProviderId ProviderId, DateTimeOffset Start);

/// <summary>How a provider's date looks on the calendar.</summary>
public enum DayStatus
{
    Working,
    NotScheduled,
    DayOff,
    Closed,
}

/// <summary>A provider's working hours on one date (wall-clock), from the weekly schedule, the date's exception and the closures.</summary>
public sealed record ProviderDay(ProviderId ProviderId, DateOnly Date, DayStatus Status, string Reason, IReadOnlyList<DayInterval> Hours);

/// <summary>
/// The one place that decides whether a slot is bookable: booking, moving, the list of free
/// starts, the API and the calendar shading all ask it, so they always agree. Times of day are
/// the business's wall-clock times; a slot is a real (UTC) interval.
/// </summary>
public static class Availability
{
    public static readonly TimeSpan DefaultStep = TimeSpan.FromMinutes(15);
    private const string OverrideHint = "Tick \"book outside working hours\" to book anyway.";

    /// <summary>The provider's hours on <paramref name="date"/>: a closure closes everyone; an exception replaces the weekly hours.</summary>
    public static ProviderDay Day(Provider provider, DateOnly date, IReadOnlyDictionary<DateOnly, BusinessClosure> closures)
    {
        if (closures.TryGetValue(date, out var closure))
        {
            return new ProviderDay(provider.Id, date, DayStatus.Closed, closure.Reason, []);
        }
        var hours = provider.HoursOn(date, out var exception);
        if (exception is { Off: true })
        {
            return new ProviderDay(provider.Id, date, DayStatus.DayOff, exception.Reason, []);
        }
        return hours.Count == 0
            ? new ProviderDay(provider.Id, date, DayStatus.NotScheduled, string.Empty, [])
            : new ProviderDay(provider.Id, date, DayStatus.Working, exception?.Reason ?? string.Empty, hours);
    }

    /// <summary>
    /// Whether <paramref name="provider"/> can take <paramref name="service"/> in
    /// <paramref name="slot"/>. With <paramref name="overrideAvailability"/> the overridable
    /// rules (see <see cref="AvailabilityReasonExtensions.IsOverridable"/>) are set aside and
    /// named in the verdict. <paramref name="self"/> is the appointment being moved.
    /// </summary>
    public static SlotVerdict Check(Service service, Provider provider, Slot slot, AvailabilityContext context, bool overrideAvailability = false, AppointmentId? self = null)
    {
        if (!service.Active)
        {
            return new SlotVerdict(AvailabilityReason.Inactive, $"{service.Name} is inactive and cannot be booked; activate it in the services settings first.");
        }
        if (!provider.Active)
        {
            return new SlotVerdict(AvailabilityReason.Inactive, $"{provider.Name} is inactive and takes no bookings.");
        }
        var overridden = new List<AvailabilityReason>();
        if (!provider.Performs(service.Id))
        {
            var refusal = new SlotVerdict(AvailabilityReason.NotPerformed, $"{provider.Name} does not perform {service.Name}.");
            if (!overrideAvailability)
            {
                return refusal;
            }
            overridden.Add(refusal.Reason);
        }
        if (Hours(provider, slot, context) is { } outside)
        {
            if (!overrideAvailability)
            {
                return outside;
            }
            overridden.Add(outside.Reason);
        }

        var occupied = service.Buffer > TimeSpan.Zero ? new Slot(slot.Start, slot.End + service.Buffer) : slot;
        foreach (var other in context.Busy)
        {
            if (other.ProviderId == provider.Id && other.AppointmentId != self && other.Occupied.Overlaps(occupied))
            {
                return new SlotVerdict(AvailabilityReason.ProviderBusy, $"{provider.Name} already has an appointment at that time.");
            }
        }

        var chosen = new List<ResourceId>();
        foreach (var kind in service.RequiredResources.GroupBy(id => context.Resources.TryGetValue(id, out var r) ? r.Kind.ToString() : id.ToString()))
        {
            var candidates = kind.Where(id => !context.Resources.TryGetValue(id, out var r) || r.Active).ToList();
            if (candidates.Count == 0)
            {
                return new SlotVerdict(AvailabilityReason.Inactive, $"{service.Name} needs a {kind.Key.ToLowerInvariant()}, but none of its {kind.Key.ToLowerInvariant()}s is active.");
            }
            var clashes = new List<string>();
            ResourceId? free = null;
            foreach (var id in candidates)
            {
                var clash = context.Busy.FirstOrDefault(b => b.AppointmentId != self && b.Resources.Contains(id) && b.Occupied.Overlaps(occupied));
                if (clash is null)
                {
                    free = id;
                    break;
                }
                var from = TimeZoneInfo.ConvertTime(clash.Occupied.Start, context.Zone);
                var to = TimeZoneInfo.ConvertTime(clash.Occupied.End, context.Zone);
                clashes.Add($"{Describe(id, context)} is taken {from:HH:mm}-{to:HH:mm} by another appointment");
            }
            if (free is not { } got)
            {
                var message = clashes.Count == 1
                    ? $"The {clashes[0]}."
                    : $"No {kind.Key.ToLowerInvariant()} that {service.Name} needs is free: {string.Join("; ", clashes)}.";
                return new SlotVerdict(AvailabilityReason.ResourceTaken, message);
            }
            chosen.Add(got);
        }
        return new SlotVerdict(AvailabilityReason.Available, string.Empty) { Resources = chosen, Overridden = overridden };
    }

    /// <summary>
    /// Every start on the <paramref name="step"/> grid (wall-clock, from midnight) of the dates
    /// <paramref name="from"/>..<paramref name="to"/> that <see cref="Check"/> accepts for
    /// <paramref name="service"/> with one of <paramref name="providers"/>, from
    /// <paramref name="notBefore"/> on; ordered by time, then provider. A wall time that does
    /// not exist (spring forward) is not offered; one that happens twice (fall back) is offered
    /// once, at its first occurrence.
    /// </summary>
    public static IReadOnlyList<AvailableStart> Starts(Service service, IEnumerable<Provider> providers, DateOnly from, DateOnly to, AvailabilityContext context, DateTimeOffset notBefore, TimeSpan? step = null)
    {
        var grid = step ?? DefaultStep;
        if (grid < TimeSpan.FromMinutes(5) || grid > TimeSpan.FromHours(12) || grid.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw DomainException.Invalid("The step between starts is a whole number of minutes from 5 to 720.", "step");
        }
        var candidates = providers.Where(p => p.Active && p.Performs(service.Id)).OrderBy(p => p.Order).ThenBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        var found = new List<AvailableStart>();
        if (!service.Active || candidates.Count == 0)
        {
            return found;
        }
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var days = candidates.Select(p => (Provider: p, Day: Day(p, date, context.Closures))).Where(d => d.Day.Status == DayStatus.Working).ToList();
            if (days.Count == 0)
            {
                continue;
            }
            foreach (var start in GridStarts(date, grid, context.Zone))
            {
                if (start < notBefore)
                {
                    continue;
                }
                // No shortcut on wall times here: on the day the clocks go back an interval ending at
                // 01:00 ends at 01:00's second occurrence, so a first-occurrence 01:00 start is inside
                // it. Check alone judges, exactly as booking does.
                foreach (var (provider, _) in days)
                {
                    if (Check(service, provider, Slot.Starting(start, service.Duration), context).Bookable)
                    {
                        found.Add(new AvailableStart(provider.Id, start));
                    }
                }
            }
        }
        return found;
    }

    /// <summary>The grid's wall times of a date as instants: skipped ones left out, repeated ones once (the first).</summary>
    public static IEnumerable<DateTimeOffset> GridStarts(DateOnly date, TimeSpan step, TimeZoneInfo zone)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        for (var t = TimeSpan.Zero; t < TimeSpan.FromDays(1); t += step)
        {
            var wall = midnight + t;
            if (zone.IsInvalidTime(wall))
            {
                continue;
            }
            var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
            yield return new DateTimeOffset(wall, offset);
        }
    }

    /// <summary>
    /// The working-hours rules. Hours are wall-clock times of the slot's local date, compared as
    /// instants: an interval starts at its first wall time's first occurrence and ends at its last
    /// one's last occurrence, a wall time skipped by the clocks counts from the change, so a slot
    /// across a change of the clocks is judged by the real time it takes.
    /// </summary>
    private static SlotVerdict? Hours(Provider provider, Slot slot, AvailabilityContext context)
    {
        var localStart = TimeZoneInfo.ConvertTime(slot.Start, context.Zone).DateTime;
        var localEnd = TimeZoneInfo.ConvertTime(slot.End, context.Zone).DateTime;
        var date = DateOnly.FromDateTime(localStart);
        var day = Day(provider, date, context.Closures);
        switch (day.Status)
        {
            case DayStatus.Closed:
                return new SlotVerdict(AvailabilityReason.Closed, $"The business is closed on {localStart:ddd d MMM} ({day.Reason}). {OverrideHint}");
            case DayStatus.DayOff:
                var why = day.Reason.Length > 0 ? $" ({day.Reason})" : string.Empty;
                return new SlotVerdict(AvailabilityReason.DayOff, $"{provider.Name} is off on {localStart:ddd d MMM}{why}. {OverrideHint}");
        }
        var interval = day.Hours.FirstOrDefault(h => Instant(date, h.From, context.Zone, first: true) <= slot.Start && slot.End <= Instant(date, h.To, context.Zone, first: false));
        if (interval is null)
        {
            return new SlotVerdict(AvailabilityReason.OutsideHours, $"{provider.Name} is not working {localStart:ddd d MMM HH:mm}-{localEnd:HH:mm}. {OverrideHint}");
        }
        if (interval.Breaks.FirstOrDefault(b => Instant(date, b.From, context.Zone, first: true) < slot.End && slot.Start < Instant(date, b.To, context.Zone, first: false)) is { } pause)
        {
            return new SlotVerdict(AvailabilityReason.InBreak, $"{provider.Name} is on a break {pause} on {localStart:ddd d MMM}. {OverrideHint}");
        }
        return null;
    }

    /// <summary>
    /// The instant of a wall time on a date (<see cref="TimeOnly.MaxValue"/>: the next midnight).
    /// A repeated wall time gives its first or last occurrence; a skipped one, the moment the clocks changed.
    /// </summary>
    public static DateTimeOffset Instant(DateOnly date, TimeOnly time, TimeZoneInfo zone, bool first)
    {
        var wall = time == TimeOnly.MaxValue ? date.AddDays(1).ToDateTime(TimeOnly.MinValue) : date.ToDateTime(time);
        var skipped = 0;
        while (zone.IsInvalidTime(wall) && skipped < 24 * 60)
        {
            wall = wall.AddMinutes(1);
            skipped++;
        }
        if (zone.IsAmbiguousTime(wall))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(wall);
            return new DateTimeOffset(wall, first ? offsets.Max() : offsets.Min());
        }
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

    private static string Describe(ResourceId id, AvailabilityContext context) =>
        context.Resources.TryGetValue(id, out var resource) ? resource.Describe() : "room or machine";
}
