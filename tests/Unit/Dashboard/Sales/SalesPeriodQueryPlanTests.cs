using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Sales;

/// <summary>
/// The live sales board refreshes on every sale: the invoices of its period are found through
/// the IssuedAt and PaidAt indexes, never by scanning every invoice ever issued.
/// </summary>
public sealed class SalesPeriodQueryPlanTests : IAsyncLifetime
{
    private SqliteDatabase _db = null!;

    public async Task InitializeAsync() => _db = await SqliteDatabase.CreateAsync(A.Now);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task InvoicesTouching_QueryPlans_EachSeekAnIndexOfInvoices()
    {
        await using var db = await _db.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var reads = SalesReport.InvoicesTouching(db, A.Now.AddDays(-1), A.Now);

        var plans = new List<List<string>>();
        foreach (var read in reads)
        {
            plans.Add(await QueryPlan.OfAsync(read));
        }

        Assert.Equal(3, plans.Count);
        Assert.Contains(plans[0], step => step.Contains("IX_Invoices_IssuedAt (IssuedAt>? AND IssuedAt<?)", StringComparison.Ordinal));
        Assert.Contains(plans[1], step => step.Contains("IX_Invoices_PaidAt (PaidAt>? AND PaidAt<?)", StringComparison.Ordinal));
        Assert.Contains(plans[2], step => step.Contains("IX_Invoices_", StringComparison.Ordinal));
        // No read walks the whole invoices table.
        Assert.All(plans, plan => Assert.DoesNotContain(plan, step => step.StartsWith("SCAN i", StringComparison.Ordinal) || step == "SCAN Invoices"));
    }
}
