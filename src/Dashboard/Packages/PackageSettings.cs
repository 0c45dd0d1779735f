using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Packages;

/// <summary>The two behaviours clinics know from different products, offered as settings.</summary>
public sealed record PackageSettings(RedemptionPolicy RedemptionPolicy, bool RedeemOnline)
{
    public static PackageSettings Default { get; } = new(RedemptionPolicy.AtCheckOut, false);
}

/// <summary>What happens to a prepaid session when its client does not come (no-show) or cancels late.</summary>
public enum MissedSessionPolicy
{
    /// <summary>The session (or balance) is given back to the record.</summary>
    Return,
    /// <summary>The session (or balance) is used up, as if redeemed; the history says it was forfeited.</summary>
    Forfeit,
}

/// <summary>
/// Attendance rules of the business: from when an appointment can be checked in (null hours =
/// from the start of its day, in the business's time zone), and what a no-show or a late
/// cancellation (one within <see cref="LateCancellationHours"/> of the start) does to a
/// prepaid session.
/// </summary>
public sealed record AttendanceSettings(int? CheckInHoursBefore, MissedSessionPolicy NoShow, MissedSessionPolicy LateCancellation, int LateCancellationHours)
{
    public static AttendanceSettings Default { get; } = new(null, MissedSessionPolicy.Return, MissedSessionPolicy.Return, 24);

    public void Validate()
    {
        if (CheckInHoursBefore is < 0 or > Limits.MaxCheckInHoursBefore)
        {
            throw Limits.OutOfRange($"Check-in opens from 0 to {Limits.MaxCheckInHoursBefore} hours before the start (or empty for the same day).", "checkInHoursBefore");
        }
        if (!Enum.IsDefined(NoShow) || !Enum.IsDefined(LateCancellation))
        {
            throw DomainException.Invalid("A missed session is Return or Forfeit.", "noShow");
        }
        if (LateCancellationHours is < 0 or > Limits.MaxLateCancellationHours)
        {
            throw Limits.OutOfRange($"The late-cancellation window is from 0 to {Limits.MaxLateCancellationHours} hours.", "lateCancellationHours");
        }
    }
}

/// <summary>Reads and changes business settings kept in the database (so a manager changes them on screen).</summary>
public sealed class SettingsService(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock)
{
    private const string PolicyKey = "Packages.RedemptionPolicy";
    private const string OnlineKey = "Packages.RedeemOnline";
    private const string CheckInKey = "Attendance.CheckInHoursBefore";
    private const string NoShowKey = "Attendance.NoShow";
    private const string LateCancelKey = "Attendance.LateCancellation";
    private const string LateHoursKey = "Attendance.LateCancellationHours";

    /// <summary>The last package settings read, tagged with the <see cref="_generation"/> they were read in.</summary>
    private sealed record Cached(long Generation, PackageSettings Value, long ReadAt);

    /// <summary>
    /// How long a kept copy is served at most: a save on another server (several servers on one
    /// PostgreSQL database) does not move this one's generation, so its copy is read again after
    /// this long at the latest.
    /// </summary>
    private const long MaxAgeMilliseconds = 1000;

    /// <summary>Moves on (twice) with every save of the package settings: before it writes and after it commits.</summary>
    private long _generation;
    private Cached? _packages;

    /// <summary>
    /// The package settings as last committed, kept in memory between saves: every API booking
    /// asks (may it use packages online?) before its command, and a database read for it cost a
    /// context, a connection and a query each time. Only <see cref="SaveAsync(PackageSettings, Caller, CancellationToken)"/>
    /// changes them, and it moves the generation on before it writes and again after it commits;
    /// a value is kept with the generation seen before it was read and served only while the
    /// generation is still that one, so a read that raced a save is never served after it, and
    /// for a second at most (a save made by another server is seen within it).
    /// Commands read the settings inside their own transaction instead (<see cref="ReadAsync"/>).
    /// </summary>
    public async Task<PackageSettings> PackagesAsync(CancellationToken ct = default)
    {
        var generation = Interlocked.Read(ref _generation);
        if (Volatile.Read(ref _packages) is { } cached && cached.Generation == generation && Environment.TickCount64 - cached.ReadAt < MaxAgeMilliseconds)
        {
            return cached.Value;
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var value = await ReadAsync(db, ct);
        Volatile.Write(ref _packages, new Cached(generation, value, Environment.TickCount64));
        return value;
    }

    internal static async Task<PackageSettings> ReadAsync(DashboardDbContext db, CancellationToken ct)
    {
        var values = await db.Settings.AsNoTracking().Where(s => s.Key == PolicyKey || s.Key == OnlineKey).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return new PackageSettings(
            values.TryGetValue(PolicyKey, out var p) && Enum.TryParse<RedemptionPolicy>(p, out var policy) ? policy : PackageSettings.Default.RedemptionPolicy,
            values.TryGetValue(OnlineKey, out var o) && bool.TryParse(o, out var online) ? online : PackageSettings.Default.RedeemOnline);
    }

    public async Task SaveAsync(PackageSettings settings, Caller caller, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, Permissions.SavePackageSettings);
        if (!Enum.IsDefined(settings.RedemptionPolicy))
        {
            throw DomainException.Invalid("Redemption policy is AtCheckOut or AtBooking.", "redemptionPolicy");
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        await SetAsync(db, PolicyKey, settings.RedemptionPolicy.ToString(), ct);
        await SetAsync(db, OnlineKey, settings.RedeemOnline.ToString(), ct);
        AuditWriter.Record(db, caller, Permissions.SavePackageSettings, clock.GetUtcNow());
        // See PackagesAsync: what was kept is stale from here until after the commit.
        Interlocked.Increment(ref _generation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            Interlocked.Increment(ref _generation);
        }
    }

    public async Task<AttendanceSettings> AttendanceAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await ReadAttendanceAsync(db, ct);
    }

    internal static async Task<AttendanceSettings> ReadAttendanceAsync(DashboardDbContext db, CancellationToken ct)
    {
        string[] keys = [CheckInKey, NoShowKey, LateCancelKey, LateHoursKey];
        var values = await db.Settings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var d = AttendanceSettings.Default;
        return new AttendanceSettings(
            values.TryGetValue(CheckInKey, out var c) ? (int.TryParse(c, out var hours) ? hours : null) : d.CheckInHoursBefore,
            values.TryGetValue(NoShowKey, out var n) && Enum.TryParse<MissedSessionPolicy>(n, out var noShow) ? noShow : d.NoShow,
            values.TryGetValue(LateCancelKey, out var l) && Enum.TryParse<MissedSessionPolicy>(l, out var late) ? late : d.LateCancellation,
            values.TryGetValue(LateHoursKey, out var h) && int.TryParse(h, out var window) ? window : d.LateCancellationHours);
    }

    public async Task SaveAsync(AttendanceSettings settings, Caller caller, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, Permissions.SaveAttendanceSettings);
        settings.Validate();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await SetAsync(db, CheckInKey, settings.CheckInHoursBefore?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "SameDay", ct);
        await SetAsync(db, NoShowKey, settings.NoShow.ToString(), ct);
        await SetAsync(db, LateCancelKey, settings.LateCancellation.ToString(), ct);
        await SetAsync(db, LateHoursKey, settings.LateCancellationHours.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        AuditWriter.Record(db, caller, Permissions.SaveAttendanceSettings, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private static async Task SetAsync(DashboardDbContext db, string key, string value, CancellationToken ct)
    {
        if (await db.Settings.FindAsync([key], ct) is { } existing)
        {
            existing.Value = value;
        }
        else
        {
            db.Settings.Add(new Setting { Key = key, Value = value });
        }
    }
}
