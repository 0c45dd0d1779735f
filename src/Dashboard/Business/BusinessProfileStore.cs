using System.Globalization;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Business;

/// <summary>The business settings changed: open screens show the new name, hours and currency.</summary>
public sealed record BusinessProfileChangedLive(BusinessProfile Profile, DateTimeOffset At, string ActorName) : LiveEvent(At, ActorName);

/// <summary>Business settings that cannot be saved, with every field's problem (nothing was written).</summary>
public sealed class BusinessSettingsException(IReadOnlyList<SettingsError> errors)
    : Exception(string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<SettingsError> Errors { get; } = errors;
}

/// <summary>
/// The one holder of the business settings: an immutable <see cref="BusinessProfile"/> snapshot,
/// loaded from the database at start (<see cref="LoadAsync"/>), replaced when a manager saves
/// and announced on the live feed, so every reader (the clock, screens, API) sees the current
/// values without a restart. The "Business" configuration section only gives the values used
/// the first time, when the database holds none yet.
/// <para>
/// Stored as rows of the existing <c>Settings</c> key/value table ("Business.Name",
/// "Business.Hours.Monday" = "09:00-17:00" or "closed", "Setup.CompletedAt") rather than a new
/// single-row entity: these are a handful of scalar settings that are always read and written
/// together through this class, the attendance and package settings already live there, and no
/// schema change (migration) is needed, so an old database upgrades without one and parallel
/// branches that add migrations do not collide with this one.
/// </para>
/// </summary>
public sealed class BusinessProfileStore : IDisposable
{
    private const string NameKey = "Business.Name";
    private const string ZoneKey = "Business.TimeZone";
    private const string CurrencyKey = "Business.Currency";
    private const string CultureKey = "Business.Culture";
    private const string HoursPrefix = "Business.Hours.";
    private const string SetupKey = "Setup.CompletedAt";
    private const string ClosedValue = "closed";

    private readonly IDbContextFactory<DashboardDbContext> _contexts;
    private readonly ILiveFeed _feed;
    private readonly TimeProvider _time;
    private readonly BusinessProfile _firstRun;
    private readonly SemaphoreSlim _writes = new(1, 1);
    private BusinessProfile _current;
    private bool _setupDone = true;
    private IDisposable? _subscription;

    public BusinessProfileStore(IDbContextFactory<DashboardDbContext> contexts, IOptions<BusinessOptions> firstRun, ILiveFeed feed, TimeProvider time)
    {
        _contexts = contexts;
        _feed = feed;
        _time = time;
        _firstRun = BusinessProfile.FromOptions(firstRun.Value).Normalized();
        // Until LoadAsync runs (a tool or a test that builds the services without the host),
        // the configured values are current and the business counts as set up.
        _current = _firstRun;
    }

    /// <summary>The current settings (an immutable snapshot: keep it for one render or request, read again later).</summary>
    public BusinessProfile Current => Volatile.Read(ref _current);

    /// <summary>The values of the "Business" configuration section: what a skipped setup step keeps.</summary>
    public BusinessProfile FirstRun => _firstRun;

    /// <summary>False on a new installation until the first-run setup is finished (or skipped to the end).</summary>
    public bool SetupDone => Volatile.Read(ref _setupDone);

    /// <summary>
    /// Raised after the settings changed, with the new snapshot: saved here, or announced on the
    /// live feed by another server once loaded. Screens listen here (one feed subscription per
    /// server, not one per circuit).
    /// </summary>
    public event Action<BusinessProfile>? Changed;

    /// <summary>Raised once the first-run setup is done.</summary>
    public event Action? SetupCompleted;

    /// <summary>
    /// Reads the settings from the database, writing the first-run values for any that are
    /// missing. A database that already holds services, providers or clients but no setup mark
    /// (an installation from before the setup wizard) counts as set up.
    /// </summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        // From now on a change saved on another server (the feed carries it) becomes current here too.
        _subscription ??= _feed.Subscribe(OnLiveBatch);
        await _writes.WaitAsync(ct);
        try
        {
            await using var db = await _contexts.CreateDbContextAsync(ct);
            var values = await db.Settings.AsNoTracking()
                .Where(s => s.Key.StartsWith("Business.") || s.Key == SetupKey)
                .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
            var profile = Read(values);
            var missing = Write(profile).Where(kv => !values.ContainsKey(kv.Key)).ToList();
            foreach (var (key, value) in missing)
            {
                db.Settings.Add(new Setting { Key = key, Value = value });
            }
            var done = values.ContainsKey(SetupKey);
            if (!done && (await db.Services.AnyAsync(ct) || await db.Providers.AnyAsync(ct) || await db.Clients.AnyAsync(ct)))
            {
                db.Settings.Add(new Setting { Key = SetupKey, Value = Stamp(_time.GetUtcNow()) });
                done = true;
            }
            await db.SaveChangesAsync(ct);
            Volatile.Write(ref _current, profile);
            Volatile.Write(ref _setupDone, done);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>
    /// Validates and saves <paramref name="profile"/>, then makes it current and announces it.
    /// Refused with every field's problem (<see cref="BusinessSettingsException"/>), writing nothing.
    /// </summary>
    public async Task<BusinessProfile> SaveAsync(BusinessProfile profile, Caller caller, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, Permissions.SaveBusinessSettings);
        var candidate = profile.Normalized();
        var errors = candidate.Validate();
        if (errors.Count > 0)
        {
            throw new BusinessSettingsException(errors);
        }
        await _writes.WaitAsync(ct);
        try
        {
            await using var db = await _contexts.CreateDbContextAsync(ct);
            foreach (var (key, value) in Write(candidate))
            {
                await SetAsync(db, key, value, ct);
            }
            AuditWriter.Record(db, caller, Permissions.SaveBusinessSettings, _time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            Volatile.Write(ref _current, candidate);
        }
        finally
        {
            _writes.Release();
        }
        Changed?.Invoke(candidate);
        _feed.Publish([new BusinessProfileChangedLive(candidate, _time.GetUtcNow(), caller.Actor.DisplayName)]);
        return candidate;
    }

    public void Dispose() => _subscription?.Dispose();

    private Task OnLiveBatch(IReadOnlyList<LiveEvent> batch)
    {
        if (batch.OfType<BusinessProfileChangedLive>().LastOrDefault() is { } change && !ReferenceEquals(change.Profile, Current))
        {
            // Announced by another server (this server's own saves are current already).
            Volatile.Write(ref _current, change.Profile);
            Changed?.Invoke(change.Profile);
        }
        return Task.CompletedTask;
    }

    /// <summary>Marks the first-run setup as done: from now on every screen opens normally.</summary>
    public async Task CompleteSetupAsync(CancellationToken ct = default)
    {
        await _writes.WaitAsync(ct);
        try
        {
            await using var db = await _contexts.CreateDbContextAsync(ct);
            await MarkSetupDoneAsync(db, _time.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            Volatile.Write(ref _setupDone, true);
        }
        finally
        {
            _writes.Release();
        }
        SetupCompleted?.Invoke();
    }

    /// <summary>Adds the "setup done" mark to <paramref name="db"/> unless it is there (the caller saves).</summary>
    public static async Task MarkSetupDoneAsync(DashboardDbContext db, DateTimeOffset at, CancellationToken ct = default)
    {
        if (await db.Settings.FindAsync([SetupKey], ct) is null)
        {
            db.Settings.Add(new Setting { Key = SetupKey, Value = Stamp(at) });
        }
    }

    private static string Stamp(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The stored settings; a missing or unreadable value falls back to its first-run value.</summary>
    private BusinessProfile Read(IReadOnlyDictionary<string, string> values)
    {
        string Pick(string key, string fallback, Func<string, string?> problem) =>
            values.TryGetValue(key, out var v) && problem(v) is null ? v : fallback;

        var name = values.TryGetValue(NameKey, out var n) && !string.IsNullOrWhiteSpace(n) ? n : _firstRun.Name;
        var hours = BusinessProfile.Week.Select(day =>
            values.TryGetValue(HoursPrefix + day, out var h) && ParseHours(day, h) is { } parsed ? parsed : _firstRun.On(day));
        return new BusinessProfile(
            name,
            Pick(ZoneKey, _firstRun.TimeZone, BusinessProfile.ZoneProblem),
            Pick(CurrencyKey, _firstRun.Currency, BusinessProfile.CurrencyProblem),
            Pick(CultureKey, _firstRun.Culture, BusinessProfile.CultureProblem),
            [.. hours]);
    }

    private static IEnumerable<KeyValuePair<string, string>> Write(BusinessProfile profile)
    {
        yield return new(NameKey, profile.Name);
        yield return new(ZoneKey, profile.TimeZone);
        yield return new(CurrencyKey, profile.Currency);
        yield return new(CultureKey, profile.Culture);
        foreach (var day in profile.Hours)
        {
            yield return new(HoursPrefix + day.Weekday, day.Open
                ? $"{day.Opens.ToString("HH:mm", CultureInfo.InvariantCulture)}-{day.Closes.ToString("HH:mm", CultureInfo.InvariantCulture)}"
                : ClosedValue);
        }
    }

    private static OpeningHours? ParseHours(DayOfWeek day, string value)
    {
        if (value == ClosedValue)
        {
            return OpeningHours.Closed(day);
        }
        var parts = value.Split('-');
        return parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
            && opens < closes
                ? new OpeningHours(day, true, opens, closes)
                : null;
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
