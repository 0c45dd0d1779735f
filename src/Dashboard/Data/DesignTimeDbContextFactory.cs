using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FrontDesk.Dashboard.Data;

/// <summary>
/// Lets `dotnet ef` build the model without starting the app (which would migrate a database
/// and seed demo data). Migrations are generated against SQLite, the provider the app uses;
/// no connection is opened to add a migration.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DashboardDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options);
}
