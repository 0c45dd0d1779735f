using System.Globalization;
using System.Text.RegularExpressions;
using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Operations;

/// <summary>Backups of the SQLite file: section "Backup".</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where backups go; relative paths are relative to the database file's folder.</summary>
    public string Folder { get; set; } = "backups";

    /// <summary>How often the scheduled backup runs; zero turns the schedule off (on demand only).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many backups are kept; the oldest beyond this are deleted after each backup.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>
    /// How long after start the first scheduled backup may run at the earliest (a server that
    /// starts and stops quickly, e.g. in tests or a crash loop, does not copy the file each time).
    /// </summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>One backup file: its name, size and the UTC time it was taken.</summary>
public sealed record BackupInfo(string Name, long SizeBytes, DateTimeOffset TakenAt);

/// <summary>
/// Consistent online backups of the clinic's SQLite database: <c>VACUUM INTO</c> copies one
/// read snapshot (desks keep writing meanwhile, WAL), first to a ".partial" file that becomes
/// the backup only when complete. Names carry the UTC time ("frontdesk-20300107-080000Z.db");
/// after each backup the oldest beyond <see cref="BackupOptions.Keep"/> are deleted.
/// </summary>
public sealed partial class BackupStore(IDbContextFactory<DashboardDbContext> contexts, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupStore> logger)
{
    private const string Prefix = "frontdesk-";
    private const string Extension = ".db";
    private readonly SemaphoreSlim _one = new(1, 1);
    private string? _folder;

    /// <summary>The folder backups are written to (created on first use).</summary>
    public string Folder => _folder ??= ResolveFolder();

    public async Task<BackupInfo> CreateAsync(CancellationToken ct = default)
    {
        await _one.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(Folder);
            var now = clock.GetUtcNow();
            var name = FreeName(now);
            var final = Path.Combine(Folder, name);
            var partial = final + ".partial";
            File.Delete(partial);
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [partial], ct);
            }
            File.Move(partial, final);
            var info = Describe(new FileInfo(final))!;
            logger.LogInformation("Backup {Name} taken ({Bytes} bytes)", info.Name, info.SizeBytes);
            Prune();
            return info;
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>The backups, newest first.</summary>
    public IReadOnlyList<BackupInfo> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }
        return new DirectoryInfo(Folder).EnumerateFiles(Prefix + "*" + Extension)
            .Select(Describe)
            .OfType<BackupInfo>()
            .OrderByDescending(b => b.TakenAt)
            .ThenByDescending(b => b.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The full path of a backup by its name; a name that is not a backup's is refused (no paths).</summary>
    public string PathOf(string name)
    {
        if (!IsBackupName(name))
        {
            throw DomainException.Invalid("That is not a backup's name (frontdesk-YYYYMMDD-HHMMSSZ.db).", "name");
        }
        var path = Path.Combine(Folder, name);
        return File.Exists(path) ? path : throw DomainException.NotFound($"No backup is called {name}.");
    }

    public static bool IsBackupName(string? name) => name is not null && BackupName().IsMatch(name);

    private string FreeName(DateTimeOffset now)
    {
        var stamp = Prefix + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "Z";
        var name = stamp + Extension;
        for (var n = 2; File.Exists(Path.Combine(Folder, name)); n++)
        {
            name = $"{stamp}-{n}{Extension}";
        }
        return name;
    }

    private void Prune()
    {
        var keep = Math.Max(1, options.Value.Keep);
        foreach (var old in List().Skip(keep))
        {
            try
            {
                File.Delete(Path.Combine(Folder, old.Name));
                logger.LogInformation("Backup {Name} deleted (keeping the newest {Keep})", old.Name, keep);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Backup {Name} could not be deleted", old.Name);
            }
        }
    }

    private static BackupInfo? Describe(FileInfo file)
    {
        var match = BackupName().Match(file.Name);
        if (!match.Success)
        {
            return null;
        }
        var at = DateTime.ParseExact(match.Groups["at"].Value, "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        return new BackupInfo(file.Name, file.Length, new DateTimeOffset(at, TimeSpan.Zero));
    }

    private string ResolveFolder()
    {
        var configured = options.Value.Folder;
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = "backups";
        }
        if (Path.IsPathRooted(configured))
        {
            return Path.GetFullPath(configured);
        }
        using var db = contexts.CreateDbContext();
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var dataFolder = Path.GetDirectoryName(Path.GetFullPath(source)) ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(dataFolder, configured));
    }

    [GeneratedRegex(@"^frontdesk-(?<at>\d{8}-\d{6})Z(-\d{1,4})?\.db$", RegexOptions.CultureInvariant)]
    private static partial Regex BackupName();
}

/// <summary>
/// Takes a backup every <see cref="BackupOptions.Interval"/> (on <see cref="TimeProvider"/>'s
/// clock): due when the newest backup is that old, so a server restarted every night still
/// backs up, but never before <see cref="BackupOptions.StartDelay"/> after start. A failed
/// backup is logged and tried again at the next interval.
/// </summary>
public sealed class BackupJob(BackupStore store, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        if (interval <= TimeSpan.Zero)
        {
            logger.LogInformation("Scheduled backups are off (Backup:Interval is zero); managers back up on demand.");
            return;
        }
        var earliest = clock.GetUtcNow() + options.Value.StartDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            var newest = store.List().FirstOrDefault()?.TakenAt;
            var due = newest is { } at ? at + interval : earliest;
            if (due < earliest)
            {
                due = earliest;
            }
            var wait = due - clock.GetUtcNow();
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }
                await store.CreateAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The scheduled backup failed; trying again in {Interval}", interval);
                await Task.Delay(interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}

/// <summary>
/// POST /api/v1/backups (take one now), GET /api/v1/backups (list), GET /api/v1/backups/{name}
/// (download): an API key of an owner or manager, like every report of the API. No key answers
/// 401 and another role 403, as problem details (an API answers; it does not redirect).
/// </summary>
public static class BackupEndpoints
{
    public static WebApplication MapBackupApi(this WebApplication app)
    {
        var backups = app.MapGroup("/api/v1").WithTags("Backups").RequireAuthorization(Security.ApiKeyAuthentication.ManagerPolicy);
        backups.AddEndpointFilter<Api.IdempotencyFilter>();
        backups.MapGet("/backups", (BackupStore store) => store.List());
        backups.MapPost("/backups", async (BackupStore store, CancellationToken ct) =>
        {
            var info = await store.CreateAsync(ct);
            return Results.Created($"/api/v1/backups/{info.Name}", info);
        });
        backups.MapGet("/backups/{name}", (string name, BackupStore store) => Download(name, store));
        return app;
    }

    /// <summary>One backup file: the API's download and the screens' (<see cref="Security.ScreenDownloads"/>) both answer with this.</summary>
    internal static IResult Download(string name, BackupStore store) =>
        Results.File(store.PathOf(name), "application/vnd.sqlite3", name);
}
