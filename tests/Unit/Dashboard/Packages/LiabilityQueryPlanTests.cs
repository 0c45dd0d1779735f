using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Packages;

/// <summary>
/// The live liability must not grow with history: SQLite's own plan for the query the app sends
/// seeks the (IsSpent, PaidAt) index to the records not spent, instead of scanning the spent ones.
/// </summary>
public sealed class LiabilityQueryPlanTests : IAsyncLifetime
{
    private SqliteDatabase _db = null!;

    public async Task InitializeAsync() => _db = await SqliteDatabase.CreateAsync(A.Now);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task NotSpentPaidBy_QueryPlan_SeeksTheIndexToRecordsNotSpent()
    {
        await using var db = await _db.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var plan = await QueryPlan.OfAsync(PackageQueries.NotSpentPaidBy(db, A.Now));

        // (A sort of the few rows found may follow: the record's owned rows are read in key order.)
        Assert.Contains(plan, step => step.Contains("IX_PackageRecords_IsSpent_PaidAt (IsSpent=? AND PaidAt", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("ANY(IsSpent)", StringComparison.Ordinal));
    }
}
