using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Security;

/// <summary>Section "Api": keys given by configuration (a list of secrets; each has Manager rights).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    public List<string> Keys { get; set; } = [];
}

/// <summary>A key as the list shows it (never its secret).</summary>
public sealed record ApiKeyView(Guid Id, string Name, StaffRole? Role, bool OnlineChannel, string Hint, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy, DateTimeOffset? LastUsedAt)
{
    public bool Revoked => RevokedAt is not null;

    /// <summary>"Online booking" or the role's name.</summary>
    public string Acts => OnlineChannel ? "Online booking" : Role?.ToString() ?? string.Empty;

    internal static ApiKeyView From(ApiKey k) => new(k.Id, k.Name, k.Role, k.OnlineChannel, k.Hint, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.RevokedBy, k.LastUsedAt);
}

/// <summary>A new key: its view, and the secret, shown this once.</summary>
public sealed record CreatedApiKey(ApiKeyView Key, string Secret);

/// <summary>Make a key with a staff role (not Owner), or for the online booking channel (Role null, <see cref="OnlineChannel"/> true).</summary>
public sealed record CreateApiKey(string? Name, StaffRole? Role, bool OnlineChannel, Caller Caller);

/// <summary>
/// API keys: made and revoked by managers (the secret is returned once, only its hash is kept),
/// and checked for every API request (see <see cref="ApiKeyAuthentication"/>).
/// </summary>
public sealed class ApiKeyService(UnitOfWork unitOfWork, IDbContextFactory<DashboardDbContext> contexts, IOptionsMonitor<ApiOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, Permissions.ListApiKeys);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(ct);
        return keys.OrderBy(k => k.Revoked).ThenByDescending(k => k.CreatedAt).Select(ApiKeyView.From).ToList();
    }

    public async Task<CreatedApiKey> CreateAsync(CreateApiKey command, CancellationToken ct = default)
    {
        Permissions.Ensure(command.Caller, Permissions.CreateApiKey);
        var name = (command.Name ?? string.Empty).Trim();
        if (name.Length is 0 or > ApiKey.NameLength)
        {
            throw DomainException.Invalid($"Give the key a name of 1 to {ApiKey.NameLength} characters (e.g. \"Booking widget\").", "name");
        }
        if (command.OnlineChannel == (command.Role is not null))
        {
            throw DomainException.Invalid("A key acts either with a staff role or as the online booking channel: choose one.", "role");
        }
        if (command.Role is { } role && (!Enum.IsDefined(role) || role == StaffRole.Owner))
        {
            throw DomainException.Invalid("A key's role is Manager, Receptionist or Display.", "role");
        }
        var secret = ApiKey.NewSecret();
        var now = clock.GetUtcNow();
        var (view, _, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.CreateApiKey, async db =>
        {
            // Read in the command's (immediate) transaction, so two desks cannot both take the name.
            var lowered = name.ToLowerInvariant();
            if (await db.ApiKeys.AnyAsync(k => k.RevokedAt == null && k.Name.ToLower() == lowered, ct))
            {
                throw DomainException.Invalid($"An active key is already called \"{name}\". Choose another name, or revoke that key first.", "name");
            }
            var key = new ApiKey
            {
                Id = Guid.CreateVersion7(),
                Name = name,
                Role = command.Role,
                OnlineChannel = command.OnlineChannel,
                Hint = ApiKey.HintOf(secret),
                SecretHash = ApiKey.Hash(secret),
                CreatedAt = now,
                CreatedBy = command.Caller.Actor.DisplayName,
            };
            db.ApiKeys.Add(key);
            return ApiKeyView.From(key);
        }, ct);
        if (replayed)
        {
            // The secret is shown once and never stored, so a retry cannot be given it again.
            throw DomainException.Conflict($"That request already created the API key {view.Name} (id {view.Id}); its secret was shown only once. If it was lost, revoke that key and create a new one.");
        }
        return new CreatedApiKey(view, secret);
    }

    /// <summary>Revokes a key for good: from now on it is refused (401).</summary>
    public async Task<ApiKeyView> RevokeAsync(Guid id, Caller caller, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (view, _, _) = await unitOfWork.RunAsync(caller, Permissions.RevokeApiKey, async db =>
        {
            var key = await db.ApiKeys.FindAsync([id], ct) ?? throw DomainException.NotFound("No API key has that id.");
            if (key.Revoked)
            {
                throw DomainException.Conflict($"The key {key.Name} is already revoked.");
            }
            key.RevokedAt = now;
            key.RevokedBy = caller.Actor.DisplayName;
            return ApiKeyView.From(key);
        }, ct);
        return view;
    }

    /// <summary>The caller a presented secret stands for, or null when no valid key has it.</summary>
    public async Task<Caller?> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        var configured = options.CurrentValue.Keys;
        var hash = ApiKey.Hash(secret);
        for (var i = 0; i < configured.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(configured[i]) && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(hash, ApiKey.Hash(configured[i].Trim())))
            {
                return Caller.ApiKey($"config:{i + 1}", $"from configuration #{i + 1}", StaffRole.Manager, onlineChannel: false);
            }
        }
        if (!secret.StartsWith(ApiKey.SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }
        var hint = ApiKey.HintOf(secret);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var candidates = await db.ApiKeys.AsNoTracking().Where(k => k.Hint == hint && k.RevokedAt == null).ToListAsync(ct);
        if (candidates.FirstOrDefault(k => k.Matches(secret)) is not { } key)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (key.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedAt, now), ct);
        }
        return Caller.ApiKey(key.Id.ToString(), key.Name, key.Role, key.OnlineChannel);
    }
}
