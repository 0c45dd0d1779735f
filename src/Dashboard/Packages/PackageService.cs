using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Clients;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Packages;

/// <summary>
/// Templates and records: selling, assigning, editing, freezing, transferring and cancelling.
/// Each command runs in one transaction with its ledger rows and is announced after commit.
/// </summary>
public sealed class PackageService(UnitOfWork unitOfWork, ILiveFeed feed, BusinessClock clock)
{
    public async Task<TemplateView> CreateTemplateAsync(SaveTemplate command, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var (view, _, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.CreateTemplate, async db =>
        {
            await EnsureServicesExistAsync(db, command, ct);
            await Catalog.CatalogService.EnsureActiveAsync(db, Named(command), "put in a package", ct);
            var template = PackageTemplate.Create(PackageTemplateId.New(), Terms(command), now, command.Actor);
            db.PackageTemplates.Add(template);
            return TemplateView.From(template);
        }, ct);
        if (!replayed)
        {
            feed.Publish([new PackageTemplateChangedLive(view, now, command.Actor.DisplayName)]);
        }
        return view;
    }

    public async Task<TemplateView> EditTemplateAsync(Guid id, SaveTemplate command, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var (view, _, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.EditTemplate, async db =>
        {
            var template = await FindTemplateAsync(db, id, ct);
            await EnsureServicesExistAsync(db, command, ct);
            // A package keeps the services it already names, inactive or not; only new ones must be active.
            await Catalog.CatalogService.EnsureActiveAsync(db, Named(command).Except(template.Services).Except(template.Lines.Select(l => l.ServiceId)), "put in a package", ct);
            template.Edit(Terms(command), now, command.Actor);
            return TemplateView.From(template);
        }, ct);
        if (!replayed)
        {
            feed.Publish([new PackageTemplateChangedLive(view, now, command.Actor.DisplayName)]);
        }
        return view;
    }

    public async Task<TemplateView> SetTemplateActiveAsync(Guid id, bool active, Caller caller, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var (view, _, replayed) = await unitOfWork.RunAsync(caller, Permissions.SetTemplateActive, async db =>
        {
            var template = await FindTemplateAsync(db, id, ct);
            if (active)
            {
                template.Enable(now, caller.Actor);
            }
            else
            {
                template.Disable(now, caller.Actor);
            }
            return TemplateView.From(template);
        }, ct);
        if (!replayed)
        {
            feed.Publish([new PackageTemplateChangedLive(view, now, caller.Actor.DisplayName)]);
        }
        return view;
    }

    /// <summary>Sells (paid on an invoice), assigns unpaid (open invoice) or gives a package (complimentary).</summary>
    public async Task<RecordView> AcquireAsync(AcquirePackage command, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        using var idempotency = IdempotencyScope.Begin(command.IdempotencyKey);
        var (view, _, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.AcquirePackage, async db =>
        {
            var client = await db.Clients.FindAsync([new ClientId(command.ClientId)], ct)
                ?? throw DomainException.NotFound("That client does not exist.");
            client.EnsureCanBeServed();
            var template = await FindTemplateAsync(db, command.TemplateId, ct);
            await Catalog.CatalogService.EnsureActiveAsync(db, template.Services.Concat(template.Lines.Select(l => l.ServiceId)), "sold", ct);
            var recordId = PackageRecordId.New();
            InvoiceId? invoiceId = null;
            if (command.Mode is AcquisitionMode.Paid or AcquisitionMode.Unpaid)
            {
                var invoice = Invoice.ForPackage(InvoiceId.New(), client.Id, template.Name, recordId.Value, template.Price, now);
                if (command.Mode == AcquisitionMode.Paid)
                {
                    var payments = command.Payments ?? throw DomainException.Invalid("A sale needs its payments (cash or card).", "payments");
                    invoice.Settle(payments.Select(p => (p.Method, p.Amount)).ToList(), now, command.Actor);
                }
                else if (command.Payments is { Count: > 0 })
                {
                    throw DomainException.Invalid("An unpaid assignment takes no payment; sell it as Paid instead.", "payments");
                }
                invoice.AssignNumber(await Sales.SaleService.TakeNumberAsync(db, clock, ct));
                db.Invoices.Add(invoice);
                invoiceId = invoice.Id;
            }
            var record = PackageRecord.Acquire(recordId, template, client.Id, command.Mode, command.Reason, invoiceId, now, clock.Today, command.Actor);
            db.PackageRecords.Add(record);
            return RecordView.From(record, template);
        }, ct);
        Announce(replayed, view, LedgerKind.Purchase, now, command.Actor);
        return view;
    }

    /// <summary>Pays the open invoice of an unpaid record.</summary>
    public Task<RecordView> PayAsync(Guid recordId, IReadOnlyList<PaymentLine> payments, Caller caller, CancellationToken ct = default) =>
        ChangeAsync(recordId, LedgerKind.Payment, caller, Permissions.PayPackage, async (db, record, now) =>
        {
            if (record.InvoiceId is not { } invoiceId || await db.Invoices.FindAsync([invoiceId], ct) is not { } invoice)
            {
                throw DomainException.Rule($"{record.Name} has no open invoice to pay.");
            }
            invoice.Settle(payments.Select(p => (p.Method, p.Amount)).ToList(), now, caller.Actor);
            record.MarkPaid(invoice.Id, now, caller.Actor);
        }, ct);

    public Task<RecordView> AdjustAsync(Guid recordId, decimal delta, string? reason, Caller caller, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, Permissions.AdjustPackage);
        // The coarsest bound before the record is even read; the record then applies its own.
        Limits.EnsureMoney(delta, "delta", "The adjustment");
        return ChangeAsync(recordId, LedgerKind.Adjust, caller, Permissions.AdjustPackage, (_, record, now) =>
        {
            record.Adjust(delta, reason, now, caller.Actor);
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Sets a record's last valid day by hand (or none), with a reason kept in its history.</summary>
    public Task<RecordView> ChangeExpiryAsync(Guid recordId, DateOnly? expiresOn, string? reason, Caller caller, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, Permissions.ChangeExpiry);
        if (expiresOn is { } day)
        {
            Limits.EnsureDate(day, clock.UtcNow, "expiresOn", "The expiry");
        }
        return ChangeAsync(recordId, LedgerKind.Adjust, caller, Permissions.ChangeExpiry, (_, record, now) =>
        {
            record.ChangeExpiry(expiresOn, reason, now, caller.Actor);
            return Task.CompletedTask;
        }, ct);
    }

    public Task<RecordView> FreezeAsync(Guid recordId, DateOnly from, DateOnly to, Caller caller, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, Permissions.FreezePackage);
        Limits.EnsureDate(from, clock.UtcNow, "from", "The first day of the freeze");
        Limits.EnsureDate(to, clock.UtcNow, "to", "The last day of the freeze");
        return ChangeAsync(recordId, LedgerKind.Freeze, caller, Permissions.FreezePackage, async (db, record, now) =>
        {
            var booked = record.Sessions.Where(s => s.State == SessionState.Booked).Select(s => s.AppointmentId!.Value)
                .Concat(record.Holds.Where(h => !h.Captured).Select(h => h.AppointmentId))
                .Select(a => new AppointmentId(a))
                .ToList();
            var starts = await db.Appointments.AsNoTracking().Where(a => booked.Contains(a.Id)).Select(a => a.Start).ToListAsync(ct);
            record.Freeze(from, to, starts.Select(s => DateOnly.FromDateTime(clock.ToLocal(s))).ToList(), now, caller.Actor);
        }, ct);
    }

    /// <summary>Ends the current or planned freeze early; the unused days come back (the expiry moves back by them).</summary>
    public Task<RecordView> UnfreezeAsync(Guid recordId, Caller caller, CancellationToken ct = default) =>
        ChangeAsync(recordId, LedgerKind.Freeze, caller, Permissions.UnfreezePackage, (_, record, now) =>
        {
            record.Unfreeze(clock.Today, now, caller.Actor);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Moves what is left to another client; both histories show it.</summary>
    public async Task<(RecordView From, RecordView To)> TransferAsync(Guid recordId, Guid toClientId, Caller caller, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var (views, _, replayed) = await unitOfWork.RunAsync(caller, Permissions.TransferPackage, async db =>
        {
            var record = await FindRecordAsync(db, recordId, ct);
            var to = await db.Clients.FindAsync([new ClientId(toClientId)], ct) ?? throw DomainException.NotFound("The client to transfer to does not exist.");
            to.EnsureCanBeServed();
            var template = await db.PackageTemplates.FindAsync([record.TemplateId], ct);
            var received = record.TransferTo(PackageRecordId.New(), to.Id, now, caller.Actor);
            db.PackageRecords.Add(received);
            return (RecordView.From(record, template), RecordView.From(received, template));
        }, ct);
        Announce(replayed, views.Item1, LedgerKind.TransferOut, now, caller.Actor);
        Announce(replayed, views.Item2, LedgerKind.TransferIn, now, caller.Actor);
        return views;
    }

    /// <summary>Cancels for good; booked sessions are released and their appointments become single bookings.</summary>
    public Task<RecordView> CancelAsync(Guid recordId, string? reason, Caller caller, CancellationToken ct = default) =>
        ChangeAsync(recordId, LedgerKind.Cancel, caller, Permissions.CancelPackage, async (db, record, now) =>
        {
            // Every appointment not yet checked out loses the record, including a session already
            // redeemed at booking (that policy): otherwise its check-out would have to redeem from
            // a cancelled record and be refused.
            var id = record.Id;
            var open = record.Status == RecordStatus.Active
                ? await db.Appointments.Where(a => a.PackageRecordId == id && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn)).ToListAsync(ct)
                : [];
            open.ForEach(a => record.Release(a.Id.Value, now, caller.Actor, "record cancelled"));
            var released = record.Cancel(reason, now, caller.Actor).Select(a => new AppointmentId(a)).ToList();
            var appointments = await db.Appointments.Where(a => released.Contains(a.Id)).ToListAsync(ct);
            appointments.Concat(open).Distinct().ToList().ForEach(a => a.DropPackage(now, caller.Actor));
        }, ct);

    /// <summary>Lapses the free balance of every record past its last valid day; run by <see cref="PackageExpiryJob"/>.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var today = clock.Today;
        var (expired, _, replayed) = await unitOfWork.RunAsync(Caller.System("Package expiry"), Permissions.ExpirePackages, async db =>
        {
            var due = await db.PackageRecords
                .Where(r => r.Status == RecordStatus.Active && r.ExpiresOn != null && r.ExpiresOn < today && r.Available > 0)
                .ToListAsync(ct);
            return due.Where(r => r.ExpireIfDue(today, now, Actor.System)).Select(r => r.Id.Value).ToList();
        }, ct);
        if (expired.Count > 0 && !replayed)
        {
            feed.Publish(expired.Select(id => (LiveEvent)new PackageRecordChangedLive(id, Guid.Empty, LedgerKind.Expire, now, Actor.System.DisplayName)).ToList());
        }
        return expired.Count;
    }

    private async Task<RecordView> ChangeAsync(Guid recordId, LedgerKind change, Caller caller, string command, Func<DashboardDbContext, PackageRecord, DateTimeOffset, Task> act, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var (view, _, replayed) = await unitOfWork.RunAsync(caller, command, async db =>
        {
            var record = await FindRecordAsync(db, recordId, ct);
            await act(db, record, now);
            var template = await db.PackageTemplates.FindAsync([record.TemplateId], ct);
            return RecordView.From(record, template);
        }, ct);
        Announce(replayed, view, change, now, caller.Actor);
        return view;
    }

    /// <summary>Tells every desk a record changed; a replay changed nothing and was announced when it was done.</summary>
    private void Announce(bool replayed, RecordView view, LedgerKind change, DateTimeOffset now, Actor actor)
    {
        if (!replayed)
        {
            feed.Publish([new PackageRecordChangedLive(view.Id, view.ClientId, change, now, actor.DisplayName)]);
        }
    }

    internal static async Task<PackageRecord> FindRecordAsync(DashboardDbContext db, Guid id, CancellationToken ct) =>
        await FindRecord(db, new PackageRecordId(id), ct)
            ?? throw DomainException.NotFound("That package record does not exist.");

    // Every redemption, release and record command loads its record here: compiled once, so a
    // run skips EF Core's per-query expression work (parameter extraction, which had to
    // evaluate the `new PackageRecordId(id)` of the old lambda, and the query-cache lookup).
    // Tracked, with its owned sessions, holds and ledger, as before.
    private static readonly Func<DashboardDbContext, PackageRecordId, CancellationToken, Task<PackageRecord?>> FindRecord =
        EF.CompileAsyncQuery<DashboardDbContext, PackageRecordId, PackageRecord?>((DashboardDbContext db, PackageRecordId id, CancellationToken ct) => db.PackageRecords.SingleOrDefault(r => r.Id == id));

    private static async Task<PackageTemplate> FindTemplateAsync(DashboardDbContext db, Guid id, CancellationToken ct) =>
        await db.PackageTemplates.FindAsync([new PackageTemplateId(id)], ct) ?? throw DomainException.NotFound("That package template does not exist.");

    private static IEnumerable<ServiceId> Named(SaveTemplate command) =>
        command.Lines.Select(l => new ServiceId(l.ServiceId)).Concat(command.ServiceIds.Select(s => new ServiceId(s)));

    private static async Task EnsureServicesExistAsync(DashboardDbContext db, SaveTemplate command, CancellationToken ct)
    {
        var wanted = command.Lines.Select(l => l.ServiceId).Concat(command.ServiceIds).Distinct().Select(s => new ServiceId(s)).ToList();
        var found = await db.Services.CountAsync(s => wanted.Contains(s.Id), ct);
        if (found != wanted.Count)
        {
            throw DomainException.NotFound("A service in this package does not exist.");
        }
        if (command.ProviderId is { } p && await db.Providers.FindAsync([new ProviderId(p)], ct) is null)
        {
            throw DomainException.NotFound("That provider does not exist.");
        }
    }

    private TemplateTerms Terms(SaveTemplate c) => new(
        c.Name,
        c.Kind,
        c.ValueType,
        c.Lines.Select(l => new PackageLine(new ServiceId(l.ServiceId), l.Count)).ToList(),
        c.ServiceIds.Select(s => new ServiceId(s)).ToList(),
        c.AllServices,
        c.Value,
        new Money(c.Price, clock.Business.Currency),
        c.DiscountPercent,
        c.ForSale,
        c.ProviderId is { } p ? new ProviderId(p) : null,
        Expiry(c),
        Restrictions(c));

    private static Expiry? Expiry(SaveTemplate c) => c.ExpiryLength is { } length ? new Expiry(length, c.ExpiryUnit) : null;

    private static UsageRestrictions Restrictions(SaveTemplate c) => c.Restrictions is { } r
        ? new UsageRestrictions(r.Weekdays ?? [], r.From, r.To, r.FirstDate, r.LastDate, r.FixedDates ?? [])
        : UsageRestrictions.None;
}
