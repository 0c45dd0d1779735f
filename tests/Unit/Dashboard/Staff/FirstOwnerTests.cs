using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Staff;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Staff;

/// <summary>The setup's "Your account" step: one owner, whatever happens at once.</summary>
public sealed class FirstOwnerTests : IAsyncLifetime
{
    private SqliteDatabase _database = default!;
    private ServiceProvider _services = default!;

    private FirstOwner FirstOwner => _services.GetRequiredService<FirstOwner>();

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

    private Task<int> OwnersAsync() => _database.QueryAsync(db => db.Users.CountAsync(u => u.Role == StaffRole.Owner));

    [Fact]
    public async Task CreateAsync_TwoBrowsersAtOnce_MakeOneOwnerAndTellTheSecond()
    {
        var results = await Task.WhenAll(
            FirstOwner.CreateAsync("Olive Owner", "olive@clinic.test", "olive-password-1", "olive-password-1"),
            FirstOwner.CreateAsync("Otto Owner", "otto@clinic.test", "otto-password-22", "otto-password-22"));

        Assert.Equal(1, await OwnersAsync());
        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(FrontDesk.Dashboard.Staff.FirstOwner.OwnerExistsMessage, Assert.Single(results, r => !r.Succeeded).Errors["form"]);
    }

    [Fact]
    public async Task CreateAsync_ShortPassword_IsRefusedOnThePasswordFieldAndMakesNobody()
    {
        var result = await FirstOwner.CreateAsync("Olive Owner", "olive@clinic.test", "short", "short");

        Assert.False(result.Succeeded);
        Assert.Contains("10", result.Errors["password"], StringComparison.Ordinal);
        Assert.Equal(0, await OwnersAsync());
    }

    [Fact]
    public async Task CreateAsync_PasswordsDiffer_IsRefusedOnTheRepeatField()
    {
        var result = await FirstOwner.CreateAsync("Olive Owner", "olive@clinic.test", "olive-password-1", "olive-password-2");

        Assert.Equal("The two passwords are not the same.", result.Errors["repeat"]);
        Assert.Equal(0, await OwnersAsync());
    }

    [Fact]
    public async Task Redeem_TicketOfNewOwner_WorksOnceAndOnlyWithinAMinute()
    {
        var first = await FirstOwner.CreateAsync("Olive Owner", "olive@clinic.test", "olive-password-1", "olive-password-1");

        var account = FirstOwner.Redeem(first.SignInTicket);
        var again = FirstOwner.Redeem(first.SignInTicket);

        Assert.NotNull(account);
        Assert.Null(again);
    }

    [Fact]
    public async Task Redeem_AfterAMinute_IsRefused()
    {
        var first = await FirstOwner.CreateAsync("Olive Owner", "olive@clinic.test", "olive-password-1", "olive-password-1");
        _database.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Null(FirstOwner.Redeem(first.SignInTicket));
    }

    [Fact]
    public async Task NeededAsync_AfterTheOwnerIsMade_IsFalse()
    {
        Assert.True(await FirstOwner.NeededAsync());

        await FirstOwner.CreateAsync("Olive Owner", "olive@clinic.test", "olive-password-1", "olive-password-1");

        Assert.False(await FirstOwner.NeededAsync());
    }
}
