using FrontDesk.Dashboard.Data;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Data;

/// <summary>The settings every connection of the app gets: a commit of clients' money is on disk before it is reported.</summary>
public sealed class DatabaseSetupTests : IAsyncLifetime
{
    private SqliteDatabase _db = null!;

    public async Task InitializeAsync() => _db = await SqliteDatabase.CreateAsync(A.Now);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<long> PragmaAsync(string name)
    {
        await using var db = await _db.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task OpenConnection_AppContext_SynchronousIsFull()
    {
        // 2 = FULL: the WAL is synced at every commit (NORMAL, 1, may lose the last commits on power loss).
        Assert.Equal(2, await PragmaAsync("synchronous"));
    }

    [Fact]
    public async Task OpenConnection_AppContext_ForeignKeysAreOn()
    {
        Assert.Equal(1, await PragmaAsync("foreign_keys"));
    }

    [Fact]
    public async Task OpenConnection_AppContext_TempStoreIsMemory()
    {
        // 2 = MEMORY: a command's savepoint journal stays in memory instead of a temp file per transaction.
        Assert.Equal(2, await PragmaAsync("temp_store"));
    }
}
