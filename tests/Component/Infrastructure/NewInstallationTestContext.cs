using FrontDesk.Dashboard.Business;
using FrontDesk.Dashboard.Data;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Infrastructure;

/// <summary>
/// A bUnit context over a new installation: a migrated, empty database whose business settings
/// were loaded as at the app's start (the configured first-run values; setup not done).
/// </summary>
public abstract class NewInstallationTestContext : DashboardTestContext, IAsyncLifetime
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    protected NewInstallationTestContext() => Clinic.AddServices(Services, Feed);

    protected TestClinic Clinic { get; } = new();

    protected FakeLiveFeed Feed { get; } = new();

    protected BusinessProfileStore Business => Services.GetRequiredService<BusinessProfileStore>();

    public async Task InitializeAsync()
    {
        await DatabaseSetup.MigrateAsync(Services);
        await Business.LoadAsync();
    }

    /// <summary>The business settings as stored now, read by a fresh store (as after a restart).</summary>
    protected async Task<BusinessProfile> StoredAsync()
    {
        var fresh = ActivatorUtilities.CreateInstance<BusinessProfileStore>(Services);
        await fresh.LoadAsync();
        return fresh.Current;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Clinic.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Clinic.Dispose();
        }
    }
}
