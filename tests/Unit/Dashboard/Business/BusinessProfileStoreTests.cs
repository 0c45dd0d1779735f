using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Business;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FrontDesk.Tests.Unit.Dashboard.Business;

/// <summary>
/// The business settings' one holder: seeded from configuration the first time, the database
/// wins afterwards, a save replaces the snapshot (and the clock's zone) and is announced.
/// </summary>
public sealed class BusinessProfileStoreTests : IAsyncLifetime
{
    private static readonly Caller Manager = Caller.Staff("m", "Manager", StaffRole.Manager);
    private SqliteDatabase _db = null!;

    public async Task InitializeAsync() => _db = await SqliteDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private BusinessProfileStore Store => _db.Services.GetRequiredService<BusinessProfileStore>();

    /// <summary>A second store on the same database, as after a restart.</summary>
    private BusinessProfileStore Restarted(BusinessOptions? firstRun = null) => new(
        _db.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>(),
        Options.Create(firstRun ?? new BusinessOptions()), _db.Feed, _db.Clock);

    private BusinessProfile Berlin => Store.Current with { Name = "Harbour Physio", TimeZone = "Europe/Berlin", Currency = "EUR", Culture = "de-DE" };

    private Task<Dictionary<string, string>> StoredAsync() =>
        _db.QueryAsync(db => db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value));

    [Fact]
    public async Task LoadAsync_EmptyDatabase_SeedsTheConfiguredValuesAndSetupIsNotDone()
    {
        await Store.LoadAsync();

        var stored = await StoredAsync();
        Assert.Equal(("GBP", "Europe/London", "08:00-20:00"), (stored["Business.Currency"], stored["Business.TimeZone"], stored["Business.Hours.Monday"]));
        Assert.False(Store.SetupDone);
    }

    [Fact]
    public async Task LoadAsync_SavedSettings_DatabaseWinsOverConfiguration()
    {
        await Store.LoadAsync();
        await Store.SaveAsync(Berlin, Manager);

        var restarted = Restarted(new BusinessOptions { Name = "Configured", Currency = "USD" });
        await restarted.LoadAsync();

        Assert.Equal(("Harbour Physio", "EUR", "Europe/Berlin"), (restarted.Current.Name, restarted.Current.Currency, restarted.Current.TimeZone));
    }

    [Fact]
    public async Task LoadAsync_OldDatabaseWithClients_CountsAsSetUp()
    {
        await _db.AddAsync(FrontDesk.Domain.Clients.Client.Register(ClientId.New(), "Olivia Smith", "07700 900123", null, null, A.Now, A.Desk));

        await Store.LoadAsync();

        Assert.True(Store.SetupDone);
    }

    [Fact]
    public async Task LoadAsync_UnreadableStoredValue_FallsBackToTheConfiguredOne()
    {
        await Store.LoadAsync();
        await _db.QueryAsync(db => db.Settings.Where(s => s.Key == "Business.TimeZone").ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, "Not/AZone")));

        var restarted = Restarted();
        await restarted.LoadAsync();

        Assert.Equal("Europe/London", restarted.Current.TimeZone);
    }

    [Fact]
    public async Task SaveAsync_ValidSettings_ReplacesTheSnapshotAndAnnouncesIt()
    {
        await Store.LoadAsync();

        await Store.SaveAsync(Berlin, Manager);

        Assert.Equal("Harbour Physio", Store.Current.Name);
        var announced = Assert.Single(_db.Feed.Published.OfType<BusinessProfileChangedLive>());
        Assert.Equal(("Harbour Physio", "Manager"), (announced.Profile.Name, announced.ActorName));
    }

    [Fact]
    public async Task SaveAsync_NewTimeZone_ClockConvertsInTheNewZone()
    {
        var clock = _db.Services.GetRequiredService<BusinessClock>();
        await Store.LoadAsync();
        var noon = new DateTimeOffset(2030, 1, 7, 12, 0, 0, TimeSpan.Zero);

        await Store.SaveAsync(Store.Current with { TimeZone = "America/New_York" }, Manager);

        Assert.Equal(new DateTime(2030, 1, 7, 7, 0, 0), clock.ToLocal(noon));
    }

    [Fact]
    public async Task SaveAsync_InvalidSettings_RefusedWithEveryFieldAndNothingChanges()
    {
        await Store.LoadAsync();
        var before = await StoredAsync();

        var refused = await Assert.ThrowsAsync<BusinessSettingsException>(() =>
            Store.SaveAsync(Berlin with { TimeZone = "Nowhere/Else", Currency = "EURO" }, Manager));

        Assert.Equal(["timeZone", "currency"], refused.Errors.Select(e => e.Field));
        Assert.Equal(before, await StoredAsync());
        Assert.Equal("Front Desk Live", Store.Current.Name);
        Assert.Empty(_db.Feed.Published.OfType<BusinessProfileChangedLive>());
    }

    [Fact]
    public async Task CompleteSetupAsync_NewInstallation_DoneAndStillDoneAfterARestart()
    {
        await Store.LoadAsync();

        await Store.CompleteSetupAsync();

        var restarted = Restarted();
        await restarted.LoadAsync();
        Assert.True(Store.SetupDone);
        Assert.True(restarted.SetupDone);
    }

    [Fact]
    public async Task DemoData_SeededIntoAnEmptyDatabase_StoresTheSetupMark()
    {
        await FrontDesk.Dashboard.Data.Demo.DemoData.SeedIfEmptyAsync(_db.Services);

        Assert.Contains("Setup.CompletedAt", (await StoredAsync()).Keys);
    }
}
