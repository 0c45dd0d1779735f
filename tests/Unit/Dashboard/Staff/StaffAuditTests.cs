using System.Text.Json.Nodes;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Security;
using FrontDesk.Dashboard.Staff;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Staff;

/// <summary>Every change of the staff screen writes one audit entry (who, when, command, account, before/after), never a password or a code.</summary>
public sealed class StaffAuditTests : IAsyncLifetime
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

    private Task<List<AuditEntry>> TrailAsync() => _database.QueryAsync(db => db.AuditTrail.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    private async Task<AuditEntry> OnlyEntryAsync() => Assert.Single(await TrailAsync());

    private static JsonObject Json(string? text) => JsonNode.Parse(text ?? "null")?.AsObject() ?? throw new Xunit.Sdk.XunitException("no JSON");

    private async Task<string> PairDisplayAsync(string name)
    {
        var code = await Administration.CreatePairingCodeAsync(_manager.Caller, name);
        var paired = await _services.GetRequiredService<DisplayPairing>().RedeemAsync(code.Code);
        return paired.AccountId!;
    }

    [Fact]
    public async Task InviteAsync_ByManager_WritesEntryWithAuthorAccountAndRoleButNoPassword()
    {
        var issued = await Administration.InviteAsync(_manager.Caller, new InviteStaff("Nina New", "nina@clinic.test", StaffRole.Receptionist));

        var entry = await OnlyEntryAsync();
        Assert.Equal((Permissions.InviteStaff, StaffAdministration.AccountObject, issued.Account.Id), (entry.Command, entry.ObjectType, entry.ObjectId));
        Assert.Equal((ActorKind.Staff, _manager.Id, "Milo Manager"), (entry.ActorKind, entry.ActorId, entry.ActorName));
        Assert.Equal(_database.Clock.GetUtcNow(), entry.At);
        Assert.Null(entry.Before);
        Assert.Equal("Receptionist", (string?)Json(entry.After)["Role"]);
        Assert.DoesNotContain(issued.Password, entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRoleAsync_ByOwner_WritesRoleBeforeAndAfter()
    {
        await Administration.ChangeRoleAsync(_owner.Caller, _receptionist.Id, StaffRole.Manager);

        var entry = await OnlyEntryAsync();
        Assert.Equal((Permissions.ChangeStaffRole, _receptionist.Id, _owner.Id), (entry.Command, entry.ObjectId, entry.ActorId));
        Assert.Equal("Receptionist", (string?)Json(entry.Before)["Role"]);
        Assert.Equal("Manager", (string?)Json(entry.After)["Role"]);
    }

    [Fact]
    public async Task SetDisabledAsync_Disable_WritesDisabledFalseToTrue()
    {
        await Administration.SetDisabledAsync(_manager.Caller, _receptionist.Id, disabled: true);

        var entry = await OnlyEntryAsync();
        Assert.Equal((Permissions.DisableStaff, StaffAdministration.AccountObject, _receptionist.Id), (entry.Command, entry.ObjectType, entry.ObjectId));
        Assert.False((bool?)Json(entry.Before)["Disabled"]);
        Assert.True((bool?)Json(entry.After)["Disabled"]);
    }

    [Fact]
    public async Task SetDisabledAsync_Enable_WritesEnableEntry()
    {
        await Administration.SetDisabledAsync(_manager.Caller, _receptionist.Id, disabled: true);

        await Administration.SetDisabledAsync(_manager.Caller, _receptionist.Id, disabled: false);

        var entry = (await TrailAsync())[^1];
        Assert.Equal((Permissions.EnableStaff, _receptionist.Id), (entry.Command, entry.ObjectId));
        Assert.True((bool?)Json(entry.Before)["Disabled"]);
        Assert.False((bool?)Json(entry.After)["Disabled"]);
    }

    [Fact]
    public async Task ResetPasswordAsync_ByManager_WritesEntryWithoutPasswordOrHash()
    {
        var issued = await Administration.ResetPasswordAsync(_manager.Caller, _receptionist.Id);

        var entry = await OnlyEntryAsync();
        Assert.Equal((Permissions.ResetStaffPassword, _receptionist.Id), (entry.Command, entry.ObjectId));
        Assert.True((bool?)Json(entry.After)["MustChangePassword"]);
        var stored = await _database.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == _receptionist.Id));
        var written = entry.Before + entry.After;
        Assert.DoesNotContain(issued.Password, written, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.PasswordHash!, written, StringComparison.Ordinal);
        Assert.DoesNotContain("SecurityStamp", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePairingCodeAsync_ByManager_WritesEntryNamingTheDisplayNotTheCode()
    {
        var code = await Administration.CreatePairingCodeAsync(_manager.Caller, "Waiting room wall");

        var entry = await OnlyEntryAsync();
        Assert.Equal((Permissions.CreatePairingCode, StaffAdministration.PairingObject, "Waiting room wall", _manager.Id),
            (entry.Command, entry.ObjectType, entry.ObjectId, entry.ActorId));
        Assert.DoesNotContain(code.Code, entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetDisabledAsync_DisplayDevice_WritesEntryForTheDevice()
    {
        var device = await PairDisplayAsync("Waiting room wall");

        await Administration.SetDisabledAsync(_manager.Caller, device, disabled: true);

        var entry = (await TrailAsync())[^1];
        Assert.Equal((Permissions.DisableStaff, StaffAdministration.DisplayObject, device), (entry.Command, entry.ObjectType, entry.ObjectId));
        Assert.True((bool?)Json(entry.After)["Disabled"]);
    }

    [Fact]
    public async Task ChangeRoleAsync_RefusedByRule_WritesNoEntryAndChangesNothing()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Administration.ChangeRoleAsync(_owner.Caller, _owner.Id, StaffRole.Manager));

        Assert.Equal(DomainErrorKind.RuleBroken, refused.Kind);
        Assert.Empty(await TrailAsync());
    }

    [Fact]
    public async Task InviteAsync_ByReceptionist_WritesNoEntry()
    {
        await Assert.ThrowsAsync<DomainException>(() =>
            Administration.InviteAsync(_receptionist.Caller, new InviteStaff("Nina New", "nina@clinic.test", StaffRole.Receptionist)));

        Assert.Empty(await TrailAsync());
    }

    [Fact]
    public async Task SetDisabledAsync_Unchanged_WritesNoEntry()
    {
        await Administration.SetDisabledAsync(_manager.Caller, _receptionist.Id, disabled: false);

        Assert.Empty(await TrailAsync());
    }
}
