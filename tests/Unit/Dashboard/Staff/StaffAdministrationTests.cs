using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Staff;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Staff;

/// <summary>The staff screen's commands (StaffAdministration) on a real SQLite file, wired as the app wires them.</summary>
public sealed class StaffAdministrationTests : IAsyncLifetime
{
    private SqliteDatabase _database = default!;
    private ServiceProvider _services = default!;
    private SignedInStaff _owner = default!;
    private SignedInStaff _manager = default!;
    private SignedInStaff _receptionist = default!;

    private StaffAdministration Administration => _services.GetRequiredService<StaffAdministration>();

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
        _owner = await AddAsync("owner@clinic.test", "Olive Owner", StaffRole.Owner);
        _manager = await AddAsync("manager@clinic.test", "Milo Manager", StaffRole.Manager);
        _receptionist = await AddAsync("desk@clinic.test", "Rita Reception", StaffRole.Receptionist);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<SignedInStaff> AddAsync(string email, string name, StaffRole role)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Role = role };
        var result = await users.CreateAsync(user, "a-long-enough-password");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return new SignedInStaff(user.Id, name, role);
    }

    private async Task<StaffUser> LoadAsync(string id)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    private async Task<bool> PasswordWorksAsync(string email, string password)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        return await users.CheckPasswordAsync(user, password);
    }

    private static async Task ForbiddenAsync(Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(call);
        Assert.Equal(DomainErrorKind.Forbidden, refused.Kind);
    }

    [Fact]
    public async Task InviteAsync_ByManager_CreatesAccountWhoseOneTimePasswordWorksAndMustBeChanged()
    {
        var issued = await Administration.InviteAsync(_manager.Caller, new InviteStaff("Nina New", "nina@clinic.test", StaffRole.Receptionist));

        var stored = await LoadAsync(issued.Account.Id);
        Assert.Equal(StaffRole.Receptionist, stored.Role);
        Assert.True(stored.MustChangePassword);
        Assert.True(await PasswordWorksAsync("nina@clinic.test", issued.Password));
    }

    [Fact]
    public async Task InviteAsync_ByReceptionist_IsRefusedAndCreatesNothing()
    {
        await ForbiddenAsync(() =>
            Administration.InviteAsync(_receptionist.Caller, new InviteStaff("Nina New", "nina@clinic.test", StaffRole.Receptionist)));

        Assert.Equal(3, (await Administration.ListAsync(_owner.Caller)).Count);
    }

    [Fact]
    public async Task InviteAsync_OwnerByManager_IsRefused()
    {
        await ForbiddenAsync(() =>
            Administration.InviteAsync(_manager.Caller, new InviteStaff("Otto Other", "otto@clinic.test", StaffRole.Owner)));
    }

    [Fact]
    public async Task InviteAsync_EmailTaken_IsRefusedAsConflict()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Administration.InviteAsync(_manager.Caller, new InviteStaff("Rita Again", "desk@clinic.test", StaffRole.Receptionist)));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
    }

    [Fact]
    public async Task InviteAsync_BadEmail_IsRefusedOnTheEmailField()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Administration.InviteAsync(_manager.Caller, new InviteStaff("Nina", "not an email", StaffRole.Receptionist)));

        Assert.Equal("email", refused.Field);
    }

    [Fact]
    public async Task ListAsync_ByDisplay_IsRefused()
    {
        var wall = new SignedInStaff("wall", "Wall", StaffRole.Display);

        await ForbiddenAsync(() => Administration.ListAsync(wall.Caller));
    }

    [Fact]
    public async Task ChangeRoleAsync_ByManager_ChangesRoleAndRenewsSecurityStamp()
    {
        var before = await LoadAsync(_receptionist.Id);

        await Administration.ChangeRoleAsync(_manager.Caller, _receptionist.Id, StaffRole.Manager);

        var after = await LoadAsync(_receptionist.Id);
        Assert.Equal(StaffRole.Manager, after.Role);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
    }

    [Fact]
    public async Task ChangeRoleAsync_ManagerDemotesOwner_IsRefusedAndOwnerStays()
    {
        await ForbiddenAsync(() => Administration.ChangeRoleAsync(_manager.Caller, _owner.Id, StaffRole.Receptionist));

        Assert.Equal(StaffRole.Owner, (await LoadAsync(_owner.Id)).Role);
    }

    [Fact]
    public async Task ChangeRoleAsync_LastOwnerDemoted_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Administration.ChangeRoleAsync(_owner.Caller, _owner.Id, StaffRole.Manager));

        Assert.Contains("only owner", refused.Message, StringComparison.Ordinal);
        Assert.Equal(StaffRole.Owner, (await LoadAsync(_owner.Id)).Role);
    }

    [Fact]
    public async Task ChangeRoleAsync_OwnerWithSecondOwner_CanBeDemoted()
    {
        await Administration.ChangeRoleAsync(_owner.Caller, _manager.Id, StaffRole.Owner);

        await Administration.ChangeRoleAsync(_owner.Caller, _owner.Id, StaffRole.Manager);

        Assert.Equal(StaffRole.Manager, (await LoadAsync(_owner.Id)).Role);
    }

    [Fact]
    public async Task SetDisabledAsync_ByManager_DisablesAndRenewsSecurityStamp()
    {
        var before = await LoadAsync(_receptionist.Id);

        await Administration.SetDisabledAsync(_manager.Caller, _receptionist.Id, disabled: true);

        var after = await LoadAsync(_receptionist.Id);
        Assert.True(after.Disabled);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
    }

    [Fact]
    public async Task SetDisabledAsync_ByReceptionist_IsRefusedAndNothingChanges()
    {
        await ForbiddenAsync(() => Administration.SetDisabledAsync(_receptionist.Caller, _manager.Id, disabled: true));

        Assert.False((await LoadAsync(_manager.Id)).Disabled);
    }

    [Fact]
    public async Task SetDisabledAsync_ManagerDisablesOwner_IsRefused()
    {
        await ForbiddenAsync(() => Administration.SetDisabledAsync(_manager.Caller, _owner.Id, disabled: true));

        Assert.False((await LoadAsync(_owner.Id)).Disabled);
    }

    [Fact]
    public async Task SetDisabledAsync_LastEnabledOwner_IsRefused()
    {
        // A second owner is disabled by the first; the second's screen, not yet revalidated,
        // then tries to disable the first, who is the last enabled owner.
        await Administration.ChangeRoleAsync(_owner.Caller, _manager.Id, StaffRole.Owner);
        await Administration.SetDisabledAsync(_owner.Caller, _manager.Id, disabled: true);
        var staleSecondOwner = _manager with { Role = StaffRole.Owner };

        var refused = await Assert.ThrowsAsync<DomainException>(() => Administration.SetDisabledAsync(staleSecondOwner.Caller, _owner.Id, disabled: true));

        Assert.Contains("only owner", refused.Message, StringComparison.Ordinal);
        Assert.False((await LoadAsync(_owner.Id)).Disabled);
    }

    [Fact]
    public async Task SetDisabledAsync_OwnAccount_IsRefused()
    {
        await Assert.ThrowsAsync<DomainException>(() => Administration.SetDisabledAsync(_manager.Caller, _manager.Id, disabled: true));

        Assert.False((await LoadAsync(_manager.Id)).Disabled);
    }

    [Fact]
    public async Task ResetPasswordAsync_ByManager_OldPasswordStopsAndNewOneMustBeChanged()
    {
        var issued = await Administration.ResetPasswordAsync(_manager.Caller, _receptionist.Id);

        Assert.False(await PasswordWorksAsync("desk@clinic.test", "a-long-enough-password"));
        Assert.True(await PasswordWorksAsync("desk@clinic.test", issued.Password));
        Assert.True((await LoadAsync(_receptionist.Id)).MustChangePassword);
    }

    [Fact]
    public async Task ResetPasswordAsync_ManagerResetsOwner_IsRefusedAndPasswordStays()
    {
        await ForbiddenAsync(() => Administration.ResetPasswordAsync(_manager.Caller, _owner.Id));

        Assert.True(await PasswordWorksAsync("owner@clinic.test", "a-long-enough-password"));
    }

    [Fact]
    public async Task CreatePairingCode_ByReceptionist_IsRefused()
    {
        await ForbiddenAsync(() => Administration.CreatePairingCodeAsync(_receptionist.Caller, "Waiting room wall"));
    }
}
