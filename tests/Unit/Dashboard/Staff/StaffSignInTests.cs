using System.Security.Claims;
using FrontDesk.Dashboard.Components.Account.Pages;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Staff;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FrontDesk.Tests.Unit.Dashboard.Staff;

/// <summary>Staff accounts in a real SQLite file, wired as the app wires them (AddStaffSignIn).</summary>
public sealed class StaffSignInTests : IAsyncLifetime
{
    private const string OwnerEmail = "owner@clinic.test";
    private const string OwnerPassword = "first-owner-password";

    private SqliteDatabase _database = default!;
    private ServiceProvider _services = default!;

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

    private static BootstrapOptions Owner(string email = OwnerEmail, string password = OwnerPassword) =>
        new() { OwnerEmail = email, OwnerPassword = password, OwnerName = "Olive Owner" };

    private async Task<List<StaffUser>> OwnersAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        return await db.Users.Where(u => u.Role == StaffRole.Owner).ToListAsync();
    }

    private async Task<SignInResult> CheckPasswordAsync(string email, string password)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        return await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
    }

    [Fact]
    public async Task Bootstrap_NoOwnerYet_CreatesTheOwnerWhoCanSignIn()
    {
        await StaffBootstrap.ApplyAsync(_services, Owner());

        var owner = Assert.Single(await OwnersAsync());
        Assert.Equal(OwnerEmail, owner.Email);
        Assert.Equal("Olive Owner", owner.DisplayName);
        Assert.True((await CheckPasswordAsync(OwnerEmail, OwnerPassword)).Succeeded);
    }

    [Fact]
    public async Task Bootstrap_OwnerAlreadyExists_CreatesNoOtherOwner()
    {
        await StaffBootstrap.ApplyAsync(_services, Owner());

        await StaffBootstrap.ApplyAsync(_services, Owner("someone.else@clinic.test", "another-long-password"));

        var owner = Assert.Single(await OwnersAsync());
        Assert.Equal(OwnerEmail, owner.Email);
    }

    [Fact]
    public async Task Bootstrap_NothingConfigured_CreatesNoAccount()
    {
        await StaffBootstrap.ApplyAsync(_services, new BootstrapOptions());

        Assert.Empty(await OwnersAsync());
    }

    [Fact]
    public async Task Bootstrap_ShortPassword_RefusesToStartWithTheReason()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StaffBootstrap.ApplyAsync(_services, Owner(password: "short")));

        Assert.Contains("at least 10 characters", error.Message, StringComparison.Ordinal);
        Assert.Empty(await OwnersAsync());
    }

    [Fact]
    public async Task CheckPasswordSignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        await StaffBootstrap.ApplyAsync(_services, Owner());
        for (var i = 0; i < 5; i++)
        {
            Assert.False((await CheckPasswordAsync(OwnerEmail, "wrong-password-" + i)).Succeeded);
        }

        var result = await CheckPasswordAsync(OwnerEmail, OwnerPassword);

        Assert.True(result.IsLockedOut);
    }

    [Fact]
    public async Task CheckPasswordSignIn_FourWrongPasswords_StillLetsTheRightOneIn()
    {
        await StaffBootstrap.ApplyAsync(_services, Owner());
        for (var i = 0; i < 4; i++)
        {
            await CheckPasswordAsync(OwnerEmail, "wrong-password-" + i);
        }

        Assert.True((await CheckPasswordAsync(OwnerEmail, OwnerPassword)).Succeeded);
    }

    [Fact]
    public async Task CheckPasswordSignIn_DisabledAccount_IsNotAllowed()
    {
        await StaffBootstrap.ApplyAsync(_services, Owner());
        await using (var scope = _services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(OwnerEmail))!;
            user.Disabled = true;
            await users.UpdateAsync(user);
        }

        var result = await CheckPasswordAsync(OwnerEmail, OwnerPassword);

        Assert.True(result.IsNotAllowed);
    }

    [Fact]
    public async Task StillValid_RoleChangedSinceSignIn_IsFalse()
    {
        await StaffBootstrap.ApplyAsync(_services, Owner());
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<StaffUser>>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var user = (await users.FindByEmailAsync(OwnerEmail))!;
        var principal = await factory.CreateAsync(user);
        Assert.True(await StaffRevalidatingAuthenticationStateProvider.StillValidAsync(users, principal, options));

        user.Role = StaffRole.Receptionist;
        await users.UpdateAsync(user);

        Assert.False(await StaffRevalidatingAuthenticationStateProvider.StillValidAsync(users, principal, options));
    }

    [Fact]
    public async Task ClaimsFactory_Owner_CarriesNameRoleAndId()
    {
        await StaffBootstrap.ApplyAsync(_services, Owner());
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(OwnerEmail))!;

        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<StaffUser>>().CreateAsync(user);

        Assert.Equal(new SignedInStaff(user.Id, "Olive Owner", StaffRole.Owner), SignedInStaff.From(principal));
        Assert.Equal("Owner", principal.FindFirstValue(ClaimTypes.Role));
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("")]
    [InlineData(null)]
    public void LocalReturnUrl_NotAPathOnThisSite_GoesHome(string? returnUrl) =>
        Assert.Equal("/", SignIn.LocalReturnUrl(returnUrl));

    [Fact]
    public void LocalReturnUrl_PathOnThisSite_IsKept() =>
        Assert.Equal("/clients/import", SignIn.LocalReturnUrl("/clients/import"));
}
