using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Quotes;

/// <summary>Reads for the quote screens and API: no write transaction, so they never hold up a desk.</summary>
public sealed class QuoteQueries(IDbContextFactory<DashboardDbContext> contexts, BusinessClock clock)
{
    public async Task<IReadOnlyList<SequenceView>> SequencesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var year = clock.Today.Year;
        var sequences = await db.NumberingSequences.AsNoTracking().ToListAsync(ct);
        return sequences.OrderBy(s => s.Kind).Select(s => SequenceView.From(s, year)).ToList();
    }

    public async Task<IReadOnlyList<QuoteTemplateView>> TemplatesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var templates = await db.QuoteTemplates.AsNoTracking().ToListAsync(ct);
        var used = (await db.Quotes.AsNoTracking().Where(q => q.TemplateId != null).Select(q => q.TemplateId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        return templates.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).Select(t => QuoteTemplateView.From(t, used.Contains(t.Id))).ToList();
    }

    public async Task<QuoteView?> QuoteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var quote = await db.Quotes.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct);
        return quote is null ? null : await QuoteService.ViewAsync(db, quote, clock.Today, ct);
    }

    /// <summary>A client's quotes, newest first.</summary>
    public async Task<IReadOnlyList<QuoteView>> ClientQuotesAsync(Guid clientId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var quotes = await db.Quotes.AsNoTracking().Where(q => q.ClientId == new ClientId(clientId)).ToListAsync(ct);
        var ids = quotes.Where(q => q.ConsultantId is not null).Select(q => q.ConsultantId!.Value).Distinct().ToList();
        var names = await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var today = clock.Today;
        return quotes.OrderByDescending(q => q.CreatedAt)
            .Select(q => QuoteView.From(q, q.ConsultantId is { } c ? names.GetValueOrDefault(c) : null, today))
            .ToList();
    }

    /// <summary>A client's prepaid service credits: available ones first, then used, newest first within each.</summary>
    public async Task<IReadOnlyList<CreditView>> ClientCreditsAsync(Guid clientId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var credits = await db.ServiceCredits.AsNoTracking().Where(c => c.ClientId == new ClientId(clientId)).ToListAsync(ct);
        return credits.OrderBy(c => c.Status).ThenByDescending(c => c.PurchasedAt).Select(CreditView.From).ToList();
    }
}

public static class CreditQueries
{
    /// <summary>The client's oldest available credit for the service, the one a check-out uses.</summary>
    public static async Task<ServiceCredit?> FirstAvailableAsync(DashboardDbContext db, ClientId client, ServiceId service, bool tracked, CancellationToken ct)
    {
        var query = db.ServiceCredits.Where(c => c.ClientId == client && c.ServiceId == service && c.Status == CreditStatus.Available);
        if (!tracked)
        {
            query = query.AsNoTracking();
        }
        var credits = await query.ToListAsync(ct);
        return credits.OrderBy(c => c.PurchasedAt).ThenBy(c => c.Id).FirstOrDefault();
    }
}
