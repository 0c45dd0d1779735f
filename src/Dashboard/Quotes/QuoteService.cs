using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Quotes;
using FrontDesk.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Quotes;

/// <summary>
/// Numbering sequences, quote templates, quotes and the sale of prepaid service credits (from a
/// quote or as single services). Every command runs in one unit of work; sales are announced
/// on the live feed after the commit.
/// </summary>
public sealed class QuoteService(UnitOfWork unitOfWork, ILiveFeed feed, BusinessClock clock)
{
    /// <summary>How many taken numbers an "Auto" quote skips at most (numbers typed by hand that the sequence reaches).</summary>
    private const int MaxSkips = 1000;

    /// <summary>Creates the sequence of a kind, or sets it when the kind already has one (one per kind).</summary>
    public async Task<SequenceView> CreateSequenceAsync(SaveSequence command, CancellationToken ct = default)
    {
        var year = clock.Today.Year;
        var (view, _, _) = await unitOfWork.RunAsync(command.Caller, Permissions.SaveNumbering, async db =>
        {
            // One sequence per kind: posting a kind that has one sets that one.
            if (await db.NumberingSequences.SingleOrDefaultAsync(s => s.Kind == command.Kind, ct) is { } existing)
            {
                existing.Change(command.Prefix, command.NextNumber, command.YearlyReset, year);
                return SequenceView.From(existing, year);
            }
            var sequence = NumberingSequence.Create(Guid.CreateVersion7(), command.Kind, command.Prefix, command.NextNumber, command.YearlyReset, year);
            db.NumberingSequences.Add(sequence);
            return SequenceView.From(sequence, year);
        }, ct);
        return view;
    }

    public async Task<SequenceView> ChangeSequenceAsync(Guid id, SaveSequence command, CancellationToken ct = default)
    {
        var year = clock.Today.Year;
        var (view, _, _) = await unitOfWork.RunAsync(command.Caller, Permissions.SaveNumbering, async db =>
        {
            var sequence = await db.NumberingSequences.FindAsync([id], ct) ?? throw DomainException.NotFound("That numbering sequence does not exist.");
            if (sequence.Kind != command.Kind)
            {
                throw DomainException.Invalid("A sequence keeps its kind.", "kind");
            }
            sequence.Change(command.Prefix, command.NextNumber, command.YearlyReset, year);
            return SequenceView.From(sequence, year);
        }, ct);
        return view;
    }

    /// <summary>
    /// Takes the next number of a kind inside the caller's transaction (never twice: the row is
    /// read and written in one write transaction). Used by quotes now, invoices and receipts later.
    /// </summary>
    internal static async Task<string> TakeNumberAsync(DashboardDbContext db, SequenceKind kind, int localYear, Func<string, Task<bool>> taken, CancellationToken ct)
    {
        var sequence = await db.NumberingSequences.SingleOrDefaultAsync(s => s.Kind == kind, ct)
            ?? throw DomainException.Rule($"There is no {kind.ToString().ToLowerInvariant()} numbering yet; a manager sets one up in Settings > Numbering, or type a number.", "autoNumber");
        for (var i = 0; i < MaxSkips; i++)
        {
            var number = sequence.Take(localYear);
            if (!await taken(number))
            {
                return number;
            }
        }
        throw DomainException.Rule($"The next {MaxSkips} {kind.ToString().ToLowerInvariant()} numbers are all taken; a manager can move the numbering on in Settings.", "autoNumber");
    }

    public async Task<QuoteTemplateView> CreateTemplateAsync(SaveQuoteTemplate command, CancellationToken ct = default)
    {
        var (view, _, _) = await unitOfWork.RunAsync(command.Caller, Permissions.SaveQuoteTemplate, async db =>
        {
            var items = await PrescribedAsync(db, command.Items, ct);
            var template = QuoteTemplate.Create(Guid.CreateVersion7(), command.Name, items, command.ValidityDays);
            db.QuoteTemplates.Add(template);
            return QuoteTemplateView.From(template, used: false);
        }, ct);
        return view;
    }

    public async Task<QuoteTemplateView> EditTemplateAsync(Guid id, SaveQuoteTemplate command, CancellationToken ct = default)
    {
        var (view, _, _) = await unitOfWork.RunAsync(command.Caller, Permissions.SaveQuoteTemplate, async db =>
        {
            var template = await FindTemplateAsync(db, id, ct);
            var items = await PrescribedAsync(db, command.Items, ct);
            template.Edit(command.Name, items, command.ValidityDays);
            return QuoteTemplateView.From(template, await db.Quotes.AnyAsync(q => q.TemplateId == id, ct));
        }, ct);
        return view;
    }

    public async Task<QuoteTemplateView> SetTemplateActiveAsync(Guid id, bool active, Caller caller, CancellationToken ct = default)
    {
        var (view, _, _) = await unitOfWork.RunAsync(caller, Permissions.SaveQuoteTemplate, async db =>
        {
            var template = await FindTemplateAsync(db, id, ct);
            template.SetActive(active);
            return QuoteTemplateView.From(template, await db.Quotes.AnyAsync(q => q.TemplateId == id, ct));
        }, ct);
        return view;
    }

    /// <summary>Deletes a template no quote used; a used one is made inactive instead.</summary>
    public async Task DeleteTemplateAsync(Guid id, Caller caller, CancellationToken ct = default)
    {
        await unitOfWork.RunAsync(caller, Permissions.SaveQuoteTemplate, async db =>
        {
            var template = await FindTemplateAsync(db, id, ct);
            if (await db.Quotes.AnyAsync(q => q.TemplateId == id, ct))
            {
                throw DomainException.Conflict($"{template.Name} is used by quotes, so it cannot be deleted; make it inactive instead.");
            }
            db.QuoteTemplates.Remove(template);
            return true;
        }, ct);
    }

    public async Task<QuoteView> CreateQuoteAsync(CreateQuote command, CancellationToken ct = default)
    {
        Permissions.Ensure(command.Caller, Permissions.CreateQuote);
        var now = clock.UtcNow;
        var today = clock.Today;
        if (command.AutoNumber && !string.IsNullOrWhiteSpace(command.Number))
        {
            throw DomainException.Invalid("Type a number or choose Auto, not both.", "number");
        }
        var number = command.AutoNumber ? null : string.IsNullOrWhiteSpace(command.Number) ? null : Text.Required(command.Number, "number", "Number", 40);
        if (command.Start is { } s)
        {
            Limits.EnsureDate(s, now, "start", "The start date");
        }
        if (command.Expiry is { } e)
        {
            Limits.EnsureDate(e, now, "expiry", "The expiry date");
        }
        var (view, _, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.CreateQuote, async db =>
        {
            var client = await db.Clients.FindAsync([new ClientId(command.ClientId)], ct) ?? throw DomainException.NotFound("That client does not exist.");
            client.EnsureCanBeServed();
            var template = await FindTemplateAsync(db, command.TemplateId, ct);
            string? consultantName = null;
            if (command.ConsultantId is { } consultantId)
            {
                var consultant = await db.Providers.FindAsync([new ProviderId(consultantId)], ct) ?? throw DomainException.NotFound("That consultant does not exist.");
                consultantName = consultant.Name;
            }
            var start = command.Start ?? today;
            var expiry = command.Expiry ?? start.AddDays(template.ValidityDays);
            if (number is not null && await NumberUsedAsync(db, number, ct))
            {
                throw DomainException.Conflict($"Quote number {number} is already used; type another or choose Auto.");
            }
            var items = await NamedAsync(db, template.Items, ct);
            // Everything else is checked before a number is taken, so a refused quote uses none.
            var quote = Quote.Create(Guid.CreateVersion7(), client.Id, template, command.Description, number, start, expiry,
                command.ConsultantId is { } c ? new ProviderId(c) : null, items, clock.Business.Currency, now);
            if (command.AutoNumber)
            {
                var auto = await TakeNumberAsync(db, SequenceKind.Quote, today.Year, n => NumberUsedAsync(db, n, ct), ct);
                quote = Quote.Create(quote.Id, client.Id, template, command.Description, auto, start, expiry, quote.ConsultantId, items, clock.Business.Currency, now);
            }
            db.Quotes.Add(quote);
            return QuoteView.From(quote, consultantName, today);
        }, ct);
        Announce(replayed, view, now, command.Caller.Actor);
        return view;
    }

    /// <summary>
    /// True when a quote already has this number, compared without case ("Q-1" and "q-1" are the
    /// same number to the people reading them). The check runs inside the command's transaction,
    /// which SQLite serializes; the unique index on Number still stops an exact duplicate.
    /// </summary>
    private static Task<bool> NumberUsedAsync(DashboardDbContext db, string number, CancellationToken ct)
    {
        var upper = number.ToUpperInvariant();
        return db.Quotes.AnyAsync(q => q.Number != null && q.Number.ToUpper() == upper, ct);
    }

    /// <summary>Replaces a draft's prescribed items.</summary>
    public Task<QuoteView> ReplaceItemsAsync(Guid quoteId, IReadOnlyList<QuoteItemInput> items, Caller caller, CancellationToken ct = default) =>
        ChangeAsync(quoteId, caller, Permissions.EditQuote, async (db, quote) =>
        {
            Limits.EnsureCount(items, Limits.MaxListItems, "items", "Prescribed items");
            var ids = items.Select(i => new ServiceId(i.ServiceId)).Distinct().ToList();
            var services = await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
            if (services.Count != ids.Count)
            {
                throw DomainException.NotFound("A service in these items does not exist.");
            }
            var known = quote.Items.Select(i => i.ServiceId).ToHashSet();
            await Catalog.CatalogService.EnsureActiveAsync(db, ids.Where(i => !known.Contains(i)), "prescribed", ct);
            quote.ReplaceItems(items
                .Select(i => (new PrescribedItem(new ServiceId(i.ServiceId), i.Quantity, i.Price ?? services[new ServiceId(i.ServiceId)].Price.Amount), services[new ServiceId(i.ServiceId)].Name))
                .ToList());
        }, ct);

    public Task<QuoteView> ConfirmAsync(Guid quoteId, Caller caller, CancellationToken ct = default) =>
        ChangeAsync(quoteId, caller, Permissions.ConfirmQuote, (_, quote) =>
        {
            quote.Confirm(clock.UtcNow);
            return Task.CompletedTask;
        }, ct);

    public Task<QuoteView> CloseAsync(Guid quoteId, Caller caller, CancellationToken ct = default) =>
        ChangeAsync(quoteId, caller, Permissions.EndQuote, (_, quote) =>
        {
            quote.Close();
            return Task.CompletedTask;
        }, ct);

    public Task<QuoteView> CancelAsync(Guid quoteId, Caller caller, CancellationToken ct = default) =>
        ChangeAsync(quoteId, caller, Permissions.EndQuote, (_, quote) =>
        {
            quote.Cancel();
            return Task.CompletedTask;
        }, ct);

    /// <summary>Sells items of a confirmed, unexpired quote: one invoice, paid in full, and one credit per unit sold.</summary>
    public async Task<CreditSaleView> SellFromQuoteAsync(SellFromQuote command, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var today = clock.Today;
        var (sale, _, replayed) = await unitOfWork.RunAsync(command.Caller, command.IdempotencyKey, Permissions.SellFromQuote, async db =>
        {
            var quote = await FindQuoteAsync(db, command.QuoteId, ct);
            var client = await db.Clients.FindAsync([quote.ClientId], ct) ?? throw DomainException.NotFound("That client does not exist.");
            client.EnsureCanBeServed();
            var lines = quote.Sell(command.Items.Select(i => (i.ItemId, i.Quantity)).ToList(), today);
            var what = quote.Number is { } n ? $"quote {n}" : quote.Description;
            var invoice = Invoice.ForCredits(InvoiceId.New(), quote.ClientId, quote.Currency,
                lines.Select(l => ($"{l.ServiceName} ({what})", l.ServiceId, l.Quantity, l.Price)).ToList(), InvoiceLineKind.QuoteItem, now);
            invoice.Settle(command.Payments.Select(p => (p.Method, p.Amount)).ToList(), now, command.Caller.Actor);
            invoice.AssignNumber(await Sales.SaleService.TakeNumberAsync(db, clock, ct));
            db.Invoices.Add(invoice);
            var credits = lines
                .SelectMany(l => Enumerable.Range(0, l.Quantity).Select(_ => ServiceCredit.Sold(Guid.CreateVersion7(), quote.ClientId, l.ServiceId, l.ServiceName, new Money(l.Price, quote.Currency), CreditSource.Quote, quote.Id, invoice.Id, now)))
                .ToList();
            db.ServiceCredits.AddRange(credits);
            return new CreditSaleView(invoice.Id.Value, invoice.Total.Amount, invoice.Currency, credits.Select(CreditView.From).ToList(), await ViewAsync(db, quote, today, ct));
        }, ct);
        if (!replayed)
        {
            feed.Publish([
                new CreditsSoldLive(sale.Quote!.ClientId, CreditSource.Quote, sale.Credits.Count, sale.Total, sale.Currency, sale.Quote.Id, now, command.Caller.Actor.DisplayName),
                new QuoteChangedLive(sale.Quote.Id, sale.Quote.ClientId, now, command.Caller.Actor.DisplayName),
            ]);
        }
        return sale;
    }

    /// <summary>Sells single services as prepaid credits (one per service named), paid in full on one invoice.</summary>
    public async Task<CreditSaleView> SellServicesAsync(SellServices command, CancellationToken ct = default)
    {
        Permissions.Ensure(command.Caller, Permissions.SellServices);
        var now = clock.UtcNow;
        Limits.EnsureCount(command.ServiceIds, Limits.MaxListItems, "serviceIds", "Services of one sale");
        if (command.ServiceIds.Count == 0)
        {
            throw DomainException.Invalid("Choose at least one service to sell.", "serviceIds");
        }
        var (sale, _, replayed) = await unitOfWork.RunAsync(command.Caller, command.IdempotencyKey, Permissions.SellServices, async db =>
        {
            var client = await db.Clients.FindAsync([new ClientId(command.ClientId)], ct) ?? throw DomainException.NotFound("That client does not exist.");
            client.EnsureCanBeServed();
            var ids = command.ServiceIds.Distinct().Select(s => new ServiceId(s)).ToList();
            var services = await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
            if (services.Count != ids.Count)
            {
                throw DomainException.NotFound("A service in this sale does not exist.");
            }
            await Catalog.CatalogService.EnsureActiveAsync(db, ids, "sold", ct);
            var currency = clock.Business.Currency;
            var lines = command.ServiceIds.GroupBy(s => s).Select(g => (Service: services[new ServiceId(g.Key)], Quantity: g.Count())).ToList();
            var invoice = Invoice.ForCredits(InvoiceId.New(), client.Id, currency,
                lines.Select(l => (l.Service.Name, l.Service.Id, l.Quantity, l.Service.Price.Amount)).ToList(), InvoiceLineKind.Service, now);
            invoice.Settle(command.Payments.Select(p => (p.Method, p.Amount)).ToList(), now, command.Caller.Actor);
            invoice.AssignNumber(await Sales.SaleService.TakeNumberAsync(db, clock, ct));
            db.Invoices.Add(invoice);
            var credits = lines
                .SelectMany(l => Enumerable.Range(0, l.Quantity).Select(_ => ServiceCredit.Sold(Guid.CreateVersion7(), client.Id, l.Service.Id, l.Service.Name, l.Service.Price, CreditSource.SingleService, null, invoice.Id, now)))
                .ToList();
            db.ServiceCredits.AddRange(credits);
            return new CreditSaleView(invoice.Id.Value, invoice.Total.Amount, invoice.Currency, credits.Select(CreditView.From).ToList(), null);
        }, ct);
        if (!replayed)
        {
            feed.Publish([new CreditsSoldLive(command.ClientId, CreditSource.SingleService, sale.Credits.Count, sale.Total, sale.Currency, null, now, command.Caller.Actor.DisplayName)]);
        }
        return sale;
    }

    private async Task<QuoteView> ChangeAsync(Guid quoteId, Caller caller, string command, Func<DashboardDbContext, Quote, Task> act, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var (view, _, replayed) = await unitOfWork.RunAsync(caller, command, async db =>
        {
            var quote = await FindQuoteAsync(db, quoteId, ct);
            await act(db, quote);
            return await ViewAsync(db, quote, clock.Today, ct);
        }, ct);
        Announce(replayed, view, now, caller.Actor);
        return view;
    }

    /// <summary>Tells every desk a quote changed; a replay changed nothing and was announced when it was done.</summary>
    private void Announce(bool replayed, QuoteView view, DateTimeOffset now, Actor actor)
    {
        if (!replayed)
        {
            feed.Publish([new QuoteChangedLive(view.Id, view.ClientId, now, actor.DisplayName)]);
        }
    }

    internal static async Task<QuoteView> ViewAsync(DashboardDbContext db, Quote quote, DateOnly today, CancellationToken ct)
    {
        var consultant = quote.ConsultantId is { } c ? (await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == c, ct))?.Name : null;
        return QuoteView.From(quote, consultant, today);
    }

    private static async Task<Quote> FindQuoteAsync(DashboardDbContext db, Guid id, CancellationToken ct) =>
        await db.Quotes.SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw DomainException.NotFound("That quote does not exist.");

    private static async Task<QuoteTemplate> FindTemplateAsync(DashboardDbContext db, Guid id, CancellationToken ct) =>
        await db.QuoteTemplates.FindAsync([id], ct) ?? throw DomainException.NotFound("That quote template does not exist.");

    private static async Task<IReadOnlyList<PrescribedItem>> PrescribedAsync(DashboardDbContext db, IReadOnlyList<PrescribedItemView> items, CancellationToken ct)
    {
        Limits.EnsureCount(items, Limits.MaxListItems, "items", "Prescribed items");
        var ids = items.Select(i => new ServiceId(i.ServiceId)).Distinct().ToList();
        if (await db.Services.CountAsync(s => ids.Contains(s.Id), ct) != ids.Count)
        {
            throw DomainException.NotFound("A service in this template does not exist.");
        }
        return items.Select(i => new PrescribedItem(new ServiceId(i.ServiceId), i.Quantity, i.Price)).ToList();
    }

    private static async Task<IReadOnlyList<(PrescribedItem Item, string ServiceName)>> NamedAsync(DashboardDbContext db, IReadOnlyList<PrescribedItem> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.ServiceId).ToList();
        var names = await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return items.Where(i => names.ContainsKey(i.ServiceId)).Select(i => (i, names[i.ServiceId])).ToList();
    }
}
