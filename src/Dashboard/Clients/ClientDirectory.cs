using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Clients;

/// <summary>A column of the client list that can be sorted and filtered.</summary>
public enum ClientColumn
{
    Name,
    Phone,
    Email,
    Since,
}

/// <summary>How a column filter compares text (case does not matter).</summary>
public enum TextMatch
{
    Contains,
    NotContains,
    Equals,
    NotEquals,
    StartsWith,
    EndsWith,
    IsEmpty,
    IsNotEmpty,
}

public sealed record ClientFilter(ClientColumn Column, TextMatch Match, string? Value);

/// <summary>One page of the client list: what to skip and take, a free search, column filters and one sort.</summary>
public sealed record ClientListQuery(
    int Skip,
    int Take,
    string? Search = null,
    IReadOnlyList<ClientFilter>? Filters = null,
    ClientColumn SortBy = ClientColumn.Name,
    bool Descending = false,
    bool IncludeInactive = false);

/// <summary>A client as the list shows them.</summary>
public sealed record ClientRow(Guid Id, string Name, string Phone, string Email, DateTimeOffset Since)
{
    public bool Active { get; init; } = true;

    /// <summary>The start of the latest appointment that took place (checked in or completed).</summary>
    public DateTimeOffset? LastVisit { get; init; }

    /// <summary>The start of the next booked appointment.</summary>
    public DateTimeOffset? NextVisit { get; init; }

    /// <summary>What the client's open invoices still ask for.</summary>
    public decimal Owed { get; init; }
}

public sealed record ClientListPage(IReadOnlyList<ClientRow> Items, int Total);

/// <summary>
/// The client list, paged, sorted and filtered in the database, so that a business with tens of
/// thousands of clients sends one page to the screen, never the whole list.
/// </summary>
public sealed class ClientDirectory(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public async Task<ClientListPage> PageAsync(ClientListQuery query, CancellationToken ct = default)
    {
        if (query.Skip < 0)
        {
            throw DomainException.Invalid("A page cannot start before the first client.", "skip");
        }
        var search = (query.Search ?? string.Empty).Trim();
        if (search.Length > ClientService.MaxQueryLength)
        {
            throw DomainException.Invalid($"Search for at most {ClientService.MaxQueryLength} characters.", "search");
        }
        foreach (var filter in query.Filters ?? [])
        {
            if (filter.Value?.Length > ClientService.MaxQueryLength)
            {
                throw DomainException.Invalid($"Filter on at most {ClientService.MaxQueryLength} characters.", "filter");
            }
        }
        var take = Math.Clamp(query.Take, 1, MaxPageSize);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var all = query.IncludeInactive ? db.Clients.AsNoTracking() : db.Clients.AsNoTracking().Where(c => c.DeactivatedAt == null);
        var clients = Search(all, search);
        clients = (query.Filters ?? []).Aggregate(clients, Filter);
        var total = await clients.CountAsync(ct);
        var page = await Sort(clients, query.SortBy, query.Descending)
            .Skip(query.Skip)
            .Take(take)
            .Select(c => new ClientRow(c.Id.Value, c.Name, c.Phone, c.Email, c.CreatedAt) { Active = c.DeactivatedAt == null })
            .ToListAsync(ct);
        return new ClientListPage(await WithVisitsAsync(db, page, ct), total);
    }

    /// <summary>Last and next visit and what is owed, for the clients of one page only (indexed by client).</summary>
    private async Task<IReadOnlyList<ClientRow>> WithVisitsAsync(DashboardDbContext db, List<ClientRow> page, CancellationToken ct)
    {
        if (page.Count == 0)
        {
            return page;
        }
        var ids = page.Select(r => new ClientId(r.Id)).ToList();
        var now = clock.GetUtcNow();
        var last = await db.Appointments.AsNoTracking()
            .Where(a => ids.Contains(a.ClientId) && a.Start <= now && (a.Status == AppointmentStatus.Completed || a.Status == AppointmentStatus.CheckedIn))
            .GroupBy(a => a.ClientId).Select(g => new { g.Key, At = g.Max(a => a.Start) }).ToListAsync(ct);
        var next = await db.Appointments.AsNoTracking()
            .Where(a => ids.Contains(a.ClientId) && a.Start >= now && a.Status == AppointmentStatus.Booked)
            .GroupBy(a => a.ClientId).Select(g => new { g.Key, At = g.Min(a => a.Start) }).ToListAsync(ct);
        var nullableIds = ids.Select(i => (ClientId?)i).ToList();
        var open = await db.Invoices.AsNoTracking().Where(i => nullableIds.Contains(i.ClientId) && i.Status == InvoiceStatus.Open).ToListAsync(ct);
        var lastBy = last.ToDictionary(x => x.Key.Value, x => x.At);
        var nextBy = next.ToDictionary(x => x.Key.Value, x => x.At);
        var owedBy = open.GroupBy(i => i.ClientId!.Value.Value).ToDictionary(g => g.Key, g => g.Sum(i => ClientFileQueries.ToSale(i).Owed));
        return page.Select(r => r with
        {
            LastVisit = lastBy.TryGetValue(r.Id, out var l) ? l : null,
            NextVisit = nextBy.TryGetValue(r.Id, out var n) ? n : null,
            Owed = owedBy.GetValueOrDefault(r.Id),
        }).ToList();
    }

    /// <summary>Digits find phones; words find names containing all of them, or an email containing the text.</summary>
    private static IQueryable<Client> Search(IQueryable<Client> clients, string search)
    {
        if (search.Length == 0)
        {
            return clients;
        }
        var digits = Client.DigitsOf(search);
        if (digits.Length >= 3 && digits.Length * 2 >= search.Count(c => !char.IsWhiteSpace(c)))
        {
            return clients.Where(c => c.PhoneDigits.Contains(digits));
        }
        var words = Client.NormalizeName(search).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1)
        {
            var word = words[0];
            return clients.Where(c => c.SearchKey.Contains(word) || c.Email.ToLower().Contains(word));
        }
        // Several words: a name holding all of them, in any order (an email has no spaces).
        return words.Aggregate(clients, (q, w) => q.Where(c => c.SearchKey.Contains(w)));
    }

    private static IQueryable<Client> Filter(IQueryable<Client> clients, ClientFilter filter)
    {
        var value = (filter.Value ?? string.Empty).Trim().ToLowerInvariant();
        if (value.Length == 0 && filter.Match is not (TextMatch.IsEmpty or TextMatch.IsNotEmpty))
        {
            return clients; // a filter still being typed restricts nothing
        }
        switch (filter.Column)
        {
            case ClientColumn.Name:
                return filter.Match switch
                {
                    TextMatch.Contains => clients.Where(c => c.SearchKey.Contains(value)),
                    TextMatch.NotContains => clients.Where(c => !c.SearchKey.Contains(value)),
                    TextMatch.Equals => clients.Where(c => c.SearchKey == value),
                    TextMatch.NotEquals => clients.Where(c => c.SearchKey != value),
                    TextMatch.StartsWith => clients.Where(c => c.SearchKey.StartsWith(value)),
                    TextMatch.EndsWith => clients.Where(c => c.SearchKey.EndsWith(value)),
                    _ => clients, // a client always has a name
                };
            case ClientColumn.Phone:
                // Phones are compared by their digits, however they were typed.
                var digits = Client.DigitsOf(value);
                return filter.Match switch
                {
                    TextMatch.IsEmpty => clients.Where(c => c.PhoneDigits == string.Empty),
                    TextMatch.IsNotEmpty => clients.Where(c => c.PhoneDigits != string.Empty),
                    _ when digits.Length == 0 => clients.Where(c => false),
                    TextMatch.Contains => clients.Where(c => c.PhoneDigits.Contains(digits)),
                    TextMatch.NotContains => clients.Where(c => !c.PhoneDigits.Contains(digits)),
                    TextMatch.Equals => clients.Where(c => c.PhoneDigits == digits),
                    TextMatch.NotEquals => clients.Where(c => c.PhoneDigits != digits),
                    TextMatch.StartsWith => clients.Where(c => c.PhoneDigits.StartsWith(digits)),
                    _ => clients.Where(c => c.PhoneDigits.EndsWith(digits)),
                };
            case ClientColumn.Email:
                return filter.Match switch
                {
                    TextMatch.IsEmpty => clients.Where(c => c.Email == string.Empty),
                    TextMatch.IsNotEmpty => clients.Where(c => c.Email != string.Empty),
                    TextMatch.Contains => clients.Where(c => c.Email.ToLower().Contains(value)),
                    TextMatch.NotContains => clients.Where(c => !c.Email.ToLower().Contains(value)),
                    TextMatch.Equals => clients.Where(c => c.Email.ToLower() == value),
                    TextMatch.NotEquals => clients.Where(c => c.Email.ToLower() != value),
                    TextMatch.StartsWith => clients.Where(c => c.Email.ToLower().StartsWith(value)),
                    _ => clients.Where(c => c.Email.ToLower().EndsWith(value)),
                };
            default:
                return clients;
        }
    }

    private static IQueryable<Client> Sort(IQueryable<Client> clients, ClientColumn column, bool descending) => (column, descending) switch
    {
        (ClientColumn.Phone, false) => clients.OrderBy(c => c.PhoneDigits).ThenBy(c => c.SearchKey).ThenBy(c => c.Id),
        (ClientColumn.Phone, true) => clients.OrderByDescending(c => c.PhoneDigits).ThenBy(c => c.SearchKey).ThenBy(c => c.Id),
        (ClientColumn.Email, false) => clients.OrderBy(c => c.Email).ThenBy(c => c.SearchKey).ThenBy(c => c.Id),
        (ClientColumn.Email, true) => clients.OrderByDescending(c => c.Email).ThenBy(c => c.SearchKey).ThenBy(c => c.Id),
        (ClientColumn.Since, false) => clients.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
        (ClientColumn.Since, true) => clients.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id),
        (_, false) => clients.OrderBy(c => c.SearchKey).ThenBy(c => c.Id),
        _ => clients.OrderByDescending(c => c.SearchKey).ThenBy(c => c.Id),
    };
}
