using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Clients;

public sealed record RegisterClient(string Name, string? Phone, string? Email, string? Notes, Actor Actor);

/// <summary>A client as lists and pickers show them.</summary>
public sealed record ClientView(Guid Id, string Name, string Phone, string Email, string Notes);

/// <summary>One page of clients in name order: <see cref="Total"/> is how many match in all.</summary>
public sealed record ClientPage(IReadOnlyList<ClientView> Items, int Offset, int Limit, int Total);

public sealed class ClientService(UnitOfWork unitOfWork, IDbContextFactory<DashboardDbContext> contexts, ILiveFeed feed, TimeProvider clock)
{
    public const int MaxQueryLength = 100;

    /// <summary>The largest page an integration may ask for (the drawer's search stays at 100).</summary>
    public const int MaxPageSize = 500;
    private const int ContainsScanCap = 200;

    public async Task<ClientView> RegisterAsync(RegisterClient command, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (client, _) = await unitOfWork.RunAsync(db =>
        {
            var client = Client.Register(ClientId.New(), command.Name, command.Phone, command.Email, command.Notes, now, command.Actor);
            db.Clients.Add(client);
            return Task.FromResult(client);
        }, ct);
        feed.Publish([new ClientRegisteredLive(client.Id.Value, client.Name, now, command.Actor.DisplayName)]);
        return ToView(client);
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
        var clients = db.Clients.AsNoTracking();
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
    public async Task<ClientPage> PageAsync(string? query, int offset, int limit, CancellationToken ct = default)
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
        var clients = db.Clients.AsNoTracking();
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

    private static ClientView ToView(Client c) => new(c.Id.Value, c.Name, c.Phone, c.Email, c.Notes);
}
