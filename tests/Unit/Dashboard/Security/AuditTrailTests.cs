using System.Text.Json;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Dashboard.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Security;

/// <summary>The audit trail: written with the command, with who and before/after; never changed.</summary>
public sealed class AuditTrailTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private static readonly Caller Manager = Caller.Staff("m-7", "Maya Manager", StaffRole.Manager);

    private ClientService Clients => app.Services.GetRequiredService<ClientService>();

    private async Task<List<AuditEntry>> EntriesAsync(string objectId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.AuditTrail.AsNoTracking().Where(e => e.ObjectId == objectId).OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task Register_WritesOneEntryWithTheCallerAndTheNewValues()
    {
        var client = await Clients.RegisterAsync(new RegisterClient("Audit Alice", "07700 111222", null, null, Manager));

        var entry = Assert.Single(await EntriesAsync(client.Id.ToString()));
        Assert.Equal(("m-7", "Maya Manager", ActorKind.Staff), (entry.ActorId, entry.ActorName, entry.ActorKind));
        Assert.Equal((Permissions.RegisterClient, "Client"), (entry.Command, entry.ObjectType));
        Assert.Equal(client.Id.ToString(), entry.ClientId);
        Assert.Null(entry.Before);
        Assert.Equal("Audit Alice", JsonDocument.Parse(entry.After!).RootElement.GetProperty("Name").GetString());
    }

    [Fact]
    public async Task Update_BeforeAndAfterHoldOnlyTheChangedFields()
    {
        var client = await Clients.RegisterAsync(new RegisterClient("Audit Bob", null, null, null, Manager));

        await Clients.UpdateAsync(new UpdateClient(client.Id, new ClientDetails("Audit Robert"), true, Manager));

        var update = (await EntriesAsync(client.Id.ToString())).Last();
        Assert.Equal(Permissions.UpdateClient, update.Command);
        var before = JsonDocument.Parse(update.Before!).RootElement;
        var after = JsonDocument.Parse(update.After!).RootElement;
        Assert.Equal("Audit Bob", before.GetProperty("Name").GetString());
        Assert.Equal("Audit Robert", after.GetProperty("Name").GetString());
        Assert.False(before.TryGetProperty("Phone", out _));
    }

    [Fact]
    public async Task RefusedCommand_WritesNoEntry()
    {
        var client = await Clients.RegisterAsync(new RegisterClient("Audit Carol", null, null, null, Manager));
        var count = (await EntriesAsync(client.Id.ToString())).Count;

        await Assert.ThrowsAsync<DomainException>(() => Clients.UpdateAsync(new UpdateClient(client.Id, new ClientDetails(""), true, Manager)));

        Assert.Equal(count, (await EntriesAsync(client.Id.ToString())).Count);
    }

    [Fact]
    public async Task ModifyOrDeleteEntry_Throws()
    {
        var client = await Clients.RegisterAsync(new RegisterClient("Audit Dan", null, null, null, Manager));
        var id = (await EntriesAsync(client.Id.ToString())).Single().Id;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var entry = await db.AuditTrail.SingleAsync(e => e.Id == id);

        db.Entry(entry).Property(e => e.ActorName).CurrentValue = "Someone else";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.Entry(entry).State = EntityState.Deleted;
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }
}
