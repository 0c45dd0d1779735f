using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Staff;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Staff;

/// <summary>Pairing codes for wall displays: hashed, 10 minutes, once, and a limit on wrong codes.</summary>
public sealed class DisplayPairingTests : IAsyncLifetime
{
    private static readonly SignedInStaff Manager = new("manager-id", "Milo Manager", StaffRole.Manager);

    private SqliteDatabase _database = default!;
    private ServiceProvider _services = default!;

    private StaffAdministration Administration => _services.GetRequiredService<StaffAdministration>();

    private DisplayPairing Pairing => _services.GetRequiredService<DisplayPairing>();

    public async Task InitializeAsync()
    {
        _database = await SqliteDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Dashboard"] = _database.ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_database.Clock);
        services.AddDashboardDatabase(configuration);
        services.AddStaffSignIn(configuration);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Task<List<FrontDesk.Dashboard.Staff.StaffUser>> DisplaysAsync() =>
        _database.QueryAsync(db => db.Users.Where(u => u.Role == StaffRole.Display).ToListAsync());

    [Fact]
    public async Task RedeemAsync_FreshCode_CreatesNamedDisplayAccount()
    {
        var code = await Administration.CreatePairingCodeAsync(Manager.Caller, "Waiting room wall");

        var result = await Pairing.RedeemAsync(code.Code);

        Assert.True(result.Succeeded);
        var device = Assert.Single(await DisplaysAsync());
        Assert.Equal(result.AccountId, device.Id);
        Assert.Equal("Waiting room wall", device.DisplayName);
        Assert.False(device.Disabled);
    }

    [Fact]
    public async Task CreatePairingCode_Always_EightCharactersValidTenMinutes()
    {
        var code = await Administration.CreatePairingCodeAsync(Manager.Caller, "Wall");

        Assert.Equal(DisplayPairing.CodeLength, code.Code.Length);
        Assert.Equal(_database.Clock.GetUtcNow() + TimeSpan.FromMinutes(10), code.ExpiresAt);
    }

    [Fact]
    public async Task CreatePairingCode_Stored_OnlyAsHash()
    {
        var code = await Administration.CreatePairingCodeAsync(Manager.Caller, "Wall");

        var stored = Assert.Single(Pairing.StoredKeys);
        Assert.DoesNotContain(code.Code, stored, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(DisplayPairing.Hash(code.Code), stored);
    }

    [Fact]
    public async Task RedeemAsync_SecondUse_IsRefusedAndCreatesNoSecondDevice()
    {
        var code = await Administration.CreatePairingCodeAsync(Manager.Caller, "Wall");
        await Pairing.RedeemAsync(code.Code);

        var second = await Pairing.RedeemAsync(code.Code);

        Assert.False(second.Succeeded);
        Assert.Contains("used already", second.Refusal, StringComparison.Ordinal);
        Assert.Single(await DisplaysAsync());
    }

    [Fact]
    public async Task RedeemAsync_AfterTenMinutes_IsRefused()
    {
        var code = await Administration.CreatePairingCodeAsync(Manager.Caller, "Wall");
        _database.Clock.Advance(TimeSpan.FromMinutes(10));

        var result = await Pairing.RedeemAsync(code.Code);

        Assert.False(result.Succeeded);
        Assert.Empty(await DisplaysAsync());
    }

    [Fact]
    public async Task RedeemAsync_JustBeforeExpiry_LowerCaseWithDash_Pairs()
    {
        var code = await Administration.CreatePairingCodeAsync(Manager.Caller, "Wall");
        _database.Clock.Advance(TimeSpan.FromMinutes(9));

        var result = await Pairing.RedeemAsync($"{code.Code[..4].ToLowerInvariant()}-{code.Code[4..].ToLowerInvariant()}");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task RedeemAsync_TooManyWrongCodes_RefusesEvenTheRightOneForAMinute()
    {
        var code = await Administration.CreatePairingCodeAsync(Manager.Caller, "Wall");
        for (var i = 0; i < DisplayPairing.MaxFailuresPerMinute; i++)
        {
            Assert.False((await Pairing.RedeemAsync("WRONG" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture))).Succeeded);
        }

        var blocked = await Pairing.RedeemAsync(code.Code);
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await Pairing.RedeemAsync(code.Code);

        Assert.Contains("Too many wrong codes", blocked.Refusal, StringComparison.Ordinal);
        Assert.True(later.Succeeded);
    }
}
