using FrontDesk.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Catalog;

public sealed record ServiceView(Guid Id, string Name, int DurationMinutes, decimal Price, string Currency, string Activity, IReadOnlyList<string> Tags, IReadOnlyList<Guid> RequiredResourceIds);

public sealed record ShiftView(DayOfWeek Day, TimeOnly From, TimeOnly To);

public sealed record ProviderView(Guid Id, string Name, IReadOnlyList<Guid> ServiceIds, IReadOnlyList<ShiftView> Shifts);

public sealed record ResourceView(Guid Id, string Name);

/// <summary>Services, providers and resources: small lists read whole.</summary>
public sealed class CatalogQueries(IDbContextFactory<DashboardDbContext> contexts)
{
    public async Task<IReadOnlyList<ServiceView>> ServicesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var services = await db.Services.AsNoTracking().OrderBy(s => s.Activity).ThenBy(s => s.Name).ToListAsync(ct);
        return services.Select(s => new ServiceView(
            s.Id.Value, s.Name, (int)s.Duration.TotalMinutes, s.Price.Amount, s.Price.Currency, s.Activity,
            s.Tags.ToList(), s.RequiredResources.Select(r => r.Value).ToList())).ToList();
    }

    public async Task<IReadOnlyList<ProviderView>> ProvidersAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var providers = await db.Providers.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        return providers.Select(p => new ProviderView(
            p.Id.Value, p.Name, p.Services.Select(s => s.Value).ToList(),
            p.Shifts.Select(s => new ShiftView(s.Day, s.From, s.To)).ToList())).ToList();
    }

    public async Task<IReadOnlyList<ResourceView>> ResourcesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var resources = await db.Resources.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        return resources.Select(r => new ResourceView(r.Id.Value, r.Name)).ToList();
    }
}
