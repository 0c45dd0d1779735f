using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FrontDesk.Dashboard.Data;

/// <summary>Prepares the database at start: applies migrations (never drops anything), then fills in derived columns that old rows lack.</summary>
public static class DatabaseSetup
{
    public static void AddDashboardDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Dashboard")
            ?? throw new InvalidOperationException("ConnectionStrings:Dashboard is not set.");
        services.AddDbContextFactory<DashboardDbContext>(options => options
            .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(30).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(new SqlitePragmas()));
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.Section))
            .Validate(o => o.Retention > TimeSpan.Zero && o.PurgeInterval > TimeSpan.Zero, "Idempotency:Retention and Idempotency:PurgeInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<UnitOfWork>();
        services.AddSingleton<IdempotencyPurgeJob>();
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        await db.Database.MigrateAsync(ct);
        // WAL lets the desks read while one of them writes; it is a property of the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        // Data steps that a migration's defaults cannot compute (idempotent, run on every start).
        await Packages.SpentRecordsBackfill.RunAsync(db, ct);
    }

    /// <summary>
    /// Per-connection settings that SQLite does not keep in the file. synchronous=FULL: a commit
    /// is on disk (the WAL synced) before the desk hears "paid"; NORMAL would be faster but may
    /// lose the last commits if the machine loses power, and these are clients' money.
    /// temp_store=MEMORY: the journal of each command's savepoint in a group commit (see
    /// <see cref="UnitOfWork"/>) stays in memory; by default SQLite wrote it to a new temp file
    /// in /var/tmp for every transaction, with more writes to it than to the WAL (strace), and
    /// the booking benchmark ran 4-9 % faster without it. It holds only what a transaction has
    /// not committed yet: the WAL still makes each commit durable.
    /// </summary>
    private const string ConnectionPragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;";

    /// <summary>Applies <see cref="ConnectionPragmas"/> to every connection EF Core opens, and refuses one opened by a command's work (see <see cref="UnitOfWork.EnsureNotInsideCommand"/>).</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            UnitOfWork.EnsureNotInsideCommand();
            return result;
        }

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            UnitOfWork.EnsureNotInsideCommand();
            return ValueTask.FromResult(result);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
