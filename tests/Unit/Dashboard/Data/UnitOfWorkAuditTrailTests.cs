using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Security;
using FrontDesk.Tests.Unit.Dashboard.Support;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Tests.Unit.Dashboard.Data;

/// <summary>
/// The audit trail stays append-only for commands run by the unit of work, which turns automatic
/// change detection off after its own scan (the context's guard then uses that scan's outcome).
/// </summary>
public sealed class UnitOfWorkAuditTrailTests : IAsyncLifetime
{
    private PackageDesk _desk = null!;

    public async Task InitializeAsync() => _desk = await PackageDesk.OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private Task<Committed<int>> RenameAliceAsync(UnitOfWork work, string notes) => work.RunAsync(Callers.Rita, Permissions.AdjustPackage, async db =>
    {
        var client = await db.Clients.FindAsync([_desk.Alice.Id]);
        client!.ChangeDetails(client.Name, client.Phone, client.Email, notes, _desk.Clock.GetUtcNow(), Callers.Rita.Actor);
        return 1;
    });

    private async Task<int> EntriesAsync()
    {
        await using var db = await _desk.ContextAsync();
        return await db.AuditTrail.CountAsync();
    }

    [Fact]
    public async Task RunAsync_CommandRemovesAnAuditEntry_IsRefusedAndNothingIsSaved()
    {
        var work = new UnitOfWork(_desk.Contexts, _desk.Clock);
        await RenameAliceAsync(work, "first");
        var entries = await EntriesAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => work.RunAsync(Callers.Rita, Permissions.AdjustPackage, async db =>
        {
            db.AuditTrail.Remove(await db.AuditTrail.OrderBy(e => e.Id).FirstAsync());
            var client = await db.Clients.FindAsync([_desk.Alice.Id]);
            client!.ChangeDetails(client.Name, client.Phone, client.Email, "second", _desk.Clock.GetUtcNow(), Callers.Rita.Actor);
            return 2;
        }));

        await using var check = await _desk.ContextAsync();
        Assert.Equal(entries, await check.AuditTrail.CountAsync());
        Assert.Equal("first", (await check.Clients.SingleAsync(c => c.Id == _desk.Alice.Id)).Notes);
    }

    [Fact]
    public async Task RunAsync_CommandChangesAnEntity_WritesItsAuditEntry()
    {
        var work = new UnitOfWork(_desk.Contexts, _desk.Clock);
        var before = await EntriesAsync();

        await RenameAliceAsync(work, "changed");

        Assert.True(await EntriesAsync() > before);
    }
}
