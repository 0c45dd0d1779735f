using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Calendar;

/// <summary>
/// The front desk's commands on appointments. Each runs in its own transaction, enforces the
/// rules through the aggregates (the appointment, and the prepaid record it is booked from),
/// and announces the change on the live feed after it commits. A refused command throws
/// <see cref="DomainException"/> and changes nothing.
/// </summary>
public sealed class AppointmentService(UnitOfWork unitOfWork, IDbContextFactory<DashboardDbContext> contexts, ILiveFeed feed, BusinessClock clock)
{
    private TimeZoneInfo Zone => clock.Zone;

    public async Task<AppointmentView> BookAsync(BookAppointment command, CancellationToken ct = default)
    {
        Permissions.Ensure(command.Caller, Permissions.Book);
        var now = clock.UtcNow;
        Appointment.EnsureBookableStart(command.Start, now); // before any read or lock
        using var idempotency = IdempotencyScope.Begin(command.IdempotencyKey);
        var (view, events, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.Book, async db =>
        {
            Client client;
            if (command.NewClient is { } details)
            {
                client = Client.Register(ClientId.New(), details.Name, details.Phone, details.Email, null, now, command.Actor);
                db.Clients.Add(client);
            }
            else
            {
                // Read-only here (and read under the write lock, so still current): not tracked,
                // so neither it nor the service, provider and template below are snapshotted
                // (their JSON columns serialised) and scanned for changes at SaveChanges.
                client = await ReadClient(db, new ClientId(command.ClientId), ct)
                    ?? throw DomainException.NotFound("That client does not exist; search again or add them as a new client.");
                client.EnsureCanBeServed();
            }
            var service = await ReadServiceAsync(db, new ServiceId(command.ServiceId), ct);
            var provider = await ReadProviderAsync(db, new ProviderId(command.ProviderId), ct);
            var start = command.Start.ToUniversalTime();
            var slot = Slot.Starting(start, service.Duration);
            // Only the provider's and the client's appointments when the service needs no
            // resources: the rules look at nothing else (see BookingScope).
            var context = await CatalogQueries.ContextAsync(db, Zone, slot.Start, slot.End + service.Buffer, BookingScope.Of(service, provider.Id, client.Id), ct);
            var appointment = Appointment.Book(AppointmentId.New(), client.Id, service, provider, start, context, command.OverrideAvailability, command.Note, now, command.Actor, command.OverrideClientClash);
            db.Appointments.Add(appointment);
            if (command.PackageRecordId is { } recordId)
            {
                await AttachAsync(db, appointment, service, recordId, command.SessionNumber, now, command.Actor, ct);
            }
            else if (command.UseBestPackage && await BestRecordAsync(db, appointment, service, ct) is { } best)
            {
                await AttachAsync(db, appointment, service, best, null, now, command.Actor, ct);
            }
            return View(appointment, client, service, provider);
        }, ct);
        Announce(replayed, view, AppointmentChange.Booked, events, now, command.Actor);
        return view;
    }

    /// <summary>
    /// Moves to another time and/or provider, keeping the service. A prepaid record that no
    /// longer fits the new time (expired, frozen, restricted, provider not covered) is only dropped
    /// (its session given back, the visit paid normally) when the command says
    /// <see cref="MoveAppointment.DropPackage"/>; otherwise the move is refused with the question
    /// to ask (<see cref="DomainException.Confirm"/> = <see cref="MoveAppointment.DropPackageConfirmation"/>).
    /// </summary>
    public async Task<AppointmentView> MoveAsync(MoveAppointment command, CancellationToken ct = default)
    {
        Permissions.Ensure(command.Caller, Permissions.Move);
        var now = clock.UtcNow;
        Appointment.EnsureBookableStart(command.Start, now);
        var (view, events, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.Move, async db =>
        {
            var appointment = await FindAsync(db, command.AppointmentId, ct);
            var service = await FindServiceAsync(db, appointment.ServiceId, ct);
            var provider = await FindProviderAsync(db, command.ProviderId is { } p ? new ProviderId(p) : appointment.ProviderId, ct);
            var start = command.Start.ToUniversalTime();
            var slot = Slot.Starting(start, appointment.End - appointment.Start);
            var context = await CatalogQueries.ContextAsync(db, Zone, slot.Start, slot.End + service.Buffer, ct);
            appointment.Move(service, provider, start, context, command.OverrideAvailability, now, command.Actor, command.OverrideClientClash);
            if (appointment.PackageRecordId is { } recordId)
            {
                var session = appointment.PackageSession;
                var record = await PackageService.FindRecordAsync(db, recordId.Value, ct);
                var what = session is { } n && record.CountBased ? $"{record.Name} {n}/{record.InitialUnits:0}" : record.Name;
                await ReleaseAsync(db, appointment, "booking moved", now, command.Actor, ct);
                try
                {
                    await AttachAsync(db, appointment, service, recordId.Value, session, now, command.Actor, ct);
                }
                catch (DomainException refusal) when (refusal.Confirm is null)
                {
                    if (!command.DropPackage)
                    {
                        // Nothing is saved: the unit of work rolls the release back.
                        throw DomainException.NeedsConfirmation(
                            $"Moving drops {what} from this visit ({refusal.Message.TrimEnd('.')}). Move anyway?",
                            MoveAppointment.DropPackageConfirmation);
                    }
                    // Confirmed: the appointment moves and is paid normally; the session was given back.
                }
            }
            var client = await db.Clients.SingleAsync(c => c.Id == appointment.ClientId, ct);
            return View(appointment, client, service, provider);
        }, ct);
        Announce(replayed, view, AppointmentChange.Moved, events, now, command.Actor);
        return view;
    }

    /// <summary>Turns a single-service booking into a session of a prepaid record, any time before check-out.</summary>
    public async Task<AppointmentView> AttachPackageAsync(AttachPackage command, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        using var idempotency = IdempotencyScope.Begin(command.IdempotencyKey);
        var (view, events, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.AttachPackage, async db =>
        {
            var appointment = await FindAsync(db, command.AppointmentId, ct);
            var service = await FindServiceAsync(db, appointment.ServiceId, ct);
            if (appointment.PackageRecordId is { } current)
            {
                if (current.Value == command.PackageRecordId && (command.SessionNumber is null || command.SessionNumber == appointment.PackageSession))
                {
                    return await ViewAsync(db, appointment, service, ct); // already so: nothing to do twice
                }
                await ReleaseAsync(db, appointment, "booked from another session", now, command.Actor, ct);
            }
            await AttachAsync(db, appointment, service, command.PackageRecordId, command.SessionNumber, now, command.Actor, ct);
            return await ViewAsync(db, appointment, service, ct);
        }, ct);
        Announce(replayed, view, AppointmentChange.PackageChanged, events, now, command.Actor);
        return view;
    }

    /// <summary>Stops paying the appointment from its record; the session is given back.</summary>
    public Task<AppointmentView> DetachPackageAsync(Guid id, Caller caller, CancellationToken ct = default) =>
        ChangeAsync(id, AppointmentChange.PackageChanged, caller, Permissions.DetachPackage, async (db, a, now) =>
        {
            if (a.Status.IsFinal())
            {
                throw DomainException.Conflict($"This appointment is already {a.Status.Describe()}; how it was paid stays.");
            }
            await ReleaseAsync(db, a, "removed from the booking", now, caller.Actor, ct);
        }, ct);

    /// <summary>Checks in, from when the business's check-in setting allows (by default the appointment's own day).</summary>
    public Task<AppointmentView> CheckInAsync(Guid id, Caller caller, CancellationToken ct = default) =>
        CheckInAsync(new CheckInAppointment(id, caller), ct);

    /// <summary>
    /// Checks in, and with <see cref="CheckInAppointment.RedeemRecordId"/> books the visit from
    /// that prepaid record first — one command, one transaction: a record that cannot pay leaves
    /// the appointment booked, a refused check-in leaves the record as it was.
    /// </summary>
    public async Task<AppointmentView> CheckInAsync(CheckInAppointment command, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        using var idempotency = IdempotencyScope.Begin(command.IdempotencyKey);
        var (view, events, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.CheckIn, async db =>
        {
            var appointment = await FindAsync(db, command.AppointmentId, ct);
            var service = await FindServiceAsync(db, appointment.ServiceId, ct);
            if (command.RedeemRecordId is { } recordId
                && !(appointment.PackageRecordId?.Value == recordId && (command.RedeemSession is null || command.RedeemSession == appointment.PackageSession)))
            {
                await ReleaseAsync(db, appointment, "booked from another session", now, command.Actor, ct);
                await AttachAsync(db, appointment, service, recordId, command.RedeemSession, now, command.Actor, ct);
            }
            var settings = await SettingsService.ReadAttendanceAsync(db, ct);
            appointment.CheckIn(now, command.Actor, CheckInWindowOf(appointment, settings));
            return await ViewAsync(db, appointment, service, ct);
        }, ct);
        Announce(replayed, view, AppointmentChange.CheckedIn, events, now, command.Actor);
        return view;
    }

    /// <summary>
    /// A no-show gives a booked (or, with the at-booking policy, redeemed) session back, or
    /// forfeits it when the business's no-show policy says so.
    /// </summary>
    public Task<AppointmentView> MarkNoShowAsync(Guid id, Caller caller, CancellationToken ct = default) =>
        ChangeAsync(id, AppointmentChange.NoShow, caller, Permissions.NoShow, async (db, a, now) =>
        {
            a.MarkNoShow(now, caller.Actor);
            // A membership visit used on it stays used: the clinic's loss policy for a client who
            // does not come (only a cancellation gives the visit back; see CancelAsync).
            var settings = await SettingsService.ReadAttendanceAsync(db, ct);
            if (settings.NoShow == MissedSessionPolicy.Forfeit)
            {
                await ForfeitAsync(db, a, "no-show", now, caller.Actor, ct);
            }
            else
            {
                await ReleaseAsync(db, a, "no-show", now, caller.Actor, ct);
            }
        }, ct);

    /// <summary>
    /// Cancels. The session is given back, unless the cancellation is late (within the
    /// business's late-cancellation window before the start) and the policy forfeits it.
    /// A membership visit used on it is always given back, in the same transaction (the
    /// late-cancellation policy is about package sessions; a no-show keeps the visit used).
    /// </summary>
    public Task<AppointmentView> CancelAsync(Guid id, string? reason, Caller caller, CancellationToken ct = default) =>
        ChangeAsync(id, AppointmentChange.Cancelled, caller, Permissions.Cancel, async (db, a, now) =>
        {
            a.Cancel(reason, now, caller.Actor);
            await ReturnMembershipVisitAsync(db, a, now, caller.Actor, ct);
            var settings = await SettingsService.ReadAttendanceAsync(db, ct);
            if (settings.LateCancellation == MissedSessionPolicy.Forfeit && a.Start - now < TimeSpan.FromHours(settings.LateCancellationHours))
            {
                await ForfeitAsync(db, a, $"late cancellation (less than {settings.LateCancellationHours} h before)", now, caller.Actor, ct);
            }
            else
            {
                await ReleaseAsync(db, a, "appointment cancelled", now, caller.Actor, ct);
            }
        }, ct);

    /// <summary>
    /// Checks out with payment: what a prepaid record covers is redeemed and credited on the
    /// invoice, a package discount applies to services its template covers, and the payments
    /// settle the rest — all in one transaction.
    /// </summary>
    public async Task<AppointmentView> CheckOutAsync(CheckOutAppointment command, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        using var idempotency = IdempotencyScope.Begin(command.IdempotencyKey);
        var (view, events, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.CheckOut, async db =>
        {
            // The same sale code as every other sale; the payments must equal what is due.
            var sale = new Sales.CreateSale(null, command.AppointmentId, [], null, null, command.Payments, command.Caller);
            var built = await Sales.SaleService.BuildAsync(db, clock, sale, command.Actor, now, Sales.SaleService.SaleMode.ExactCheckOut, ct);
            db.Invoices.Add(built.Invoice);
            var appointment = built.Appointment!;
            var service = await FindServiceAsync(db, appointment.ServiceId, ct);
            return await ViewAsync(db, appointment, service, ct);
        }, ct);
        Announce(replayed, view, AppointmentChange.CheckedOut, events, now, command.Actor);
        return view;
    }

    /// <summary>What is due at check-out now: the price less what the linked record covers or a package discount.</summary>
    public async Task<decimal> AmountDueAsync(Guid id, CancellationToken ct = default)
    {
        // A read: no write transaction, so it never holds up another desk's command.
        await using var db = await contexts.CreateDbContextAsync(ct);
        var appointment = await FindAsync(db, id, ct);
        var service = await FindServiceAsync(db, appointment.ServiceId, ct);
        var membership = appointment.PackageRecordId is null ? await Sales.SaleService.MembershipPayingAsync(db, appointment, ct) : null;
        var serviceCredit = appointment.PackageRecordId is null && membership is null ? await Quotes.CreditQueries.FirstAvailableAsync(db, appointment.ClientId, appointment.ServiceId, tracked: false, ct) : null;
        return AmountDue.Of(appointment, await Sales.SaleService.CreditsAsync(db, clock, appointment, service, "the package", serviceCredit, membership, ct));
    }

    private async Task<AppointmentView> ChangeAsync(Guid id, AppointmentChange change, Caller caller, string command, Func<DashboardDbContext, Appointment, DateTimeOffset, Task> act, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var (view, events, replayed) = await unitOfWork.RunAsync(caller, command, async db =>
        {
            var appointment = await FindAsync(db, id, ct);
            await act(db, appointment, now);
            var service = await FindServiceAsync(db, appointment.ServiceId, ct);
            return await ViewAsync(db, appointment, service, ct);
        }, ct);
        Announce(replayed, view, change, events, now, caller.Actor);
        return view;
    }

    private async Task AttachAsync(DashboardDbContext db, Appointment appointment, Service service, Guid recordId, int? session, DateTimeOffset now, Actor actor, CancellationToken ct)
    {
        var record = await PackageService.FindRecordAsync(db, recordId, ct);
        if (record.ClientId != appointment.ClientId)
        {
            throw DomainException.Rule("That package belongs to another client.");
        }
        // The template is only read (its rules): not tracked, see BookAsync.
        var template = await ReadTemplate(db, record.TemplateId, ct) ?? throw DomainException.NotFound("The package's template no longer exists.");
        var settings = await SettingsService.ReadAsync(db, ct);
        var coverage = record.Book(template, Use(appointment), session, settings.RedemptionPolicy, now, actor);
        var covers = AmountDue.PackageCovers(record, coverage, appointment.Price.Amount, appointment.End - appointment.Start);
        appointment.UsePackage(record.Id, coverage.SessionNumber, covers, now, actor);
    }

    private static async Task ReleaseAsync(DashboardDbContext db, Appointment appointment, string why, DateTimeOffset now, Actor actor, CancellationToken ct)
    {
        if (appointment.PackageRecordId is not { } recordId)
        {
            return;
        }
        var record = await PackageService.FindRecordAsync(db, recordId.Value, ct);
        record.Release(appointment.Id.Value, now, actor, why);
        appointment.DropPackage(now, actor);
    }

    /// <summary>Gives back the membership visit used on a cancelled appointment (kept in the membership's history as returned).</summary>
    private static async Task ReturnMembershipVisitAsync(DashboardDbContext db, Appointment appointment, DateTimeOffset now, Actor actor, CancellationToken ct)
    {
        var id = appointment.Id.Value;
        var memberships = await db.Memberships.Where(m => m.Visits.Any(v => v.AppointmentId == id && v.ReturnedAt == null)).ToListAsync(ct);
        foreach (var membership in memberships)
        {
            membership.ReturnVisit(id, now, actor);
        }
    }

    private static async Task ForfeitAsync(DashboardDbContext db, Appointment appointment, string why, DateTimeOffset now, Actor actor, CancellationToken ct)
    {
        if (appointment.PackageRecordId is not { } recordId)
        {
            return;
        }
        var record = await PackageService.FindRecordAsync(db, recordId.Value, ct);
        record.Forfeit(appointment.Id.Value, now, actor, why);
    }

    /// <summary>From when the appointment may be checked in: the start of its local day, or the set number of hours before it.</summary>
    private CheckInWindow CheckInWindowOf(Appointment a, AttendanceSettings settings)
    {
        if (settings.CheckInHoursBefore is { } hours)
        {
            return new CheckInWindow(a.Start.AddHours(-hours), hours == 0 ? "at the start time" : $"{hours} hour{(hours == 1 ? string.Empty : "s")} before the start ({clock.ToLocal(a.Start.AddHours(-hours)):ddd d MMM HH:mm})");
        }
        var day = clock.DateOf(a.Start);
        var opens = clock.StartOf(day);
        return new CheckInWindow(opens, $"on the day of the appointment ({day:ddd d MMM yyyy})");
    }

    /// <summary>The valid record to use for an online booking: the one that lapses soonest, then the oldest.</summary>
    private async Task<Guid?> BestRecordAsync(DashboardDbContext db, Appointment appointment, Service service, CancellationToken ct)
    {
        var records = await db.PackageRecords.Where(r => r.ClientId == appointment.ClientId && r.Status == RecordStatus.Active).ToListAsync(ct);
        var ids = records.Select(r => r.TemplateId).Distinct().ToList();
        var templates = await db.PackageTemplates.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var use = Use(appointment);
        return records
            .Where(r => templates.TryGetValue(r.TemplateId, out var t) && r.Refuse(t, use) is null)
            .OrderBy(r => r.ExpiresOn ?? DateOnly.MaxValue)
            .ThenBy(r => r.PurchasedAt)
            .Select(r => (Guid?)r.Id.Value)
            .FirstOrDefault();
    }

    private PackageUse Use(Appointment a) => new(a.Id.Value, a.ServiceId, a.ProviderId, clock.ToLocal(a.Start), clock.ToLocal(a.End), a.Price.Amount);

    /// <summary>Tells every desk what changed; a replay changed nothing and was announced when it was done.</summary>
    private void Announce(bool replayed, AppointmentView view, AppointmentChange change, IReadOnlyList<DomainEvent> events, DateTimeOffset now, Actor actor)
    {
        if (replayed)
        {
            return;
        }
        var live = new List<LiveEvent> { new AppointmentChanged(view, change, now, actor.DisplayName) };
        live.AddRange(events.OfType<PackageRecordChanged>()
            .GroupBy(e => e.RecordId)
            .Select(g => new PackageRecordChangedLive(g.Key.Value, g.Last().ClientId.Value, g.Last().Change, now, actor.DisplayName)));
        live.AddRange(events.OfType<FrontDesk.Domain.Memberships.MembershipVisitReturned>()
            .Select(e => new MembershipChangedLive(e.Code, e.HolderClientId, $"gave back visit {e.Visit} of membership {e.Code} (appointment cancelled)", now, actor.DisplayName)));
        feed.Publish(live);
    }

    private static async Task<Appointment> FindAsync(DashboardDbContext db, Guid id, CancellationToken ct) =>
        await db.Appointments.FindAsync([new AppointmentId(id)], ct)
            ?? throw DomainException.NotFound("That appointment does not exist (it may have been removed).");

    private static async Task<Service> FindServiceAsync(DashboardDbContext db, ServiceId id, CancellationToken ct) =>
        await db.Services.FindAsync([id], ct) ?? throw DomainException.NotFound("That service does not exist.");

    private static async Task<Provider> FindProviderAsync(DashboardDbContext db, ProviderId id, CancellationToken ct) =>
        await db.Providers.FindAsync([id], ct) ?? throw DomainException.NotFound("That provider does not exist.");

    /// <summary>A service that the command only reads: not tracked.</summary>
    private static async Task<Service> ReadServiceAsync(DashboardDbContext db, ServiceId id, CancellationToken ct) =>
        await ReadService(db, id, ct) ?? throw DomainException.NotFound("That service does not exist.");

    /// <summary>A provider that the command only reads: not tracked.</summary>
    private static async Task<Provider> ReadProviderAsync(DashboardDbContext db, ProviderId id, CancellationToken ct) =>
        await ReadProvider(db, id, ct) ?? throw DomainException.NotFound("That provider does not exist.");

    // The fixed lookups of a booking, compiled once: each run skips EF Core's per-query work
    // (parameter extraction from the expression tree and the query-cache lookup by its shape),
    // which the profile of the booking path showed among its costs under the write lock.
    private static readonly Func<DashboardDbContext, ClientId, CancellationToken, Task<Client?>> ReadClient =
        EF.CompileAsyncQuery<DashboardDbContext, ClientId, Client?>((DashboardDbContext db, ClientId id, CancellationToken ct) => db.Clients.AsNoTracking().SingleOrDefault(c => c.Id == id));

    private static readonly Func<DashboardDbContext, ServiceId, CancellationToken, Task<Service?>> ReadService =
        EF.CompileAsyncQuery<DashboardDbContext, ServiceId, Service?>((DashboardDbContext db, ServiceId id, CancellationToken ct) => db.Services.AsNoTracking().SingleOrDefault(s => s.Id == id));

    private static readonly Func<DashboardDbContext, ProviderId, CancellationToken, Task<Provider?>> ReadProvider =
        EF.CompileAsyncQuery<DashboardDbContext, ProviderId, Provider?>((DashboardDbContext db, ProviderId id, CancellationToken ct) => db.Providers.AsNoTracking().SingleOrDefault(p => p.Id == id));

    private static readonly Func<DashboardDbContext, PackageTemplateId, CancellationToken, Task<PackageTemplate?>> ReadTemplate =
        EF.CompileAsyncQuery<DashboardDbContext, PackageTemplateId, PackageTemplate?>((DashboardDbContext db, PackageTemplateId id, CancellationToken ct) => db.PackageTemplates.AsNoTracking().SingleOrDefault(t => t.Id == id));

    private static async Task<AppointmentView> ViewAsync(DashboardDbContext db, Appointment appointment, Service service, CancellationToken ct)
    {
        var client = await db.Clients.SingleAsync(c => c.Id == appointment.ClientId, ct);
        var provider = await FindProviderAsync(db, appointment.ProviderId, ct);
        return View(appointment, client, service, provider);
    }

    internal static AppointmentView View(Appointment a, Client client, Service service, Provider provider) => new(
        a.Id.Value, client.Id.Value, client.Name, service.Id.Value, service.Name, service.Activity, provider.Id.Value, provider.Name,
        a.Start, a.End, a.Status, a.Price.Amount, a.Price.Currency, a.Note, a.InvoiceId?.Value, a.CheckedInAt, a.CompletedAt, a.Version,
        a.PackageRecordId?.Value, a.PackageSession, a.PackageCovers)
    {
        BookedOverClientClash = a.BookedOverClientClash,
        ResourceIds = new(a.Resources.Select(r => r.Value)),
        OverriddenRules = string.Join(", ", a.OverriddenRules),
    };
}
