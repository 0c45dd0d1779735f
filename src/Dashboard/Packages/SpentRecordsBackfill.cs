using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Packages;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Packages;

/// <summary>
/// Fills in <see cref="PackageRecord.IsSpent"/> for records saved before the column existed:
/// the migration that added it gave every row false, so a database from before would keep its
/// used-up records on the liability's indexed path for ever. Run at start after the migrations;
/// idempotent (it only marks records the domain's own rule, <see cref="PackageRecord.SpentBy"/>,
/// says are spent, and finds none on the next start). The rule is applied in C# rather than in
/// SQL because balances are stored as decimal text ("0.0"), which SQL compares as text.
/// </summary>
public static class SpentRecordsBackfill
{
    private const int Batch = 500;

    /// <returns>How many records were marked spent.</returns>
    public static async Task<int> RunAsync(DashboardDbContext db, CancellationToken ct = default)
    {
        var open = await db.PackageRecords.AsNoTracking()
            .Where(r => !r.IsSpent)
            .Select(r => new { r.Id, r.ValueType, r.Status, r.Available, r.Held })
            .ToListAsync(ct);
        var spent = open.Where(r => PackageRecord.SpentBy(r.ValueType, r.Status, r.Available, r.Held)).Select(r => r.Id).ToList();
        foreach (var chunk in spent.Chunk(Batch))
        {
            // Only the derived flag changes: no version bump, nothing for a desk to reload.
            await db.PackageRecords.Where(r => chunk.Contains(r.Id) && !r.IsSpent)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.IsSpent, true), ct);
        }
        return spent.Count;
    }
}
