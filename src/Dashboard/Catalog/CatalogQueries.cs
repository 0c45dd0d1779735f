using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Catalog;

/// <summary>
/// Services, providers, resources, schedules and closures (small lists read whole), and the
/// availability read side: bookable starts and per-date working periods, both decided by
/// <see cref="Availability"/>, the same function booking uses.
/// </summary>
public sealed class CatalogQueries(IDbContextFactory<DashboardDbContext> contexts, BusinessClock clock)
{
    /// <summary>The widest date range availability and working periods are asked for.</summary>
    public const int MaxAvailabilityDays = 31;

    public async Task<IReadOnlyList<ServiceView>> ServicesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var services = await db.Services.AsNoTracking().OrderBy(s => s.Activity).ThenBy(s => s.Name).ToListAsync(ct);
        var providers = await db.Providers.AsNoTracking().ToListAsync(ct);
        return services.Select(s => ServiceView.From(s, providers)).ToList();
    }

    public async Task<ServiceView?> ServiceAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == new ServiceId(id), ct);
        return service is null ? null : ServiceView.From(service, await db.Providers.AsNoTracking().ToListAsync(ct));
    }

    /// <summary>Providers in calendar order (then by name).</summary>
    public async Task<IReadOnlyList<ProviderView>> ProvidersAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var providers = await db.Providers.AsNoTracking().ToListAsync(ct);
        return Ordered(providers).Select(ProviderView.From).ToList();
    }

    public async Task<ProviderView?> ProviderAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == new ProviderId(id), ct);
        return provider is null ? null : ProviderView.From(provider);
    }

    public async Task<IReadOnlyList<ResourceView>> ResourcesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var resources = await db.Resources.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        return resources.Select(ResourceView.From).ToList();
    }

    public async Task<ResourceView?> ResourceAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var resource = await db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == new ResourceId(id), ct);
        return resource is null ? null : ResourceView.From(resource);
    }

    public async Task<ScheduleView> ScheduleAsync(Guid providerId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == new ProviderId(providerId), ct)
            ?? throw DomainException.NotFound("That provider does not exist.");
        return ScheduleView.From(provider);
    }

    /// <summary>Business closures, by date; from/to bound them when given.</summary>
    public async Task<IReadOnlyList<ClosureView>> ClosuresAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.BusinessClosures.AsNoTracking();
        if (from is { } f)
        {
            query = query.Where(c => c.Date >= f);
        }
        if (to is { } t)
        {
            query = query.Where(c => c.Date <= t);
        }
        var closures = await query.OrderBy(c => c.Date).ToListAsync(ct);
        return closures.Select(c => new ClosureView(c.Date, c.Reason)).ToList();
    }

    /// <summary>
    /// The bookable starts of a service from <paramref name="from"/> to <paramref name="to"/>
    /// (business dates, both included, at most <see cref="MaxAvailabilityDays"/>) for one
    /// provider or any who performs it, on a grid of <paramref name="stepMinutes"/> (default 15),
    /// from now on.
    /// </summary>
    public async Task<IReadOnlyList<AvailableStartView>> AvailabilityAsync(Guid serviceId, Guid? providerId, DateOnly from, DateOnly to, int? stepMinutes = null, CancellationToken ct = default)
    {
        EnsureRange(from, to);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == new ServiceId(serviceId), ct)
            ?? throw DomainException.NotFound("That service does not exist.");
        var providers = await db.Providers.AsNoTracking().ToListAsync(ct);
        if (providerId is { } p)
        {
            providers = providers.Where(x => x.Id.Value == p).ToList();
            if (providers.Count == 0)
            {
                throw DomainException.NotFound("That provider does not exist.");
            }
        }
        // From the first day's first moment to the last day's end (a midnight the clocks skip included).
        var (start, end) = BusinessDay.RangeOf(from, to.DayNumber - from.DayNumber + 1, clock.Zone);
        var context = await ContextAsync(db, clock.Zone, start - TimeSpan.FromDays(1), end + TimeSpan.FromDays(1), ct);
        var step = stepMinutes is { } m ? TimeSpan.FromMinutes(m) : Availability.DefaultStep;
        return Availability.Starts(service, providers, from, to, context, clock.UtcNow, step)
            .Select(s => new AvailableStartView(s.ProviderId.Value, TimeZoneInfo.ConvertTime(s.Start, clock.Zone)))
            .ToList();
    }

    /// <summary>Each provider's hours per date (breaks left out), for the calendar shading.</summary>
    public async Task<IReadOnlyList<ProviderDayView>> WorkingPeriodsAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        EnsureRange(from, to);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var providers = Ordered(await db.Providers.AsNoTracking().ToListAsync(ct));
        var closures = (await db.BusinessClosures.AsNoTracking().Where(c => c.Date >= from && c.Date <= to).ToListAsync(ct)).ToDictionary(c => c.Date);
        var days = new List<ProviderDayView>();
        foreach (var provider in providers)
        {
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                var day = Availability.Day(provider, date, closures);
                days.Add(new ProviderDayView(provider.Id.Value, date, day.Status, day.Reason,
                    day.Hours.SelectMany(h => h.WorkingParts()).Select(r => new WorkingPeriodView(r.From, r.To)).ToList()));
            }
        }
        return days;
    }

    /// <summary>What availability needs, read in <paramref name="db"/> (inside a command, in its transaction).</summary>
    internal static async Task<AvailabilityContext> ContextAsync(DashboardDbContext db, TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end, CancellationToken ct) =>
        await ContextAsync(db, zone, start, end, null, ct);

    /// <summary>
    /// What one booking of <paramref name="only"/>'s service for its provider and client needs:
    /// with a service that needs no resources, the rules look only at the provider's and the
    /// client's own appointments (provider busy, client clash), so only those are read, and the
    /// resources are not read at all. A service that needs resources reads the whole window
    /// (any appointment may hold one of them), as <see cref="ContextAsync(DashboardDbContext, TimeZoneInfo, DateTimeOffset, DateTimeOffset, CancellationToken)"/> does.
    /// </summary>
    internal static async Task<AvailabilityContext> ContextAsync(DashboardDbContext db, TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end, BookingScope? only, CancellationToken ct)
    {
        var narrow = only is { NeedsResources: false };
        var busy = await BusyAsync(db, start, end, narrow ? only : null, ct);
        var resources = narrow ? [] : await db.Resources.AsNoTracking().ToListAsync(ct);
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(end, zone).DateTime).AddDays(1);
        var closures = await db.BusinessClosures.AsNoTracking().Where(c => c.Date >= first && c.Date <= last).ToListAsync(ct);
        return AvailabilityContext.Of(zone, busy, resources, closures);
    }

    /// <summary>
    /// The live appointments that overlap [start - longest buffer, end), with their services'
    /// buffers, read inside the caller's transaction.
    /// </summary>
    internal static Task<List<BusyPeriod>> BusyAsync(DashboardDbContext db, DateTimeOffset start, DateTimeOffset end, CancellationToken ct) =>
        BusyAsync(db, start, end, null, ct);

    /// <param name="only">When given, only that provider's and that client's appointments (a booking whose service needs no resources).</param>
    private static async Task<List<BusyPeriod>> BusyAsync(DashboardDbContext db, DateTimeOffset start, DateTimeOffset end, BookingScope? only, CancellationToken ct)
    {
        var earliest = start - TimeSpan.FromMinutes(Service.MaxBufferMinutes);
        var appointments = db.Appointments.AsNoTracking().Overlapping(earliest, end);
        if (only is not null)
        {
            appointments = appointments.Where(a => a.ProviderId == only.Provider || a.ClientId == only.Client);
        }
        // Only the columns a busy period needs, not whole appointments: with many desks booking
        // the same hours, this window holds every provider's appointments, and materialising
        // each (its note, reasons, prices...) was the largest read inside the write lock.
        var overlapping = await (
            from a in appointments
            join s in db.Services on a.ServiceId equals s.Id
            where a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn || a.Status == AppointmentStatus.Completed
            select new { a.Id, a.ProviderId, Resources = EF.Property<List<ResourceId>>(a, "_resources"), a.Start, a.End, a.ClientId, s.BufferMinutes }).ToListAsync(ct);
        return overlapping
            .Select(x => new BusyPeriod(x.Id, x.ProviderId, x.Resources, new Slot(x.Start, x.End), x.ClientId)
            {
                Buffer = TimeSpan.FromMinutes(x.BufferMinutes),
            })
            .ToList();
    }

    internal static IEnumerable<Provider> Ordered(IEnumerable<Provider> providers) =>
        providers.OrderBy(p => p.Order).ThenBy(p => p.Name, StringComparer.CurrentCulture);

    private void EnsureRange(DateOnly from, DateOnly to)
    {
        Limits.EnsureDate(from, clock.UtcNow, "from", "From");
        Limits.EnsureDate(to, clock.UtcNow, "to", "To");
        if (to < from)
        {
            throw DomainException.Invalid("'to' must be on or after 'from'.", "to");
        }
        if (to.DayNumber - from.DayNumber + 1 > MaxAvailabilityDays)
        {
            throw DomainException.Invalid($"Ask for at most {MaxAvailabilityDays} days at a time.", "to");
        }
    }
}

/// <summary>The one provider and client a booking is for, and whether its service needs resources (see <see cref="CatalogQueries.ContextAsync(DashboardDbContext, TimeZoneInfo, DateTimeOffset, DateTimeOffset, BookingScope?, CancellationToken)"/>).</summary>
internal sealed record BookingScope(ProviderId Provider, ClientId Client, bool NeedsResources)
{
    public static BookingScope Of(Service service, ProviderId provider, ClientId client) => new(provider, client, service.RequiredResources.Count > 0);
}
