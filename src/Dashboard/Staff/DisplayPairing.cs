using System.Security.Cryptography;
using System.Text;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using Microsoft.AspNetCore.Identity;

namespace FrontDesk.Dashboard.Staff;

/// <summary>A pairing code as the manager sees it once: the code itself, the display it names and when it stops working.</summary>
public sealed record PairingCode(string Code, string DeviceName, DateTimeOffset ExpiresAt);

/// <summary>What typing a code at /pair gave: the new device account, or why not.</summary>
public sealed record PairingResult(string? AccountId, string? Refusal)
{
    public bool Succeeded => AccountId is not null;
}

/// <summary>
/// Pairing a wall display: a manager makes a short code (8 characters, valid 10 minutes, good
/// for one use); the wall device types it at /pair and becomes a named account with the Display
/// role, listed on the staff screen and revoked by disabling it. Only the SHA-256 of a code is
/// kept (in memory: a code lives minutes, and a restart simply voids the open ones). Wrong codes
/// count against a limit for the whole app (besides the per-address rate limit on the form), so
/// the 32⁸ codes cannot be walked through.
/// </summary>
public sealed class DisplayPairing(TimeProvider time, IServiceScopeFactory scopes)
{
    public const int CodeLength = 8;

    /// <summary>Wrong codes the whole app accepts per minute before it refuses every attempt for the rest of that minute.</summary>
    public const int MaxFailuresPerMinute = 20;

    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(10);

    /// <summary>No 0/O, 1/I: a code is read off one screen and typed on another.</summary>
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _failures = new();

    /// <summary>What is stored: the codes' hashes, never a code (for inspection and tests).</summary>
    public IReadOnlyList<string> StoredKeys
    {
        get
        {
            lock (_gate)
            {
                return _pending.Keys.ToList();
            }
        }
    }

    /// <summary>Makes a code; called by <see cref="StaffAdministration.CreatePairingCodeAsync"/>, which checks who asks.</summary>
    internal PairingCode Create(string deviceName, Security.Caller by)
    {
        var now = time.GetUtcNow();
        var code = RandomNumberGenerator.GetString(Alphabet, CodeLength);
        var expires = now + Validity;
        lock (_gate)
        {
            foreach (var stale in _pending.Where(p => p.Value.ExpiresAt <= now).Select(p => p.Key).ToList())
            {
                _pending.Remove(stale);
            }
            _pending[Hash(code)] = new Pending(deviceName, by.Actor.Id, expires);
        }
        return new PairingCode(code, deviceName, expires);
    }

    /// <summary>Uses a code once: creates the display's account (role Display, no password) and returns its id.</summary>
    public async Task<PairingResult> RedeemAsync(string? code, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var normalized = Normalize(code);
        Pending? pending;
        lock (_gate)
        {
            while (_failures.Count > 0 && now - _failures.Peek() >= TimeSpan.FromMinutes(1))
            {
                _failures.Dequeue();
            }
            if (_failures.Count >= MaxFailuresPerMinute)
            {
                return new PairingResult(null, "Too many wrong codes were typed. Wait a minute, then try again.");
            }
            if (normalized.Length != CodeLength || !_pending.Remove(Hash(normalized), out pending) || pending.ExpiresAt <= now)
            {
                _failures.Enqueue(now);
                return new PairingResult(null, "That code is not right, was used already or has expired (codes work for 10 minutes). Ask a manager for a new one.");
            }
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var key = Guid.NewGuid().ToString("N");
        var device = new StaffUser
        {
            UserName = $"display-{key}",
            Email = $"display-{key}@devices.frontdesk.invalid",
            EmailConfirmed = true,
            DisplayName = pending.DeviceName,
            Role = StaffRole.Display,
            LastSignInAt = now,
        };
        var result = await users.CreateAsync(device);
        if (!result.Succeeded)
        {
            throw DomainException.Invalid(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        return new PairingResult(device.Id, null);
    }

    /// <summary>Upper case, without the spaces and dashes people type between groups.</summary>
    public static string Normalize(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    public static string Hash(string normalizedCode) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedCode)));

    private sealed record Pending(string DeviceName, string CreatedBy, DateTimeOffset ExpiresAt);
}
