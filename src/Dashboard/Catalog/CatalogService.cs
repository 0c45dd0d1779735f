using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Domain.Catalog;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Catalog;

/// <summary>
/// Setting up the clinic: services, providers and their hours, rooms and machines, business
/// closures. Each command runs in its own transaction and, once committed, is announced on the
/// live feed as a <see cref="CatalogChanged"/> so every desk reloads its catalogue and shading.
/// Nothing that has history is deleted: a delete of something an appointment, sale or package
/// names is refused (deactivate it instead).
/// </summary>
public sealed class CatalogService(UnitOfWork unitOfWork, ILiveFeed feed, BusinessClock clock)
{
    public async Task<ServiceView> CreateServiceAsync(SaveService command, CancellationToken ct = default)
    {
        using var idempotency = IdempotencyScope.Begin(command.IdempotencyKey);
        var (view, _, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.CreateService, async db =>
        {
            var id = ServiceId.New();
            var service = new Service(id, command.Name, Minutes(command.DurationMinutes), Price(command.Price), command.Activity,
                command.Tags, await ResourcesAsync(db, command.ResourceIds, ct), command.BufferMinutes, command.Colour, command.BookableOnline);
            if (!command.Active)
            {
                service.Deactivate();
            }
            db.Services.Add(service);
            var providers = await PerformedByAsync(db, service.Id, command.ProviderIds, ct);
            return ServiceView.From(service, providers);
        }, ct);
        Announce(replayed, CatalogPart.Services, view.Id, command.Actor);
        return view;
    }

    /// <summary>Replaces every field of a service (deactivation is <c>Active = false</c>).</summary>
    public async Task<ServiceView> UpdateServiceAsync(Guid id, SaveService command, CancellationToken ct = default)
    {
        var (view, _, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.UpdateService, async db =>
        {
            var service = await FindServiceAsync(db, id, ct);
            service.Update(command.Name, Minutes(command.DurationMinutes), Price(command.Price), command.Activity, command.Tags,
                await ResourcesAsync(db, command.ResourceIds, ct), command.BufferMinutes, command.Colour ?? service.Colour, command.BookableOnline, command.Active);
            var providers = await PerformedByAsync(db, service.Id, command.ProviderIds, ct);
            return ServiceView.From(service, providers);
        }, ct);
        Announce(replayed, CatalogPart.Services, id, command.Actor);
        return view;
    }

    /// <summary>Deletes a service nothing names yet; one with history is refused (409): deactivate it.</summary>
    public async Task DeleteServiceAsync(Guid id, Caller caller, CancellationToken ct = default)
    {
        var (_, _, replayed) = await unitOfWork.RunAsync(caller, Permissions.DeleteService, async db =>
        {
            var service = await FindServiceAsync(db, id, ct);
            var key = service.Id;
            var named = await db.Appointments.AnyAsync(a => a.ServiceId == key, ct)
                || (await db.PackageTemplates.AsNoTracking().ToListAsync(ct)).Any(t => t.Services.Contains(key) || t.Lines.Any(l => l.ServiceId == key))
                || await db.Invoices.AnyAsync(i => i.Lines.Any(l => l.ServiceId == key), ct);
            if (named)
            {
                throw DomainException.Conflict($"{service.Name} has appointments, sales or packages that name it, so it cannot be deleted; deactivate it instead.");
            }
            foreach (var provider in await db.Providers.ToListAsync(ct))
            {
                provider.SetPerforms(key, false);
            }
            db.Services.Remove(service);
            return true;
        }, ct);
        Announce(replayed, CatalogPart.Services, id, caller.Actor);
    }

    public async Task<ProviderView> CreateProviderAsync(SaveProvider command, CancellationToken ct = default)
    {
        using var idempotency = IdempotencyScope.Begin(command.IdempotencyKey);
        var (view, _, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.CreateProvider, async db =>
        {
            var services = await ServicesAsync(db, command.ServiceIds, ct);
            var order = command.Order ?? (await db.Providers.Select(p => (int?)p.Order).MaxAsync(ct) ?? -1) + 1;
            EnsureOrder(order);
            var provider = new Provider(ProviderId.New(), command.Name, services, [], command.Title, command.Colour, order);
            if (!command.Active)
            {
                provider.Update(provider.Name, provider.Title, provider.Colour, provider.Order, active: false);
            }
            db.Providers.Add(provider);
            return ProviderView.From(provider);
        }, ct);
        Announce(replayed, CatalogPart.Providers, view.Id, command.Actor);
        return view;
    }

    /// <summary>Replaces a provider's profile and services (deactivation is <c>Active = false</c>); the schedule is set apart.</summary>
    public async Task<ProviderView> UpdateProviderAsync(Guid id, SaveProvider command, CancellationToken ct = default)
    {
        var (view, _, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.UpdateProvider, async db =>
        {
            var provider = await FindProviderAsync(db, id, ct);
            var services = await ServicesAsync(db, command.ServiceIds, ct);
            provider.Update(command.Name, command.Title, command.Colour ?? provider.Colour, command.Order ?? provider.Order, command.Active);
            provider.PerformOnly(services);
            return ProviderView.From(provider);
        }, ct);
        Announce(replayed, CatalogPart.Providers, id, command.Actor);
        return view;
    }

    /// <summary>Deletes a provider nothing names yet; one with appointments or packages is refused (409): deactivate them.</summary>
    public async Task DeleteProviderAsync(Guid id, Caller caller, CancellationToken ct = default)
    {
        var (_, _, replayed) = await unitOfWork.RunAsync(caller, Permissions.DeleteProvider, async db =>
        {
            var provider = await FindProviderAsync(db, id, ct);
            var key = provider.Id;
            var named = await db.Appointments.AnyAsync(a => a.ProviderId == key, ct)
                || (await db.PackageTemplates.AsNoTracking().ToListAsync(ct)).Any(t => t.Provider == key);
            if (named)
            {
                throw DomainException.Conflict($"{provider.Name} has appointments or packages that name them, so they cannot be deleted; deactivate them instead.");
            }
            db.Providers.Remove(provider);
            return true;
        }, ct);
        Announce(replayed, CatalogPart.Providers, id, caller.Actor);
    }

    /// <summary>Replaces the weekly hours (with breaks) and the dated exceptions; all checked before anything changes.</summary>
    public async Task<ScheduleView> SetScheduleAsync(SetSchedule command, CancellationToken ct = default)
    {
        Permissions.Ensure(command.Caller, Permissions.SetSchedule);
        Limits.EnsureCount(command.Weekly, Limits.MaxListItems, "weekly", "Weekly hours");
        Limits.EnsureCount(command.Exceptions, Provider.MaxExceptions, "exceptions", "Exceptions");
        var now = clock.UtcNow;
        var weekly = command.Weekly.Select(w => new WorkingShift(w.Weekday, w.Start, w.End) { Breaks = Breaks(w.Breaks) }).ToList();
        var exceptions = new List<ScheduleException>();
        foreach (var e in command.Exceptions)
        {
            Limits.EnsureDate(e.Date, now, "exceptions", "An exception's date");
            if (e.Off)
            {
                if (e.Start is not null || e.End is not null)
                {
                    throw DomainException.Invalid($"{e.Date:yyyy-MM-dd} is either a day off or has working hours (start and end), not both.", "exceptions");
                }
                exceptions.Add(new ScheduleException(e.Date, e.Reason ?? string.Empty));
            }
            else if (e.Start is { } start && e.End is { } end)
            {
                exceptions.Add(new ScheduleException(e.Date, e.Reason ?? string.Empty) { Hours = [new DayInterval(start, end) { Breaks = Breaks(e.Breaks) }] });
            }
            else
            {
                throw DomainException.Invalid($"{e.Date:yyyy-MM-dd}: give off: true for a day off, or the start and end of the hours worked that date.", "exceptions");
            }
        }
        var (view, _, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.SetSchedule, async db =>
        {
            var provider = await FindProviderAsync(db, command.ProviderId, ct);
            provider.SetSchedule(weekly, exceptions);
            return ScheduleView.From(provider);
        }, ct);
        Announce(replayed, CatalogPart.Schedules, command.ProviderId, command.Actor);
        return view;
    }

    public async Task<ResourceView> CreateResourceAsync(SaveResource command, CancellationToken ct = default)
    {
        using var idempotency = IdempotencyScope.Begin(command.IdempotencyKey);
        var (view, _, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.CreateResource, db =>
        {
            var resource = new Resource(ResourceId.New(), command.Name, command.Kind);
            if (!command.Active)
            {
                resource.Update(resource.Name, resource.Kind, active: false);
            }
            db.Resources.Add(resource);
            return Task.FromResult(ResourceView.From(resource));
        }, ct);
        Announce(replayed, CatalogPart.Resources, view.Id, command.Actor);
        return view;
    }

    public async Task<ResourceView> UpdateResourceAsync(Guid id, SaveResource command, CancellationToken ct = default)
    {
        var (view, _, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.UpdateResource, async db =>
        {
            var resource = await FindResourceAsync(db, id, ct);
            resource.Update(command.Name, command.Kind, command.Active);
            return ResourceView.From(resource);
        }, ct);
        Announce(replayed, CatalogPart.Resources, id, command.Actor);
        return view;
    }

    /// <summary>Deletes a resource no appointment has used and no service needs; otherwise refused (409).</summary>
    public async Task DeleteResourceAsync(Guid id, Caller caller, CancellationToken ct = default)
    {
        var (_, _, replayed) = await unitOfWork.RunAsync(caller, Permissions.DeleteResource, async db =>
        {
            var resource = await FindResourceAsync(db, id, ct);
            var key = resource.Id;
            // An appointment's resources are a JSON list: look for the id's text in it.
            var pattern = $"%{key.Value:D}%";
            var used = await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM Appointments WHERE ResourceIds LIKE {pattern}").SingleAsync(ct) > 0;
            var neededBy = (await db.Services.AsNoTracking().ToListAsync(ct)).Where(s => s.RequiredResources.Contains(key)).Select(s => s.Name).ToList();
            if (used)
            {
                throw DomainException.Conflict($"{resource.Name} has been used by appointments, so it cannot be deleted; deactivate it instead.");
            }
            if (neededBy.Count > 0)
            {
                throw DomainException.Conflict($"{resource.Name} is needed by {string.Join(", ", neededBy)}; take it off those services first, or deactivate it.");
            }
            db.Resources.Remove(resource);
            return true;
        }, ct);
        Announce(replayed, CatalogPart.Resources, id, caller.Actor);
    }

    /// <summary>Closes the whole business on a date (a public holiday); one closure per date.</summary>
    public async Task<ClosureView> AddClosureAsync(AddClosure command, CancellationToken ct = default)
    {
        Permissions.Ensure(command.Caller, Permissions.AddClosure);
        Limits.EnsureDate(command.Date, clock.UtcNow, "date", "The closure's date");
        using var idempotency = IdempotencyScope.Begin(command.IdempotencyKey);
        var (view, _, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.AddClosure, async db =>
        {
            var closure = new BusinessClosure(command.Date, command.Reason);
            if (await db.BusinessClosures.FindAsync([command.Date], ct) is { } existing)
            {
                throw DomainException.Conflict($"The business is already closed on {command.Date:yyyy-MM-dd} ({existing.Reason}).");
            }
            db.BusinessClosures.Add(closure);
            return new ClosureView(closure.Date, closure.Reason);
        }, ct);
        Announce(replayed, CatalogPart.Closures, null, command.Actor);
        return view;
    }

    /// <summary>Opens a closed date again.</summary>
    public async Task RemoveClosureAsync(DateOnly date, Caller caller, CancellationToken ct = default)
    {
        var (_, _, replayed) = await unitOfWork.RunAsync(caller, Permissions.RemoveClosure, async db =>
        {
            var closure = await db.BusinessClosures.FindAsync([date], ct)
                ?? throw DomainException.NotFound($"The business is not closed on {date:yyyy-MM-dd}.");
            db.BusinessClosures.Remove(closure);
            return true;
        }, ct);
        Announce(replayed, CatalogPart.Closures, null, caller.Actor);
    }

    /// <summary>Refuses, with the names, services that are inactive among <paramref name="ids"/> (for packages and sales).</summary>
    internal static async Task EnsureActiveAsync(DashboardDbContext db, IEnumerable<ServiceId> ids, string doing, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var inactive = await db.Services.AsNoTracking().Where(s => wanted.Contains(s.Id) && !s.Active).Select(s => s.Name).ToListAsync(ct);
        if (inactive.Count > 0)
        {
            throw DomainException.Rule($"{string.Join(", ", inactive)} {(inactive.Count == 1 ? "is" : "are")} inactive and cannot be {doing}; activate {(inactive.Count == 1 ? "it" : "them")} in the services settings first.", "serviceIds");
        }
    }

    /// <summary>Tells every desk the catalogue changed; a replay changed nothing and was announced when it was done.</summary>
    private void Announce(bool replayed, CatalogPart part, Guid? id, Actor actor)
    {
        if (!replayed)
        {
            feed.Publish([new CatalogChanged(part, id, clock.UtcNow, actor.DisplayName)]);
        }
    }

    private static TimeSpan Minutes(int minutes) =>
        minutes is > 0 and <= 12 * 60 ? TimeSpan.FromMinutes(minutes) : throw DomainException.Invalid("A service lasts a whole number of minutes, between 1 minute and 12 hours.", "durationMinutes");

    private Money Price(decimal amount) => new(Limits.EnsureMoney(amount, "price", "The price"), clock.Business.Currency);

    private static void EnsureOrder(int order)
    {
        if (order is < 0 or > 10_000)
        {
            throw DomainException.Invalid("The calendar order is a number from 0 to 10000.", "order");
        }
    }

    private static List<TimeRange> Breaks(IReadOnlyList<BreakView>? breaks) => (breaks ?? []).Select(b => new TimeRange(b.Start, b.End)).ToList();

    private static async Task<List<ResourceId>> ResourcesAsync(DashboardDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        Limits.EnsureCount(ids, Limits.MaxListItems, "resourceIds", "Resources");
        var wanted = ids.Distinct().Select(i => new ResourceId(i)).ToList();
        var found = await db.Resources.CountAsync(r => wanted.Contains(r.Id), ct);
        return found == wanted.Count ? wanted : throw DomainException.NotFound("A room or machine in resourceIds does not exist.");
    }

    private static async Task<List<ServiceId>> ServicesAsync(DashboardDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        Limits.EnsureCount(ids, Limits.MaxListItems, "serviceIds", "Services");
        var wanted = ids.Distinct().Select(i => new ServiceId(i)).ToList();
        var found = await db.Services.CountAsync(s => wanted.Contains(s.Id), ct);
        return found == wanted.Count ? wanted : throw DomainException.NotFound("A service in serviceIds does not exist.");
    }

    /// <summary>Makes exactly <paramref name="providerIds"/> perform the service (on the providers, the one place that says so).</summary>
    private static async Task<List<Provider>> PerformedByAsync(DashboardDbContext db, ServiceId service, IReadOnlyList<Guid> providerIds, CancellationToken ct)
    {
        Limits.EnsureCount(providerIds, Limits.MaxListItems, "providerIds", "Providers");
        var wanted = providerIds.Distinct().ToHashSet();
        var providers = await db.Providers.ToListAsync(ct);
        if (wanted.Except(providers.Select(p => p.Id.Value)).Any())
        {
            throw DomainException.NotFound("A provider in providerIds does not exist.");
        }
        foreach (var provider in providers)
        {
            provider.SetPerforms(service, wanted.Contains(provider.Id.Value));
        }
        return providers;
    }

    private static async Task<Service> FindServiceAsync(DashboardDbContext db, Guid id, CancellationToken ct) =>
        await db.Services.FindAsync([new ServiceId(id)], ct) ?? throw DomainException.NotFound("That service does not exist.");

    private static async Task<Provider> FindProviderAsync(DashboardDbContext db, Guid id, CancellationToken ct) =>
        await db.Providers.FindAsync([new ProviderId(id)], ct) ?? throw DomainException.NotFound("That provider does not exist.");

    private static async Task<Resource> FindResourceAsync(DashboardDbContext db, Guid id, CancellationToken ct) =>
        await db.Resources.FindAsync([new ResourceId(id)], ct) ?? throw DomainException.NotFound("That room or machine does not exist.");
}
