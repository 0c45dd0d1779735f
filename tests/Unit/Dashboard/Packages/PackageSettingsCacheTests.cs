using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Packages;
using FrontDesk.Tests.Unit.Dashboard.Support;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Tests.Unit.Dashboard.Packages;

/// <summary>SettingsService.PackagesAsync keeps the package settings in memory between saves (read before every API booking).</summary>
public sealed class PackageSettingsCacheTests : IAsyncLifetime
{
    private PackageDesk _desk = null!;

    public async Task InitializeAsync() => _desk = await PackageDesk.OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task PackagesAsync_ReadBeforeASave_ReturnsTheSavedSettingsAfterIt()
    {
        Assert.Equal(PackageSettings.Default, await _desk.Settings.PackagesAsync()); // kept in memory now

        await _desk.Settings.SaveAsync(new PackageSettings(RedemptionPolicy.AtBooking, true), Callers.Desk);

        Assert.Equal(new PackageSettings(RedemptionPolicy.AtBooking, true), await _desk.Settings.PackagesAsync());
    }

    [Fact]
    public async Task PackagesAsync_TwoSavesInARow_ReturnsTheLast()
    {
        await _desk.Settings.SaveAsync(new PackageSettings(RedemptionPolicy.AtBooking, true), Callers.Desk);
        Assert.True((await _desk.Settings.PackagesAsync()).RedeemOnline);

        await _desk.Settings.SaveAsync(new PackageSettings(RedemptionPolicy.AtCheckOut, false), Callers.Desk);

        Assert.Equal(new PackageSettings(RedemptionPolicy.AtCheckOut, false), await _desk.Settings.PackagesAsync());
    }

    [Fact]
    public async Task PackagesAsync_SaveRefusedByTheDatabase_StillReturnsWhatIsStored()
    {
        Assert.Equal(PackageSettings.Default, await _desk.Settings.PackagesAsync());
        // A save that fails at SaveChanges (a trigger refuses it) must not leave a wrong value kept.
        await using (var db = await _desk.ContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_settings BEFORE INSERT ON Settings BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        }

        await Assert.ThrowsAsync<DbUpdateException>(() => _desk.Settings.SaveAsync(new PackageSettings(RedemptionPolicy.AtBooking, true), Callers.Desk));

        Assert.Equal(PackageSettings.Default, await _desk.Settings.PackagesAsync());
    }
}
