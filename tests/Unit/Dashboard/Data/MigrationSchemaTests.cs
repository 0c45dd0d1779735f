using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Calendar;
using FrontDesk.Tests.Unit.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Tests.Unit.Dashboard.Data;

/// <summary>
/// The initial migration is written by hand (no EF design-time package here). These tests prove
/// that what it creates is exactly what the model would create, and that it is safe to re-run.
/// </summary>
public sealed class MigrationSchemaTests
{
    [Fact]
    public async Task MigrateAsync_EmptyFile_SchemaEqualsModelsEnsureCreated()
    {
        await using var migrated = await SqliteDatabase.CreateAsync();
        await using var created = await SqliteDatabase.CreateAsync(migrate: false);
        await using (var context = created.NewContext())
        {
            Assert.True(await context.Database.EnsureCreatedAsync());
        }

        var fromMigration = Describe(migrated.ConnectionString);
        var fromModel = Describe(created.ConnectionString);

        Assert.Contains(fromModel, l => l.StartsWith("table Appointments", StringComparison.Ordinal));
        var missing = fromModel.Except(fromMigration).ToList();
        var extra = fromMigration.Except(fromModel).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The model has, the migration lacks:\n{string.Join("\n", missing)}\nThe migration has, the model lacks:\n{string.Join("\n", extra)}");
        Assert.Equal(fromModel, fromMigration);
    }

    [Fact]
    public async Task MigrateAsync_EmptyFile_AppliesEveryMigrationAndLeavesNonePending()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        await using var context = db.NewContext();

        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task MigrateAsync_SecondStartWithData_KeepsTheData()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var clinic = new Clinic();
        await clinic.SeedAsync(db);
        var booked = await db.Appointments.BookAsync(new FrontDesk.Dashboard.Calendar.BookAppointment(
            clinic.Olivia.Id.Value, clinic.Massage.Id.Value, clinic.AllDay.Id.Value, A.At(8, 10), false, "keep me", A.Desk));

        await DatabaseSetup.MigrateAsync(db.Services);

        Assert.Equal(3, await db.CountClientsAsync());
        var stored = await db.Calendar.FindAsync(booked.Id);
        Assert.Equal("keep me", stored!.Note);
        Assert.Equal(AppointmentStatus.Booked, stored.Status);
        Assert.Equal(1, await db.QueryAsync(c => c.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsHistory\"").SingleAsync()));
    }

    [Fact]
    public async Task MigrateAsync_Always_LeavesTheFileInWalMode()
    {
        await using var db = await SqliteDatabase.CreateAsync();

        Assert.Equal("wal", Scalar(db.ConnectionString, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task MigrateAsync_DirectoryMissing_CreatesIt()
    {
        await using var db = await SqliteDatabase.CreateAsync(migrate: false);
        Directory.Delete(db.Directory, recursive: true);

        await DatabaseSetup.MigrateAsync(db.Services);

        Assert.True(File.Exists(db.FilePath));
    }

    private static string? Scalar(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }

    /// <summary>
    /// The schema as comparable lines: tables, columns (type, not null, default, key), indexes
    /// (unique, columns in order) and foreign keys. Column order is ignored; EF's history table too.
    /// </summary>
    private static List<string> Describe(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var lines = new List<string>();
        var tables = Rows(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' AND name <> '__EFMigrationsLock' ORDER BY name");
        foreach (var table in tables)
        {
            var name = (string)table["name"]!;
            var sql = (string)table["sql"]!;
            lines.Add($"table {name} autoincrement={sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)}");
            foreach (var column in Rows(connection, $"PRAGMA table_info(\"{name}\")").OrderBy(c => (string)c["name"]!, StringComparer.Ordinal))
            {
                lines.Add($"  column {name}.{column["name"]} type={column["type"]} notnull={column["notnull"]} default={column["dflt_value"] ?? "null"} pk={column["pk"]}");
            }
            foreach (var index in Rows(connection, $"PRAGMA index_list(\"{name}\")").OrderBy(i => (string)i["name"]!, StringComparer.Ordinal))
            {
                var indexName = (string)index["name"]!;
                var columns = Rows(connection, $"PRAGMA index_info(\"{indexName}\")").OrderBy(c => (long)c["seqno"]!).Select(c => c["name"]);
                lines.Add($"  index {name}.{indexName} unique={index["unique"]} origin={index["origin"]} partial={index["partial"]} on ({string.Join(", ", columns)})");
            }
            foreach (var fk in Rows(connection, $"PRAGMA foreign_key_list(\"{name}\")")
                .OrderBy(f => (string)f["table"]!, StringComparer.Ordinal).ThenBy(f => (string)f["from"]!, StringComparer.Ordinal))
            {
                lines.Add($"  fk {name}.{fk["from"]} -> {fk["table"]}.{fk["to"]} on_update={fk["on_update"]} on_delete={fk["on_delete"]} match={fk["match"]}");
            }
        }
        foreach (var other in Rows(connection, "SELECT type, name FROM sqlite_master WHERE type NOT IN ('table', 'index') ORDER BY name"))
        {
            lines.Add($"{other["type"]} {other["name"]}");
        }
        return lines;
    }

    private static List<Dictionary<string, object?>> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
