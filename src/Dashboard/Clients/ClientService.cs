using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Domain.Clients;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Clients;

public sealed record RegisterClient(string Name, string? Phone, string? Email, string? Notes, Caller Caller)
{
    public Actor Actor => Caller.Actor;

    public DateOnly? DateOfBirth { get; init; }
    public bool MarketingConsent { get; init; }

    /// <summary>Create even though another client has this phone or email (the desk said "Create another anyway").</summary>
    public bool AllowDuplicate { get; init; }

    public ClientDetails Details => new(Name, Phone, Email, DateOfBirth, Notes, MarketingConsent);
}

/// <summary>Replaces every detail of a client; <see cref="Active"/> false deactivates, true reactivates.</summary>
public sealed record UpdateClient(Guid Id, ClientDetails Details, bool Active, Caller Caller)
{
    public Actor Actor => Caller.Actor;

    public bool AllowDuplicate { get; init; }
}

/// <summary>A client as lists and pickers show them.</summary>
public sealed record ClientView(Guid Id, string Name, string Phone, string Email, string Notes)
{
    public DateOnly? DateOfBirth { get; init; }
    public bool MarketingConsent { get; init; }
    public bool Active { get; init; } = true;
    public Guid? MergedIntoId { get; init; }
    public bool Erased { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One page of clients in name order: <see cref="Total"/> is how many match in all.</summary>
public sealed record ClientPage(IReadOnlyList<ClientView> Items, int Offset, int Limit, int Total);

/// <summary>
/// Another client already has this phone or email: the desk is shown who, and asked before a
/// second record of the same person is made.
/// </summary>
public sealed class DuplicateClientException(ClientView existing, string field)
    : Exception($"{existing.Name}{(field == "phone" ? $", {existing.Phone}," : $", {existing.Email},")} already has this {field}.")
{
    public ClientView Existing { get; } = existing;

    /// <summary>"phone" or "email".</summary>
    public string Field { get; } = field;
}

public sealed class ClientService(UnitOfWork unitOfWork, IDbContextFactory<DashboardDbContext> contexts, ILiveFeed feed, TimeProvider clock)
{
    public const int MaxQueryLength = 100;

    /// <summary>The largest page an integration may ask for (the drawer's search stays at 100).</summary>
    public const int MaxPageSize = 500;
    private const int ContainsScanCap = 200;

    /// <exception cref="DuplicateClientException">Another client has the phone or email, and <see cref="RegisterClient.AllowDuplicate"/> is false.</exception>
    public async Task<ClientView> RegisterAsync(RegisterClient command, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (client, _, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.RegisterClient, async db =>
        {
            var client = Client.Register(ClientId.New(), command.Details, now, command.Actor);
            if (!command.AllowDuplicate)
            {
                await EnsureNoDuplicateAsync(db, client, ct);
            }
            db.Clients.Add(client);
            return ToView(client);
        }, ct);
        if (!replayed)
        {
            feed.Publish([new ClientRegisteredLive(client.Id, client.Name, now, command.Actor.DisplayName)]);
        }
        return client;
    }

    /// <summary>Changes every detail at once; nothing changes unless all are valid (and not a duplicate, unless allowed).</summary>
    public async Task<ClientView> UpdateAsync(UpdateClient command, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (client, _, _) = await unitOfWork.RunAsync(command.Caller, Permissions.UpdateClient, async db =>
        {
            var client = await db.Clients.FindAsync([new ClientId(command.Id)], ct) ?? throw DomainException.NotFound("No client has that id.");
            var phoneBefore = client.PhoneDigits;
            var emailBefore = ClientMatch.EmailKey(client.Email);
            client.ChangeDetails(command.Details, now, command.Actor);
            if (command.Active)
            {
                client.Reactivate(now, command.Actor);
            }
            else
            {
                client.Deactivate(now, command.Actor);
            }
            // Only a phone or email that changed is checked: an old shared number does not block other edits.
            var phoneChanged = client.PhoneDigits != phoneBefore;
            var emailChanged = ClientMatch.EmailKey(client.Email) != emailBefore;
            if (!command.AllowDuplicate && (phoneChanged || emailChanged))
            {
                await EnsureNoDuplicateAsync(db, client, ct, phoneChanged, emailChanged);
            }
            return ToView(client);
        }, ct);
        return client;
    }

    /// <summary>The first other client (active ones first) with the same phone digits or email, if any.</summary>
    public async Task<(ClientView Client, string Field)?> FindDuplicateAsync(string? phone, string? email, Guid? except = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await FindDuplicateAsync(db, ClientMatch.PhoneKey(phone), ClientMatch.EmailKey(email), except is { } e ? new ClientId(e) : null, ct);
    }

    private static async Task EnsureNoDuplicateAsync(DashboardDbContext db, Client client, CancellationToken ct, bool phone = true, bool email = true)
    {
        var found = await FindDuplicateAsync(db, phone ? client.PhoneDigits : string.Empty, email ? ClientMatch.EmailKey(client.Email) : string.Empty, client.Id, ct);
        if (found is { } duplicate)
        {
            throw new DuplicateClientException(duplicate.Client, duplicate.Field);
        }
    }

    private static async Task<(ClientView Client, string Field)?> FindDuplicateAsync(DashboardDbContext db, string phoneDigits, string emailKey, ClientId? except, CancellationToken ct)
    {
        var others = db.Clients.AsNoTracking().Where(c => c.ErasedAt == null && c.MergedIntoId == null);
        if (except is { } id)
        {
            others = others.Where(c => c.Id != id);
        }
        if (phoneDigits.Length > 0
            && await others.Where(c => c.PhoneDigits == phoneDigits).OrderBy(c => c.DeactivatedAt != null).ThenBy(c => c.CreatedAt).FirstOrDefaultAsync(ct) is { } byPhone)
        {
            return (ToView(byPhone), "phone");
        }
        if (emailKey.Length > 0
            && await others.Where(c => c.Email.ToLower() == emailKey).OrderBy(c => c.DeactivatedAt != null).ThenBy(c => c.CreatedAt).FirstOrDefaultAsync(ct) is { } byEmail)
        {
            return (ToView(byEmail), "email");
        }
        return null;
    }

    /// <summary>
    /// Moves everything of a duplicate (appointments, package records with their history, sales,
    /// memberships held with their visits, product sales)
    /// to the client kept, in one transaction; the duplicate is deactivated and points to it.
    /// </summary>
    public async Task<ClientView> MergeAsync(Guid duplicateId, Guid intoClientId, Caller caller, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (kept, _, _) = await unitOfWork.RunAsync(caller, Permissions.MergeClients, async db =>
        {
            var duplicate = await db.Clients.FindAsync([new ClientId(duplicateId)], ct) ?? throw DomainException.NotFound("No client has that id.");
            if (intoClientId == duplicateId)
            {
                throw DomainException.Invalid("A client cannot be merged into themselves; choose the other record.", "intoClientId");
            }
            var kept = await db.Clients.FindAsync([new ClientId(intoClientId)], ct) ?? throw DomainException.NotFound("The client to merge into does not exist.");
            duplicate.MergeInto(kept, now, caller.Actor);
            var from = duplicate.Id;
            var into = kept.Id;
            // Set-based moves inside the same transaction: the rows keep their history, money and
            // versions move with them (the version is bumped so that an open drawer reloads).
            await db.Appointments.Where(a => a.ClientId == from)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.ClientId, into).SetProperty(a => a.Version, a => a.Version + 1), ct);
            await db.PackageRecords.Where(r => r.ClientId == from)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ClientId, into).SetProperty(r => r.Version, r => r.Version + 1), ct);
            await db.Invoices.Where(i => i.ClientId == from)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.ClientId, into), ct);
            // Memberships the duplicate holds, its product sales and the visits it made on them.
            Guid? fromGuid = from.Value;
            Guid? intoGuid = into.Value;
            await db.Memberships.Where(m => m.HolderClientId == fromGuid)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.HolderClientId, intoGuid), ct);
            await db.InventoryDocuments.Where(d => d.ClientId == fromGuid)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.ClientId, intoGuid), ct);
            await db.Database.ExecuteSqlAsync($"UPDATE InventoryLines SET HolderClientId = {intoGuid} WHERE HolderClientId = {fromGuid}", ct);
            await db.Database.ExecuteSqlAsync($"UPDATE MembershipVisits SET ClientId = {intoGuid} WHERE ClientId = {fromGuid}", ct);
            return ToView(kept);
        }, ct);
        return kept;
    }

    /// <summary>Anonymises the person; appointments, sales and package records stay, so every total is unchanged.</summary>
    public async Task<ClientView> EraseAsync(Guid id, Caller caller, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (client, _, _) = await unitOfWork.RunAsync(caller, Permissions.EraseClient, async db =>
        {
            var client = await db.Clients.FindAsync([new ClientId(id)], ct) ?? throw DomainException.NotFound("No client has that id.");
            client.Erase(now, caller.Actor);
            return ToView(client);
        }, ct);
        return client;
    }

    /// <summary>
    /// Finds clients whose name contains the words typed (in any order), whose phone contains
    /// the digits typed, or (when the text has an @) whose email contains it. An empty query
    /// lists the first clients by name.
    /// </summary>
    public async Task<IReadOnlyList<ClientView>> SearchAsync(string? query, int limit = 20, CancellationToken ct = default)
    {
        var text = (query ?? string.Empty).Trim();
        if (text.Length > MaxQueryLength)
        {
            throw DomainException.Invalid($"Search for at most {MaxQueryLength} characters.", "query");
        }
        limit = Math.Clamp(limit, 1, 100);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var clients = db.Clients.AsNoTracking().Where(c => c.DeactivatedAt == null);
        if (text.Contains('@'))
        {
            var email = text.ToLowerInvariant();
            var byEmail = await clients.Where(c => c.Email.ToLower().Contains(email)).OrderBy(c => c.SearchKey).Take(limit).ToListAsync(ct);
            return byEmail.Select(ToView).ToList();
        }
        var digits = Client.DigitsOf(text);
        var byPhone = digits.Length >= 3 && digits.Length * 2 >= text.Count(c => !char.IsWhiteSpace(c));
        var key = byPhone ? digits : Client.NormalizeName(text);

        // First what starts with the text: an index range, already in order, so it stays fast
        // however many clients there are.
        var upper = key + '\uffff';
        var found = byPhone
            ? await clients.Where(c => c.PhoneDigits.CompareTo(key) >= 0 && c.PhoneDigits.CompareTo(upper) < 0).OrderBy(c => c.PhoneDigits).Take(limit).ToListAsync(ct)
            : await clients.Where(c => c.SearchKey.CompareTo(key) >= 0 && c.SearchKey.CompareTo(upper) < 0).OrderBy(c => c.SearchKey).Take(limit).ToListAsync(ct);
        if (found.Count < limit && key.Length > 0)
        {
            // Then what contains it anywhere (a surname, the last digits of a phone): one scan,
            // capped, without asking SQLite to walk the whole index in name order.
            var contains = byPhone
                ? clients.Where(c => c.PhoneDigits.Contains(digits))
                : Client.NormalizeName(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Aggregate(clients, (q, word) => q.Where(c => c.SearchKey.Contains(word)));
            var more = await contains.Take(ContainsScanCap).ToListAsync(ct);
            found = found.Concat(more.Where(m => found.All(f => f.Id != m.Id)).OrderBy(c => c.SearchKey)).Take(limit).ToList();
        }
        return found.Select(ToView).ToList();
    }

    /// <summary>
    /// Every client, a page at a time, in name order (then id, so pages never overlap):
    /// optionally only those whose name contains every word of the query, or whose phone
    /// contains its digits.
    /// </summary>
    public async Task<ClientPage> PageAsync(string? query, int offset, int limit, CancellationToken ct = default) =>
        await PageAsync(query, offset, limit, false, ct);

    public async Task<ClientPage> PageAsync(string? query, int offset, int limit, bool includeInactive, CancellationToken ct = default)
    {
        var text = (query ?? string.Empty).Trim();
        if (text.Length > MaxQueryLength)
        {
            throw DomainException.Invalid($"Search for at most {MaxQueryLength} characters.", "query");
        }
        if (offset < 0)
        {
            throw Limits.OutOfRange("offset starts at 0.", "offset");
        }
        if (limit is < 1 or > MaxPageSize)
        {
            throw Limits.OutOfRange($"limit is from 1 to {MaxPageSize}.", "limit");
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var clients = includeInactive ? db.Clients.AsNoTracking() : db.Clients.AsNoTracking().Where(c => c.DeactivatedAt == null);
        if (text.Length > 0)
        {
            var digits = Client.DigitsOf(text);
            clients = digits.Length >= 3 && digits.Length * 2 >= text.Count(c => !char.IsWhiteSpace(c))
                ? clients.Where(c => c.PhoneDigits.Contains(digits))
                : Client.NormalizeName(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Aggregate(clients, (q, word) => q.Where(c => c.SearchKey.Contains(word)));
        }
        var total = await clients.CountAsync(ct);
        var page = await clients.OrderBy(c => c.SearchKey).ThenBy(c => c.Id).Skip(offset).Take(limit).ToListAsync(ct);
        return new ClientPage(page.Select(ToView).ToList(), offset, limit, total);
    }

    public async Task<ClientView?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = new ClientId(id);
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == key, ct);
        return client is null ? null : ToView(client);
    }

    internal static ClientView ToView(Client c) => new(c.Id.Value, c.Name, c.Phone, c.Email, c.Notes)
    {
        DateOfBirth = c.DateOfBirth,
        MarketingConsent = c.MarketingConsent,
        Active = c.IsActive,
        MergedIntoId = c.MergedIntoId?.Value,
        Erased = c.IsErased,
        CreatedAt = c.CreatedAt,
    };
}
