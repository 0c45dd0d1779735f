using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Packages;

/// <summary>The two behaviours clinics know from different products, offered as settings.</summary>
public sealed record PackageSettings(RedemptionPolicy RedemptionPolicy, bool RedeemOnline)
{
    public static PackageSettings Default { get; } = new(RedemptionPolicy.AtCheckOut, false);
}

/// <summary>Reads and changes business settings kept in the database (so a manager changes them on screen).</summary>
public sealed class SettingsService(IDbContextFactory<DashboardDbContext> contexts)
{
    private const string PolicyKey = "Packages.RedemptionPolicy";
    private const string OnlineKey = "Packages.RedeemOnline";

    public async Task<PackageSettings> PackagesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await ReadAsync(db, ct);
    }

    internal static async Task<PackageSettings> ReadAsync(DashboardDbContext db, CancellationToken ct)
    {
        var values = await db.Settings.AsNoTracking().Where(s => s.Key == PolicyKey || s.Key == OnlineKey).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return new PackageSettings(
            values.TryGetValue(PolicyKey, out var p) && Enum.TryParse<RedemptionPolicy>(p, out var policy) ? policy : PackageSettings.Default.RedemptionPolicy,
            values.TryGetValue(OnlineKey, out var o) && bool.TryParse(o, out var online) ? online : PackageSettings.Default.RedeemOnline);
    }

    public async Task SaveAsync(PackageSettings settings, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(settings.RedemptionPolicy))
        {
            throw DomainException.Invalid("Redemption policy is AtCheckOut or AtBooking.", "redemptionPolicy");
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        await SetAsync(db, PolicyKey, settings.RedemptionPolicy.ToString(), ct);
        await SetAsync(db, OnlineKey, settings.RedeemOnline.ToString(), ct);
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
