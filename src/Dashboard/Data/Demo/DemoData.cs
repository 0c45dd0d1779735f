using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Data.Demo;

/// <summary>
/// A realistic small clinic for trying the product: 6 providers, 30 services in 6 activities,
/// 200 clients and two weeks of appointments around today. Written only into an empty
/// database, through the same domain methods the desk uses, so it obeys every rule.
/// </summary>
public static class DemoData
{
    private static readonly Actor Seeder = Actor.System;

    public static async Task SeedIfEmptyAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        var business = services.GetRequiredService<IOptions<BusinessOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Services.AnyAsync(ct) || await db.Clients.AnyAsync(ct))
        {
            return;
        }
        Build(db, business, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static void Build(DashboardDbContext db, BusinessOptions business, DateTimeOffset now)
    {
        var random = new Random(20261122);
        var currency = business.Currency;
        var zone = business.Zone;

        var laser = new Resource(ResourceId.New(), "Laser machine");
        var roomA = new Resource(ResourceId.New(), "Treatment room A");
        var roomB = new Resource(ResourceId.New(), "Treatment room B");
        var studio = new Resource(ResourceId.New(), "Gym studio");
        db.Resources.AddRange(laser, roomA, roomB, studio);

        Service S(string name, int minutes, decimal price, string activity, string[] tags, params Resource[] needs) =>
            new(ServiceId.New(), name, TimeSpan.FromMinutes(minutes), new Money(price, currency), activity, tags, needs.Select(r => r.Id));

        var massage = new[]
        {
            S("Swedish massage 60", 60, 60m, "Massage", ["relax"]),
            S("Swedish massage 90", 90, 85m, "Massage", ["relax"]),
            S("Deep tissue massage", 60, 70m, "Massage", ["sports"]),
            S("Thai massage", 60, 65m, "Massage", ["relax"]),
            S("Hot stone massage", 75, 80m, "Massage", ["relax", "premium"]),
        };
        var physio = new[]
        {
            S("Physio initial assessment", 60, 75m, "Physiotherapy", ["assessment"], roomA),
            S("Physio follow-up", 30, 45m, "Physiotherapy", ["follow-up"], roomA),
            S("Sports injury rehab", 45, 55m, "Physiotherapy", ["sports"], roomA),
            S("Dry needling", 30, 40m, "Physiotherapy", [], roomA),
            S("Post-surgery rehab", 60, 70m, "Physiotherapy", [], roomA),
        };
        var lasers = new[]
        {
            S("Laser hair removal - legs", 60, 120m, "Laser", ["course"], laser, roomB),
            S("Laser hair removal - underarms", 20, 45m, "Laser", ["course"], laser, roomB),
            S("Laser hair removal - face", 30, 60m, "Laser", ["course"], laser, roomB),
            S("Laser skin rejuvenation", 45, 150m, "Laser", ["premium"], laser, roomB),
            S("Laser consultation", 15, 0m, "Laser", ["free"]),
        };
        var beauty = new[]
        {
            S("Classic facial", 60, 55m, "Beauty", []),
            S("Hydrating facial", 75, 70m, "Beauty", ["premium"]),
            S("Eyebrow shaping", 15, 15m, "Beauty", []),
            S("Lash lift", 45, 45m, "Beauty", []),
            S("Chemical peel", 45, 90m, "Beauty", ["premium"]),
        };
        var nails = new[]
        {
            S("Manicure", 30, 25m, "Nails", []),
            S("Gel manicure", 45, 35m, "Nails", []),
            S("Pedicure", 45, 35m, "Nails", []),
            S("Gel pedicure", 60, 45m, "Nails", []),
            S("Nail art", 20, 15m, "Nails", ["add-on"]),
        };
        var fitness = new[]
        {
            S("Personal training", 60, 50m, "Fitness", [], studio),
            S("Personal training 30", 30, 30m, "Fitness", [], studio),
            S("Fitness assessment", 45, 40m, "Fitness", ["assessment"], studio),
            S("Pilates 1:1", 55, 55m, "Fitness", [], studio),
            S("Nutrition consultation", 45, 50m, "Fitness", ["nutrition"]),
        };
        var all = massage.Concat(physio).Concat(lasers).Concat(beauty).Concat(nails).Concat(fitness).ToList();
        db.Services.AddRange(all);

        static IEnumerable<WorkingShift> Days(TimeOnly from, TimeOnly to, params DayOfWeek[] days) => days.Select(d => new WorkingShift(d, from, to));
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var providers = new[]
        {
            new Provider(ProviderId.New(), "Amira Haddad", massage.Concat(beauty.Take(2)).Select(s => s.Id), Days(new(9, 0), new(17, 0), [.. weekdays, DayOfWeek.Saturday])),
            new Provider(ProviderId.New(), "Ben Carter", physio.Select(s => s.Id), Days(new(8, 0), new(16, 0), weekdays)),
            new Provider(ProviderId.New(), "Chloe Martin", lasers.Concat(beauty).Select(s => s.Id), Days(new(10, 0), new(19, 0), [DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday])),
            new Provider(ProviderId.New(), "Daniel Okafor", fitness.Concat(physio.Skip(2).Take(1)).Select(s => s.Id), Days(new(7, 0), new(15, 0), [.. weekdays, DayOfWeek.Saturday, DayOfWeek.Sunday])),
            new Provider(ProviderId.New(), "Elena Rossi", nails.Concat(beauty.Skip(2)).Select(s => s.Id), Days(new(9, 0), new(18, 0), [.. weekdays, DayOfWeek.Saturday])),
            new Provider(ProviderId.New(), "Farah Khan", massage.Take(3).Concat(lasers).Select(s => s.Id), Days(new(12, 0), new(20, 0), weekdays)),
        };
        db.Providers.AddRange(providers);

        string[] first = ["Olivia", "Amelia", "Isla", "Ava", "Mia", "Grace", "Sophia", "Lily", "Emily", "Ella", "Noah", "Oliver", "George", "Leo", "Harry", "Jack", "Arthur", "Oscar", "Muhammad", "Theo", "Priya", "Aisha", "Mateo", "Lucia", "Sara", "Jonas", "Hannah", "Freya", "Zara", "Ines"];
        string[] last = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Novak", "Garcia", "Kowalski", "Ahmed"];
        var clients = new List<Client>();
        var used = new HashSet<string>();
        while (clients.Count < 200)
        {
            var name = $"{first[random.Next(first.Length)]} {last[random.Next(last.Length)]}";
            if (!used.Add(name))
            {
                name = $"{name} {(char)('A' + random.Next(26))}.";
                if (!used.Add(name))
                {
                    continue;
                }
            }
            var phone = $"07{random.Next(100, 999)} {random.Next(100000, 999999)}";
            var email = $"{name.ToLowerInvariant().Replace(" ", ".", StringComparison.Ordinal).Replace("..", ".", StringComparison.Ordinal).TrimEnd('.')}@example.com";
            var notes = random.Next(8) == 0 ? "Prefers a quiet room." : random.Next(10) == 0 ? "Allergic to nuts (massage oils)." : string.Empty;
            clients.Add(Client.Register(ClientId.New(), name, phone, email, notes, now.AddDays(-random.Next(30, 700)), Seeder));
        }
        db.Clients.AddRange(clients);

        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var busy = new List<BusyPeriod>();
        for (var day = -7; day <= 7; day++)
        {
            var date = localToday.AddDays(day);
            foreach (var provider in providers)
            {
                var shift = provider.Shifts.FirstOrDefault(s => s.Day == date.DayOfWeek);
                if (shift is null)
                {
                    continue;
                }
                var cursor = date.ToDateTime(shift.From);
                var end = date.ToDateTime(shift.To);
                while (cursor < end)
                {
                    // About two thirds of the day booked, with gaps between clients.
                    if (random.NextDouble() < 0.35)
                    {
                        cursor = cursor.AddMinutes(30);
                        continue;
                    }
                    var serviceId = provider.Services[random.Next(provider.Services.Count)];
                    var service = all.First(s => s.Id == serviceId);
                    var localStart = cursor;
                    cursor = cursor.Add(service.Duration).AddMinutes(random.Next(3) * 15);
                    var start = new DateTimeOffset(localStart, zone.GetUtcOffset(localStart)).ToUniversalTime();
                    var client = clients[random.Next(clients.Count)];
                    var bookedAt = start.AddDays(-random.Next(1, 20)) < now ? start.AddDays(-random.Next(1, 20)) : now;
                    Appointment appointment;
                    try
                    {
                        appointment = Appointment.Book(AppointmentId.New(), client.Id, service, provider, start, zone, false, busy, null, bookedAt, Seeder);
                    }
                    catch (DomainException)
                    {
                        continue; // a room or machine is taken then: leave the gap
                    }
                    busy.Add(new BusyPeriod(appointment.Id, provider.Id, appointment.Resources.ToList(), appointment.Slot));
                    Progress(db, appointment, service, start, now, random);
                    db.Appointments.Add(appointment);
                }
            }
        }
    }

    /// <summary>Moves a seeded appointment along its lifecycle as far as its time allows.</summary>
    private static void Progress(DashboardDbContext db, Appointment appointment, Service service, DateTimeOffset start, DateTimeOffset now, Random random)
    {
        var end = appointment.End;
        var roll = random.NextDouble();
        if (start > now)
        {
            if (roll < 0.05)
            {
                appointment.Cancel("Client called to cancel.", now.AddHours(-random.Next(1, 48)) > appointment.BookedAt ? now.AddHours(-1) : appointment.BookedAt, Seeder);
            }
            return;
        }
        if (roll < 0.05)
        {
            appointment.MarkNoShow(start.AddMinutes(15), Seeder);
            return;
        }
        if (roll < 0.09)
        {
            appointment.Cancel("Client unwell.", start.AddHours(-3) > appointment.BookedAt ? start.AddHours(-3) : appointment.BookedAt, Seeder);
            return;
        }
        appointment.CheckIn(start.AddMinutes(-random.Next(0, 10)), Seeder);
        if (end > now)
        {
            return; // in treatment now
        }
        var invoice = Invoice.ForAppointment(InvoiceId.New(), appointment, service.Name, end);
        var total = service.Price.Amount;
        var payments = total == 0m
            ? new List<(PaymentMethod, decimal)>()
            : random.NextDouble() < 0.7 ? [(PaymentMethod.Card, total)] : [(PaymentMethod.Cash, total)];
        invoice.Settle(payments, end, Seeder);
        appointment.CheckOut(invoice, end, Seeder);
        db.Invoices.Add(invoice);
    }
}
