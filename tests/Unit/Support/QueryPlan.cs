using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Tests.Unit.Support;

/// <summary>SQLite's own plan for the exact command EF Core sends for a query (EXPLAIN QUERY PLAN), one step per line.</summary>
public static class QueryPlan
{
    public static async Task<List<string>> OfAsync<T>(IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }
        return plan;
    }
}
