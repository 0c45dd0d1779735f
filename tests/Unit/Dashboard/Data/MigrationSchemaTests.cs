using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Calendar;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Tests.Unit.Dashboard.Data;

/// <summary>
/// Migrations are generated with `dotnet ef migrations add` (tool manifest in .config). These
/// tests prove that the model has no change that no migration covers, that what the migrations
/// create is exactly what the model would create, and that migrating is safe to re-run.
/// </summary>
public sealed class MigrationSchemaTests
{
    [Fact]
    public async Task Model_Always_HasNoChangeThatNoMigrationCovers()
    {
        await using var db = await SqliteDatabase.CreateAsync(migrate: false);
        await using var context = db.NewContext();

        Assert.False(context.Database.HasPendingModelChanges(),
            "The model has changed since the last migration: run `dotnet ef migrations add <Name> --project src/Dashboard --output-dir Data/Migrations`.");
    }

    [Fact]
    public async Task MigrateAsync_EmptyFile_SchemaEqualsModelsEnsureCreated()
    {
        await using var migrated = await SqliteDatabase.CreateAsync();
        await using var created = await SqliteDatabase.CreateAsync(migrate: false);
        await using (var context = created.NewContext())
        {
            Assert.True(await context.Database.EnsureCreatedAsync());
        }

        var fromMigration = SqliteSchema.Describe(migrated.ConnectionString);
        var fromModel = SqliteSchema.Describe(created.ConnectionString);

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
            clinic.Olivia.Id.Value, clinic.Massage.Id.Value, clinic.AllDay.Id.Value, A.At(8, 10), false, "keep me", Callers.Desk));

        await DatabaseSetup.MigrateAsync(db.Services);

        Assert.Equal(3, await db.CountClientsAsync());
        var stored = await db.Calendar.FindAsync(booked.Id);
        Assert.Equal("keep me", stored!.Note);
        Assert.Equal(AppointmentStatus.Booked, stored.Status);
        var migrations = await db.QueryAsync(c => Task.FromResult(c.Database.GetMigrations().Count()));
        Assert.Equal(migrations, await db.QueryAsync(c => c.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsHistory\"").SingleAsync()));
    }

    [Fact]
    public async Task MigrateAsync_Always_LeavesTheFileInWalMode()
    {
        await using var db = await SqliteDatabase.CreateAsync();

        Assert.Equal("wal", SqliteSchema.Scalar(db.ConnectionString, "PRAGMA journal_mode;")?.ToString());
    }

    [Fact]
    public async Task MigrateAsync_DirectoryMissing_CreatesIt()
    {
        await using var db = await SqliteDatabase.CreateAsync(migrate: false);
        Directory.Delete(db.Directory, recursive: true);

        await DatabaseSetup.MigrateAsync(db.Services);

        Assert.True(File.Exists(db.FilePath));
    }
}
