using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Calendar;

/// <summary>
/// The front desk's commands on appointments. Each runs in its own transaction, enforces the
/// rules through the aggregate, and announces the change on the live feed after it commits.
/// A refused command throws <see cref="DomainException"/> and changes nothing.
/// </summary>
public sealed class AppointmentService(UnitOfWork unitOfWork, ILiveFeed feed, TimeProvider clock, IOptions<BusinessOptions> business)
{
    private TimeZoneInfo Zone => business.Value.Zone;

    public async Task<AppointmentView> BookAsync(BookAppointment command, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (view, _) = await unitOfWork.RunAsync(async db =>
        {
            Client client;
            if (command.NewClient is { } details)
            {
                client = Client.Register(ClientId.New(), details.Name, details.Phone, details.Email, null, now, command.Actor);
                db.Clients.Add(client);
            }
            else
            {
                client = await db.Clients.FindAsync([new ClientId(command.ClientId)], ct)
                    ?? throw DomainException.NotFound("That client does not exist; search again or add them as a new client.");
            }
            var service = await FindServiceAsync(db, new ServiceId(command.ServiceId), ct);
            var provider = await FindProviderAsync(db, new ProviderId(command.ProviderId), ct);
            var start = command.Start.ToUniversalTime();
            var slot = Slot.Starting(start, service.Duration);
            var busy = await BusyAsync(db, slot.Start, slot.End, ct);
            var appointment = Appointment.Book(AppointmentId.New(), client.Id, service, provider, start, Zone, command.OverrideWorkingHours, busy, command.Note, now, command.Actor);
            db.Appointments.Add(appointment);
            return View(appointment, client, service, provider);
        }, ct);
        Announce(view, AppointmentChange.Booked, now, command.Actor);
        return view;
    }

    public async Task<AppointmentView> MoveAsync(MoveAppointment command, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (view, _) = await unitOfWork.RunAsync(async db =>
        {
            var appointment = await FindAsync(db, command.AppointmentId, ct);
            var service = await FindServiceAsync(db, appointment.ServiceId, ct);
            var provider = await FindProviderAsync(db, command.ProviderId is { } p ? new ProviderId(p) : appointment.ProviderId, ct);
            var start = command.Start.ToUniversalTime();
            var slot = Slot.Starting(start, appointment.End - appointment.Start);
            var busy = await BusyAsync(db, slot.Start, slot.End, ct);
            appointment.Move(service, provider, start, Zone, command.OverrideWorkingHours, busy, now, command.Actor);
            var client = await db.Clients.SingleAsync(c => c.Id == appointment.ClientId, ct);
            return View(appointment, client, service, provider);
        }, ct);
        Announce(view, AppointmentChange.Moved, now, command.Actor);
        return view;
    }

    public Task<AppointmentView> CheckInAsync(Guid id, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, AppointmentChange.CheckedIn, actor, (a, now) => a.CheckIn(now, actor), ct);

    public Task<AppointmentView> MarkNoShowAsync(Guid id, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, AppointmentChange.NoShow, actor, (a, now) => a.MarkNoShow(now, actor), ct);

    public Task<AppointmentView> CancelAsync(Guid id, string? reason, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, AppointmentChange.Cancelled, actor, (a, now) => a.Cancel(reason, now, actor), ct);

    /// <summary>Checks out with payment: the invoice is created, settled and linked in one transaction.</summary>
    public async Task<AppointmentView> CheckOutAsync(CheckOutAppointment command, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (view, _) = await unitOfWork.RunAsync(async db =>
        {
            var appointment = await FindAsync(db, command.AppointmentId, ct);
            var service = await FindServiceAsync(db, appointment.ServiceId, ct);
            if (appointment.Status.IsFinal())
            {
                // Say so before looking at the payments: the state is what the desk must hear.
                throw DomainException.Conflict($"This appointment is already {appointment.Status.Describe()} and cannot be checked out.");
            }
            var invoice = Invoice.ForAppointment(InvoiceId.New(), appointment, service.Name, now);
            invoice.Settle(command.Payments.Select(p => (p.Method, p.Amount)).ToList(), now, command.Actor);
            appointment.CheckOut(invoice, now, command.Actor);
            db.Invoices.Add(invoice);
            var client = await db.Clients.SingleAsync(c => c.Id == appointment.ClientId, ct);
            var provider = await FindProviderAsync(db, appointment.ProviderId, ct);
            return View(appointment, client, service, provider);
        }, ct);
        Announce(view, AppointmentChange.CheckedOut, now, command.Actor);
        return view;
    }

    private async Task<AppointmentView> ChangeAsync(Guid id, AppointmentChange change, Actor actor, Action<Appointment, DateTimeOffset> act, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (view, _) = await unitOfWork.RunAsync(async db =>
        {
            var appointment = await FindAsync(db, id, ct);
            act(appointment, now);
            var client = await db.Clients.SingleAsync(c => c.Id == appointment.ClientId, ct);
            var service = await FindServiceAsync(db, appointment.ServiceId, ct);
            var provider = await FindProviderAsync(db, appointment.ProviderId, ct);
            return View(appointment, client, service, provider);
        }, ct);
        Announce(view, change, now, actor);
        return view;
    }

    private void Announce(AppointmentView view, AppointmentChange change, DateTimeOffset now, Actor actor) =>
        feed.Publish([new AppointmentChanged(view, change, now, actor.DisplayName)]);

    private static async Task<Appointment> FindAsync(DashboardDbContext db, Guid id, CancellationToken ct) =>
        await db.Appointments.FindAsync([new AppointmentId(id)], ct)
            ?? throw DomainException.NotFound("That appointment does not exist (it may have been removed).");

    private static async Task<Service> FindServiceAsync(DashboardDbContext db, ServiceId id, CancellationToken ct) =>
        await db.Services.FindAsync([id], ct) ?? throw DomainException.NotFound("That service does not exist.");

    private static async Task<Provider> FindProviderAsync(DashboardDbContext db, ProviderId id, CancellationToken ct) =>
        await db.Providers.FindAsync([id], ct) ?? throw DomainException.NotFound("That provider does not exist.");

    /// <summary>The live appointments overlapping [start, end), read inside the command's transaction.</summary>
    private static async Task<List<BusyPeriod>> BusyAsync(DashboardDbContext db, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var overlapping = await db.Appointments.AsNoTracking()
            .Where(a => a.Start < end && a.End > start)
            .Where(a => a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn || a.Status == AppointmentStatus.Completed)
            .ToListAsync(ct);
        return overlapping.Select(a => new BusyPeriod(a.Id, a.ProviderId, a.Resources.ToList(), a.Slot)).ToList();
    }

    internal static AppointmentView View(Appointment a, Client client, Service service, Provider provider) => new(
        a.Id.Value, client.Id.Value, client.Name, service.Id.Value, service.Name, service.Activity, provider.Id.Value, provider.Name,
        a.Start, a.End, a.Status, a.Price.Amount, a.Price.Currency, a.Note, a.InvoiceId?.Value, a.CheckedInAt, a.CompletedAt, a.Version);
}
