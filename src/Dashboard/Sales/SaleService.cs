using System.Security.Cryptography;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Memberships;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Memberships;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Quotes;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Sales;

/// <summary>
/// The selling commands: a sale of lines of every kind (an appointment's check-out among
/// them), later payments, and refunds. Each command is one transaction of the
/// <see cref="UnitOfWork"/>: the invoice, its number, the stock and memberships of its lines,
/// the packages sold, the sessions and credits it uses (or a refund gives back) and the
/// appointment checked out are saved together or not at all, and announced after the commit.
/// </summary>
public sealed class SaleService(UnitOfWork unitOfWork, IDbContextFactory<DashboardDbContext> contexts, ILiveFeed feed, BusinessClock clock) : ISaleService
{
    public const string DefaultPrefix = "INV";
    private const int MaxNumberSkips = 1000;

    public async Task<SaleView> PreviewAsync(CreateSale command, CancellationToken ct = default)
    {
        Permissions.Ensure(command.Caller, Permissions.CreateSale);
        var now = clock.UtcNow;
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Nothing is saved: the changes the sale would make stay in this context, which is dropped.
        var built = await BuildAsync(db, clock, command with { Payments = [] }, command.Caller.Actor, now, SaleMode.Preview, ct);
        return await ViewAsync(db, built.Invoice, ct);
    }

    public async Task<SaleView> CreateAsync(CreateSale command, CancellationToken ct = default)
    {
        Permissions.Ensure(command.Caller, Permissions.CreateSale);
        var now = clock.UtcNow;
        using var idempotency = IdempotencyScope.Begin(command.IdempotencyKey);
        try
        {
            var ((view, live), events, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.CreateSale, async db =>
            {
                var built = await BuildAsync(db, clock, command, command.Caller.Actor, now, SaleMode.Sale, ct);
                db.Invoices.Add(built.Invoice);
                var view = await ViewAsync(db, built.Invoice, ct);
                AppointmentView? appointment = null;
                if (built.Appointment is { } a)
                {
                    var service = await db.Services.FindAsync([a.ServiceId], ct);
                    var provider = await db.Providers.FindAsync([a.ProviderId], ct);
                    var client = await db.Clients.SingleAsync(c => c.Id == a.ClientId, ct);
                    appointment = AppointmentService.View(a, client, service!, provider!);
                }
                return (view, new SaleLive(appointment, built.Products.Select(ProductView.From).ToList(), built.MembershipsSold));
            }, ct);
            Announce(replayed, view, events, now, command.Caller.Actor, live);
            return view;
        }
        catch (DbUpdateException e) when (MembershipCodeClash.Is(e))
        {
            throw MembershipCodeClash.Conflict();
        }
    }

    public async Task<SaleView> PayAsync(PaySale command, CancellationToken ct = default)
    {
        Permissions.Ensure(command.Caller, Permissions.PaySale);
        var now = clock.UtcNow;
        using var idempotency = IdempotencyScope.Begin(command.IdempotencyKey);
        var (view, events, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.PaySale, async db =>
        {
            var sale = await FindAsync(db, command.SaleId, ct);
            sale.Pay(Payments(command.Payments), now, command.Caller.Actor);
            if (sale.IsPaid)
            {
                // Packages sold on it were usable meanwhile; now they are paid for.
                var records = await db.PackageRecords.Where(r => r.InvoiceId == sale.Id && !r.IsPaid).ToListAsync(ct);
                records.ForEach(r => r.MarkPaid(sale.Id, now, command.Caller.Actor));
            }
            return await ViewAsync(db, sale, ct);
        }, ct);
        Announce(replayed, view, events, now, command.Caller.Actor, new SaleLive(null, [], 0));
        return view;
    }

    public async Task<SaleView> RefundAsync(RefundSale command, CancellationToken ct = default)
    {
        Permissions.Ensure(command.Caller, Permissions.RefundSale);
        var now = clock.UtcNow;
        var actor = command.Caller.Actor;
        using var idempotency = IdempotencyScope.Begin(command.IdempotencyKey);
        var ((view, products), events, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.RefundSale, async db =>
        {
            var sale = await FindAsync(db, command.SaleId, ct);
            var earlier = await db.Invoices.Where(i => i.RefundOf == sale.Id).ToListAsync(ct);
            Limits.EnsureCount(command.Lines ?? [], Invoice.MaxLines, "lines", "Lines of one refund");
            var refund = sale.Refund(
                InvoiceId.New(),
                earlier,
                (command.Lines ?? []).Select(l => new RefundRequest(l.LineNumber, l.Quantity)).ToList(),
                command.Payments is null ? null : Payments(command.Payments),
                command.Reason,
                now,
                actor);
            refund.AssignNumber(await TakeNumberAsync(db, clock, ct));
            var stock = new List<(Product Product, int Quantity)>();
            foreach (var line in refund.Lines.Where(l => !l.IsCredit))
            {
                switch (line.Kind)
                {
                    case InvoiceLineKind.Product when line.ItemId is { } productId:
                        stock.Add((await db.Products.FindAsync([new ProductId(productId)], ct) ?? throw DomainException.NotFound("A refunded product no longer exists."), line.Quantity));
                        break;
                    case InvoiceLineKind.Membership:
                        var membership = await MembershipService.FindAsync(db, line.Code, ct);
                        membership.Refund(now, actor);
                        break;
                    case InvoiceLineKind.Package when line.PackageRecordId is { } recordId:
                        var record = await PackageService.FindRecordAsync(db, recordId, ct);
                        if (record.Used > 0m || record.Held > 0m)
                        {
                            throw DomainException.Rule($"{record.Name} cannot be refunded: part of it is already booked or used.", "lines");
                        }
                        if (record.Status == RecordStatus.Active)
                        {
                            record.Cancel($"refunded: {refund.Reason}", now, actor);
                        }
                        break;
                    case InvoiceLineKind.QuoteItem:
                    case InvoiceLineKind.Service when sale.AppointmentId is null && await db.ServiceCredits.AnyAsync(c => c.InvoiceId == sale.Id, ct):
                        throw DomainException.Rule("Prepaid services sold as credits are not refunded here.", "lines");
                }
                foreach (var credit in refund.Lines.Where(c => c.IsCredit && c.CreditFor == line.Number))
                {
                    await GiveBackAsync(db, sale, credit, refund.Reason ?? string.Empty, now, actor, ct);
                }
            }
            var changed = new List<ProductView>();
            if (stock.Count > 0)
            {
                var document = InventoryDocument.Return(InventoryDocumentId.New(), refund.Id, stock, $"Refund {refund.Number}", refund.ClientId?.Value, now, actor);
                db.InventoryDocuments.Add(document);
                changed.AddRange(stock.Select(s => ProductView.From(s.Product)).DistinctBy(p => p.Id));
            }
            db.Invoices.Add(refund);
            return (await ViewAsync(db, refund, ct), changed);
        }, ct);
        Announce(replayed, view, events, now, actor, new SaleLive(null, products, 0));
        return view;
    }

    public async Task<SaleView?> FindAsync(Guid saleId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sale = await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == new InvoiceId(saleId), ct);
        return sale is null ? null : await ViewAsync(db, sale, ct);
    }

    public async Task<IReadOnlyList<SaleView>> OpenForClientAsync(Guid clientId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        ClientId? client = new ClientId(clientId);
        var open = await db.Invoices.AsNoTracking()
            .Where(i => i.ClientId == client && i.Status == InvoiceStatus.Open)
            .ToListAsync(ct);
        var views = new List<SaleView>();
        foreach (var sale in open.Where(s => s.Balance > 0m).OrderBy(s => s.IssuedAt))
        {
            views.Add(await ViewAsync(db, sale, ct));
        }
        return views;
    }

    public async Task<ClientSalesPage> ForClientAsync(Guid clientId, int limit, CancellationToken ct = default)
    {
        if (limit < 1 || limit > ClientSalesPage.MaxLimit)
        {
            throw Limits.OutOfRange($"Ask for 1 to {ClientSalesPage.MaxLimit} sales at a time.", "limit");
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        ClientId? client = new ClientId(clientId);
        var page = await db.Invoices.AsNoTracking()
            .Where(i => i.ClientId == client)
            .OrderByDescending(i => i.IssuedAt).ThenByDescending(i => i.Number)
            .Take(limit + 1)
            .ToListAsync(ct);
        if (page.Count == 0 && !await db.Clients.AnyAsync(c => c.Id == new ClientId(clientId), ct))
        {
            throw DomainException.NotFound("That client does not exist.");
        }
        return new ClientSalesPage(await ViewsAsync(db, page.Take(limit).ToList(), ct), page.Count > limit);
    }

    internal enum SaleMode
    {
        /// <summary>A sale: payments may leave a balance owed (with a client), or be more in cash (change).</summary>
        Sale,
        /// <summary>The appointment check-out of the API and calendar: payments must equal what is due.</summary>
        ExactCheckOut,
        /// <summary>Priced only: no number is taken, nothing is paid.</summary>
        Preview,
    }

    internal sealed record Built(Invoice Invoice, Appointment? Appointment, IReadOnlyList<Product> Products, int MembershipsSold);

    private sealed record SaleLive(AppointmentView? Appointment, IReadOnlyList<ProductView> Products, int MembershipsSold);

    /// <summary>
    /// Builds a sale in <paramref name="db"/> (tracked, not saved): the appointment's line and its
    /// credits (its package session redeemed, its prepaid credit used, or the best package
    /// discount), the extra lines from the catalogue, the stock and memberships they take, the
    /// packages they sell, the number and the payments; the appointment is checked out.
    /// </summary>
    internal static async Task<Built> BuildAsync(DashboardDbContext db, BusinessClock clock, CreateSale command, Actor actor, DateTimeOffset now, SaleMode mode, CancellationToken ct)
    {
        var requested = command.Lines ?? [];
        Limits.EnsureCount(requested, Invoice.MaxLines, "lines", "Lines of one sale");
        Limits.EnsureCount(command.Payments ?? [], Limits.MaxPayments, "payments", "Payments of one sale");
        Appointment? appointment = null;
        Client? client = null;
        var items = new List<SaleItem>();
        if (command.AppointmentId is { } appointmentId)
        {
            appointment = await db.Appointments.FindAsync([new AppointmentId(appointmentId)], ct)
                ?? throw DomainException.NotFound("That appointment does not exist (it may have been removed).");
            if (command.ClientId is { } other && other != appointment.ClientId.Value)
            {
                throw DomainException.Invalid("That appointment belongs to another client.", "clientId");
            }
            var service = await db.Services.FindAsync([appointment.ServiceId], ct) ?? throw DomainException.NotFound("That service does not exist.");
            if (appointment.Status.IsFinal())
            {
                // Say so before looking at the payments: the state is what the desk must hear.
                throw DomainException.Conflict($"This appointment is already {appointment.Status.Describe()} and cannot be checked out.");
            }
            client = await db.Clients.SingleAsync(c => c.Id == appointment.ClientId, ct);
            string? recordName = null;
            if (appointment.PackageRecordId is { } recordId)
            {
                var record = await PackageService.FindRecordAsync(db, recordId.Value, ct);
                record.Redeem(appointment.Id.Value, now, actor);
                recordName = record.Name;
            }
            var membership = appointment.PackageRecordId is null ? await MembershipPayingAsync(db, appointment, ct) : null;
            var serviceCredit = appointment.PackageRecordId is null && membership is null ? await Quotes.CreditQueries.FirstAvailableAsync(db, appointment.ClientId, appointment.ServiceId, tracked: true, ct) : null;
            serviceCredit?.Use(appointment.Id, now);
            var credits = await CreditsAsync(db, clock, appointment, service, recordName, serviceCredit, membership, ct);
            items.Add(new SaleItem(InvoiceLineKind.Service, service.Name, 1, appointment.Price.Amount, appointment.ServiceId,
                ProviderId: appointment.ProviderId.Value, Discount: Discount(command.AppointmentDiscount), Credits: credits));
        }
        else if (command.ClientId is { } clientId)
        {
            client = await db.Clients.FindAsync([new ClientId(clientId)], ct)
                ?? throw new DomainException(DomainErrorKind.NotFound, "That client does not exist.", "clientId");
            client.EnsureCanBeServed();
        }
        if (appointment is null && requested.Count == 0)
        {
            throw DomainException.Invalid("Add at least one line to the sale.", "lines");
        }

        var stock = new List<SaleLine>();
        var packages = new List<(PackageRecordId Id, PackageTemplate Template)>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in requested)
        {
            if (line is null || !Enum.IsDefined(line.Type))
            {
                throw DomainException.Invalid("Each line has a type: Service, Product, Membership or Package.", "type");
            }
            if (line.Type is not (SaleItemType.Product or SaleItemType.Membership) && (line.Code is not null || line.GenerateCode || line.HolderClientId is not null))
            {
                throw DomainException.Invalid("Only a membership line takes a code or a holder.", "code");
            }
            switch (line.Type)
            {
                case SaleItemType.Service:
                {
                    var service = await db.Services.FindAsync([new ServiceId(line.ItemId)], ct)
                        ?? throw new DomainException(DomainErrorKind.NotFound, "A service in this sale does not exist.", "itemId");
                    await Catalog.CatalogService.EnsureActiveAsync(db, [service.Id], "sold", ct);
                    var provider = line.ProviderId ?? appointment?.ProviderId.Value;
                    if (provider is { } p)
                    {
                        await ProviderAsync(db, p, ct);
                    }
                    items.Add(new SaleItem(InvoiceLineKind.Service, service.Name, line.Quantity, line.UnitPrice ?? service.Price.Amount, service.Id,
                        ProviderId: provider, Discount: Discount(line.Discount)));
                    break;
                }
                case SaleItemType.Product or SaleItemType.Membership:
                {
                    var product = await db.Products.FindAsync([new ProductId(line.ItemId)], ct)
                        ?? throw new DomainException(DomainErrorKind.NotFound, "A product in this sale does not exist.", "itemId");
                    if (product.IsMembership != (line.Type == SaleItemType.Membership))
                    {
                        throw DomainException.Invalid(product.IsMembership
                            ? $"{product.Name} is a membership: sell it on a Membership line."
                            : $"{product.Name} is not a membership: sell it on a Product line.", "type");
                    }
                    MembershipCode? code = null;
                    if (product.IsMembership)
                    {
                        if (line.GenerateCode && line.Code is not null)
                        {
                            throw DomainException.Invalid("Type a code or ask for a generated one, not both.", "code");
                        }
                        code = line.GenerateCode ? await GenerateAsync(db, codes, ct) : line.Code is null ? null : MembershipCode.Parse(line.Code);
                        if (code is { } typed && !line.GenerateCode && await db.Memberships.AnyAsync(m => m.NormalizedCode == typed.Normalized, ct))
                        {
                            throw new DomainException(DomainErrorKind.Conflict, $"The code {typed.Value} is already used by another membership (codes are compared without case). Type another or generate one.", "code");
                        }
                        if (code is { } c)
                        {
                            codes.Add(c.Normalized);
                        }
                        if (line.HolderClientId is { } holder && await db.Clients.FindAsync([new ClientId(holder)], ct) is not { } holderClient)
                        {
                            throw new DomainException(DomainErrorKind.NotFound, "That client does not exist.", "holderClientId");
                        }
                    }
                    else if (line.Code is not null || line.GenerateCode || line.HolderClientId is not null)
                    {
                        throw DomainException.Invalid($"{product.Name} is not a membership: it takes no code or holder.", "code");
                    }
                    if (line.ProviderId is { } seller)
                    {
                        await ProviderAsync(db, seller, ct);
                    }
                    stock.Add(new SaleLine(product, line.Quantity, code, line.HolderClientId ?? (product.IsMembership ? client?.Id.Value : null)));
                    items.Add(new SaleItem(product.IsMembership ? InvoiceLineKind.Membership : InvoiceLineKind.Product, product.Name, line.Quantity, line.UnitPrice ?? product.Price,
                        ItemId: product.Id.Value, ProviderId: line.ProviderId, Code: code?.Value, Discount: Discount(line.Discount)));
                    break;
                }
                case SaleItemType.Package:
                {
                    if (client is null)
                    {
                        throw DomainException.Invalid("A package is sold to a client: choose the client first.", "clientId");
                    }
                    if (line.Quantity != 1)
                    {
                        throw DomainException.Rule("Each package is its own line with quantity 1: to sell two, add two lines.", "quantity");
                    }
                    var template = await db.PackageTemplates.FindAsync([new PackageTemplateId(line.ItemId)], ct)
                        ?? throw new DomainException(DomainErrorKind.NotFound, "A package in this sale does not exist.", "itemId");
                    template.EnsureCanSell(manualAssignment: false);
                    await Catalog.CatalogService.EnsureActiveAsync(db, template.Services.Concat(template.Lines.Select(l => l.ServiceId)), "sold", ct);
                    var recordId = PackageRecordId.New();
                    packages.Add((recordId, template));
                    items.Add(new SaleItem(InvoiceLineKind.Package, template.Name, 1, line.UnitPrice ?? template.Price.Amount,
                        ItemId: template.Id.Value, ProviderId: line.ProviderId, PackageRecordId: recordId.Value, Discount: Discount(line.Discount)));
                    break;
                }
            }
        }

        (decimal, Guid, string)? tip = null;
        if (command.Tip is { } t)
        {
            var provider = await ProviderAsync(db, t.ProviderId, ct);
            tip = (t.Amount, provider.Id.Value, provider.Name);
        }
        var currency = appointment?.Price.Currency ?? clock.Business.Currency;
        var invoice = Invoice.Sale(InvoiceId.New(), client?.Id, appointment?.Id, currency, items, Discount(command.Discount), tip, now);

        if (mode != SaleMode.Preview)
        {
            invoice.AssignNumber(await TakeNumberAsync(db, clock, ct));
            var payments = Payments(command.Payments ?? []);
            if (mode == SaleMode.ExactCheckOut)
            {
                invoice.Settle(payments, now, actor);
            }
            else
            {
                invoice.Pay(payments, now, actor, allowNone: true);
            }
        }

        var products = new List<Product>();
        var memberships = 0;
        if (stock.Count > 0)
        {
            var allowNegative = (await MembershipService.SettingsAsync(db, ct)).AllowNegativeStock;
            var document = InventoryDocument.ForInvoice(InventoryDocumentId.New(), invoice.Id, stock, client?.Id.Value, appointment?.Id.Value, allowNegative, now, actor);
            db.InventoryDocuments.Add(document);
            foreach (var line in stock.Where(l => l.Product.IsMembership))
            {
                db.Memberships.Add(Membership.Sell(MembershipId.New(), line.Product, line.Code!.Value, line.HolderClientId, document.Id, now, clock.Today, actor));
                memberships++;
            }
            products.AddRange(stock.Select(s => s.Product).DistinctBy(p => p.Id));
        }
        foreach (var (recordId, template) in packages)
        {
            var record = PackageRecord.Acquire(recordId, template, client!.Id, invoice.IsPaid ? AcquisitionMode.Paid : AcquisitionMode.Unpaid, null, invoice.Id, now, clock.Today, actor);
            db.PackageRecords.Add(record);
        }
        if (appointment is not null && mode != SaleMode.Preview)
        {
            appointment.CheckOut(invoice, now, actor, allowBalanceOwed: mode == SaleMode.Sale);
        }
        return new Built(invoice, appointment, products, memberships);
    }

    /// <summary>The check-out's credit lines (<see cref="AmountDue.Credits"/>): the record's payment, a prepaid credit, or the best discount.</summary>
    internal static async Task<IReadOnlyList<InvoiceLine>> CreditsAsync(DashboardDbContext db, BusinessClock clock, Appointment appointment, Service service, string? recordName, ServiceCredit? serviceCredit, string? membershipCode, CancellationToken ct) =>
        AmountDue.Credits(appointment, recordName, appointment.PackageRecordId is null && serviceCredit is null && membershipCode is null ? await BestDiscountAsync(db, clock, appointment, service, ct) : null, serviceCredit, membershipCode);

    /// <summary>The code of the membership whose visit was used on this appointment (it pays the service), or null; a visit given back does not count.</summary>
    internal static Task<string?> MembershipPayingAsync(DashboardDbContext db, Appointment appointment, CancellationToken ct)
    {
        var id = appointment.Id.Value;
        return db.Memberships.AsNoTracking().Where(m => m.Visits.Any(v => v.AppointmentId == id && v.ReturnedAt == null)).Select(m => (string?)m.Code).FirstOrDefaultAsync(ct);
    }

    /// <summary>The template with the best automatic discount among the client's valid records that cover the service.</summary>
    internal static async Task<PackageTemplate?> BestDiscountAsync(DashboardDbContext db, BusinessClock clock, Appointment appointment, Service service, CancellationToken ct)
    {
        var records = await db.PackageRecords.AsNoTracking().Where(r => r.ClientId == appointment.ClientId && r.Status == RecordStatus.Active).ToListAsync(ct);
        if (records.Count == 0)
        {
            return null;
        }
        var ids = records.Select(r => r.TemplateId).Distinct().ToList();
        var templates = await db.PackageTemplates.AsNoTracking().Where(t => ids.Contains(t.Id) && t.DiscountPercent > 0).ToDictionaryAsync(t => t.Id, ct);
        var day = clock.DateOf(appointment.Start);
        return records
            .Where(r => templates.ContainsKey(r.TemplateId) && (r.ExpiresOn is null || r.ExpiresOn >= day) && !r.Freezes.Any(f => f.Contains(day)))
            .Select(r => templates[r.TemplateId])
            .Where(t => t.Covers(service.Id))
            .MaxBy(t => t.DiscountPercent);
    }

    /// <summary>
    /// The next invoice number, inside the command's transaction; the Invoice sequence "INV" is
    /// created on first use when no manager has set one up.
    /// </summary>
    internal static async Task<string> TakeNumberAsync(DashboardDbContext db, BusinessClock clock, CancellationToken ct)
    {
        var year = clock.Today.Year;
        var sequence = db.NumberingSequences.Local.SingleOrDefault(s => s.Kind == SequenceKind.Invoice)
            ?? await db.NumberingSequences.SingleOrDefaultAsync(s => s.Kind == SequenceKind.Invoice, ct);
        if (sequence is null)
        {
            sequence = NumberingSequence.Create(Guid.CreateVersion7(), SequenceKind.Invoice, DefaultPrefix, 1, false, year);
            db.NumberingSequences.Add(sequence);
        }
        for (var i = 0; i < MaxNumberSkips; i++)
        {
            var number = sequence.Take(year);
            if (!await db.Invoices.AnyAsync(inv => inv.Number == number, ct) && !db.Invoices.Local.Any(inv => inv.Number == number))
            {
                return number;
            }
        }
        throw DomainException.Rule($"The next {MaxNumberSkips} invoice numbers are all taken; a manager can move the numbering on in Settings.");
    }

    private static async Task GiveBackAsync(DashboardDbContext db, Invoice sale, InvoiceLine credit, string reason, DateTimeOffset now, Actor actor, CancellationToken ct)
    {
        if (sale.AppointmentId is not { } appointment)
        {
            return;
        }
        switch (credit.Kind)
        {
            case InvoiceLineKind.PackageCredit when credit.PackageRecordId is { } recordId:
                var record = await PackageService.FindRecordAsync(db, recordId, ct);
                record.GiveBack(appointment.Value, reason, now, actor);
                break;
            case InvoiceLineKind.MembershipCredit:
                // A visit is history of the membership (which visit, which appointment, who): it is
                // never taken out of that history, so a refund cannot hand it back.
                throw DomainException.Rule($"{credit.Description}: a membership visit cannot be given back by a refund. Nothing was paid for this service at the desk.", "lines");
            case InvoiceLineKind.ServiceCredit:
                var used = await db.ServiceCredits.FirstOrDefaultAsync(c => c.AppointmentId == appointment && c.Status == CreditStatus.Used, ct)
                    ?? throw DomainException.Conflict("The prepaid credit this visit used cannot be found.");
                used.GiveBack(appointment);
                break;
        }
    }

    private static async Task<Provider> ProviderAsync(DashboardDbContext db, Guid id, CancellationToken ct) =>
        await db.Providers.FindAsync([new ProviderId(id)], ct) ?? throw new DomainException(DomainErrorKind.NotFound, "That provider does not exist.", "providerId");

    private static async Task<MembershipCode> GenerateAsync(DashboardDbContext db, HashSet<string> taken, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MembershipService.GenerateAttempts; attempt++)
        {
            var code = MembershipCode.Generate(RandomNumberGenerator.GetInt32);
            if (!taken.Contains(code.Normalized) && !await db.Memberships.AnyAsync(m => m.NormalizedCode == code.Normalized, ct))
            {
                return code;
            }
        }
        throw DomainException.Conflict("Could not find a free code; type one instead.");
    }

    private static DiscountRequest? Discount(DiscountInput? input) => input is null
        ? null
        : Enum.IsDefined(input.Type)
            ? new DiscountRequest(input.Type == DiscountType.Percent ? DiscountKind.Percent : DiscountKind.Amount, input.Value, input.Reason)
            : throw DomainException.Invalid("A discount is an Amount or a Percent.", "discount");

    private static List<(PaymentMethod Method, decimal Amount)> Payments(IReadOnlyList<PaymentLine> payments)
    {
        Limits.EnsureCount(payments, Limits.MaxPayments, "payments", "Payments of one sale");
        return payments.Select(p => p is null ? throw DomainException.Invalid("A payment is empty.", "payments") : (p.Method, p.Amount)).ToList();
    }

    private static async Task<Invoice> FindAsync(DashboardDbContext db, Guid id, CancellationToken ct) =>
        await db.Invoices.SingleOrDefaultAsync(i => i.Id == new InvoiceId(id), ct) ?? throw DomainException.NotFound("That sale does not exist.");

    internal static async Task<SaleView> ViewAsync(DashboardDbContext db, Invoice sale, CancellationToken ct) =>
        (await ViewsAsync(db, [sale], ct))[0];

    /// <summary>
    /// The views of <paramref name="sales"/>, in their order, with a fixed number of reads however
    /// many there are: their providers, clients, refunds and (for refunds) the sales they reverse.
    /// </summary>
    internal static async Task<IReadOnlyList<SaleView>> ViewsAsync(DashboardDbContext db, IReadOnlyList<Invoice> sales, CancellationToken ct)
    {
        if (sales.Count == 0)
        {
            return [];
        }
        var providerIds = sales.SelectMany(s => s.Lines).Where(l => l.ProviderId is not null).Select(l => new ProviderId(l.ProviderId!.Value)).Distinct().ToList();
        var providers = providerIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id.Value, p => p.Name, ct);
        var clientIds = sales.Where(s => s.ClientId is not null).Select(s => s.ClientId!.Value).Distinct().ToList();
        var clientNames = new Dictionary<ClientId, string>();
        foreach (var id in clientIds)
        {
            if (db.Clients.Local.FirstOrDefault(c => c.Id == id) is { } local)
            {
                clientNames[id] = local.Name;
            }
        }
        var unknownClients = clientIds.Where(id => !clientNames.ContainsKey(id)).ToList();
        if (unknownClients.Count > 0)
        {
            foreach (var row in await db.Clients.AsNoTracking().Where(c => unknownClients.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            {
                clientNames[row.Id] = row.Name;
            }
        }
        var saleIds = sales.Where(s => s.Kind == InvoiceKind.Sale).Select(s => (InvoiceId?)s.Id).ToList();
        var allRefunds = saleIds.Count == 0
            ? []
            : await db.Invoices.AsNoTracking().Where(i => saleIds.Contains(i.RefundOf)).ToListAsync(ct);
        var refundsOf = allRefunds.ToLookup(r => r.RefundOf!.Value);
        var reversedIds = sales.Where(s => s.RefundOf is not null).Select(s => s.RefundOf!.Value).Distinct().ToList();
        var reversedNumbers = new Dictionary<InvoiceId, string?>();
        foreach (var id in reversedIds)
        {
            if ((sales.FirstOrDefault(s => s.Id == id) ?? db.Invoices.Local.FirstOrDefault(i => i.Id == id)) is { } known)
            {
                reversedNumbers[id] = known.Number;
            }
        }
        var unknownSales = reversedIds.Where(id => !reversedNumbers.ContainsKey(id)).ToList();
        if (unknownSales.Count > 0)
        {
            foreach (var row in await db.Invoices.AsNoTracking().Where(i => unknownSales.Contains(i.Id)).Select(i => new { i.Id, i.Number }).ToListAsync(ct))
            {
                reversedNumbers[row.Id] = row.Number;
            }
        }
        return sales.Select(sale => View(
            sale,
            sale.Kind == InvoiceKind.Sale ? refundsOf[sale.Id].ToList() : [],
            providers,
            sale.ClientId is { } c ? clientNames.GetValueOrDefault(c) : null,
            sale.RefundOf is { } of ? reversedNumbers.GetValueOrDefault(of) : null)).ToList();
    }

    private static SaleView View(Invoice sale, IReadOnlyList<Invoice> refunds, IReadOnlyDictionary<Guid, string> providers, string? clientName, string? refundOfNumber)
    {
        var refundedLines = refunds.SelectMany(r => r.Lines).Where(l => l.RefundsLine is not null && !l.IsCredit).ToList();
        var lines = sale.Lines.Select(l =>
        {
            var number = sale.NumberOf(l);
            return new SaleLineView(
                number,
                l.Kind.ToString(),
                l.Description,
                l.Quantity,
                l.UnitPrice,
                l.Amount.Amount,
                l.ProviderId,
                l.ProviderId is { } p ? providers.GetValueOrDefault(p) : null,
                l.Code,
                l.DiscountReason,
                refundedLines.Where(r => r.RefundsLine == number).Sum(r => r.Quantity))
            {
                Credit = l.IsCredit ? 0m : sale.CreditsOf(l).Sum(c => c.Amount.Amount),
            };
        }).ToList();
        var selling = sale.Lines.Where(l => !l.IsCredit && l.Kind != InvoiceLineKind.Tip).ToList();
        var subtotal = selling.Sum(l => l.Gross);
        var discounts = -selling.Sum(l => l.Discount + l.SaleDiscountShare) + sale.Lines.Where(l => l.Kind == InvoiceLineKind.Discount).Sum(l => l.Amount.Amount);
        var credits = sale.Lines.Where(l => l.IsPrepaid).Sum(l => l.Amount.Amount);
        var tip = sale.Lines.Where(l => l.Kind == InvoiceLineKind.Tip).Sum(l => l.Amount.Amount);
        return new SaleView(
            sale.Id.Value,
            sale.Number,
            sale.Kind == InvoiceKind.Refund ? SaleKind.Refund : SaleKind.Sale,
            sale.ClientId?.Value,
            clientName,
            sale.AppointmentId?.Value,
            sale.IssuedAt,
            sale.IsPaid,
            sale.Currency,
            lines,
            subtotal,
            discounts,
            credits,
            tip,
            sale.Total.Amount,
            sale.Paid.Amount,
            sale.Balance,
            sale.ChangeGiven,
            sale.Payments.Select(p => new SalePaymentView(p.Method, p.Amount, p.PaidAt)).ToList(),
            sale.RefundOf?.Value,
            sale.Reason,
            refunds.OrderBy(r => r.IssuedAt).Select(r => r.Id.Value).ToList())
        {
            MoneyBack = -refunds.SelectMany(r => r.Payments).Sum(p => p.Amount),
            RefundOfNumber = refundOfNumber,
        };
    }

    private void Announce(bool replayed, SaleView view, IReadOnlyList<DomainEvent> events, DateTimeOffset now, Actor actor, SaleLive live)
    {
        if (replayed)
        {
            // A replayed command (same idempotency key) was announced when it first ran.
            return;
        }
        var batch = new List<LiveEvent> { new SaleRecordedLive(view, now, actor.DisplayName) };
        if (live.Appointment is { } appointment)
        {
            batch.Add(new AppointmentChanged(appointment, AppointmentChange.CheckedOut, now, actor.DisplayName));
        }
        batch.AddRange(events.OfType<PackageRecordChanged>()
            .GroupBy(e => e.RecordId)
            .Select(g => new PackageRecordChangedLive(g.Key.Value, g.Last().ClientId.Value, g.Last().Change, now, actor.DisplayName)));
        if (live.Products.Count > 0)
        {
            // Stock screens reload; the money is the sale's own event (so the managers' feed says it once).
            batch.Add(new InventoryChangedLive(null, live.Products, 0m, live.MembershipsSold, now, actor.DisplayName));
        }
        feed.Publish(batch);
    }
}
