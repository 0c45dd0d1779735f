using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Quotes;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using FrontDesk.Dashboard.Business;

namespace FrontDesk.Dashboard.Data.Demo;

/// <summary>
/// A realistic small clinic for trying the product: 6 providers (with lunch breaks, one with a
/// day off this week), 30 services in 6 activities, three rooms and a laser machine (the
/// physio room is needed by five services, the laser by four), 200 clients and two weeks of
/// appointments around today. Written only into an empty
/// database, through the same domain methods the desk uses, so it obeys every rule.
/// </summary>
public static class DemoData
{
    private static readonly Actor Seeder = Actor.System;

    public static async Task SeedIfEmptyAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        var business = services.GetRequiredService<BusinessProfileStore>().Current;
        var clock = services.GetRequiredService<TimeProvider>();
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Services.AnyAsync(ct) || await db.Clients.AnyAsync(ct))
        {
            return;
        }
        Build(db, business, clock.GetUtcNow());
        await NumberSalesAsync(db, business, ct);
        // The demo clinic is set up: Development and the E2E suites never see the first-run wizard.
        await BusinessProfileStore.MarkSetupDoneAsync(db, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// The demo's sales take invoice numbers from the Invoice sequence in the order they were
    /// made, as the desk's own would have (receipts, the profile and the review show numbers).
    /// </summary>
    private static async Task NumberSalesAsync(DashboardDbContext db, BusinessProfile business, CancellationToken ct)
    {
        var sequence = await db.NumberingSequences.SingleOrDefaultAsync(s => s.Kind == SequenceKind.Invoice, ct);
        if (sequence is null)
        {
            return;
        }
        foreach (var invoice in db.Invoices.Local.OrderBy(i => i.IssuedAt))
        {
            invoice.AssignNumber(sequence.Take(TimeZoneInfo.ConvertTime(invoice.IssuedAt, business.Zone).Year));
        }
    }

    private static void Build(DashboardDbContext db, BusinessProfile business, DateTimeOffset now)
    {
        var random = new Random(20261122);
        var currency = business.Currency;
        var zone = business.Zone;

        var laser = new Resource(ResourceId.New(), "Laser machine", ResourceKind.Machine);
        var roomA = new Resource(ResourceId.New(), "Treatment room A", ResourceKind.Room);
        var roomB = new Resource(ResourceId.New(), "Treatment room B", ResourceKind.Room);
        var studio = new Resource(ResourceId.New(), "Gym studio", ResourceKind.Room);
        var resources = new[] { laser, roomA, roomB, studio };
        db.Resources.AddRange(resources);

        // The laser is cleaned for 15 minutes after each treatment.
        Service S(string name, int minutes, decimal price, string activity, string[] tags, params Resource[] needs) =>
            new(ServiceId.New(), name, TimeSpan.FromMinutes(minutes), new Money(price, currency), activity, tags, needs.Select(r => r.Id),
                bufferMinutes: needs.Contains(laser) ? 15 : 0);

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

        // Everyone has half an hour for lunch in the middle of the day.
        static IEnumerable<WorkingShift> Days(TimeOnly from, TimeOnly to, params DayOfWeek[] days)
        {
            var lunch = from.AddMinutes((int)((to - from).TotalMinutes / 2) / 30 * 30);
            return days.Select(d => new WorkingShift(d, from, to) { Breaks = [new TimeRange(lunch, lunch.AddMinutes(30))] });
        }
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
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        // Amira is on a training day two days from now.
        providers[0].SetSchedule(providers[0].Shifts, [new ScheduleException(localToday.AddDays(2), "Training day")]);
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

        var soldAt = now.AddDays(-20);
        AddProducts(db, massage, fitness, clients, currency, soldAt, localToday.AddDays(-20));
        var packages = SellPackages(db, clients, massage, lasers, beauty, physio, fitness, currency, soldAt, localToday.AddDays(-20), random);
        var templates = packages.Select(p => p.Template).Distinct().ToDictionary(t => t.Id);
        var byClient = packages.ToLookup(p => p.Record.ClientId, p => p.Record);
        var busy = new List<BusyPeriod>();
        var closures = new Dictionary<DateOnly, BusinessClosure>();
        for (var day = -7; day <= 7; day++)
        {
            var date = localToday.AddDays(day);
            foreach (var (provider, part) in providers.SelectMany(p => Availability.Day(p, date, closures).Hours.SelectMany(h => h.WorkingParts()).Select(part => (p, part))))
            {
                var cursor = date.ToDateTime(part.From);
                var end = date.ToDateTime(part.To);
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
                    // A third of the slots go to clients holding a package that covers the service.
                    var holders = packages.Where(p => p.Template.Covers(service.Id)).Select(p => p.Record.ClientId).ToList();
                    var holder = holders.Count > 0 && random.NextDouble() < 0.33 ? holders[random.Next(holders.Count)] : (ClientId?)null;
                    var client = holder is { } h ? clients.First(c => c.Id == h) : clients[random.Next(clients.Count)];
                    var bookedAt = start.AddDays(-random.Next(1, 20)) < now ? start.AddDays(-random.Next(1, 20)) : now;
                    Appointment appointment;
                    try
                    {
                        appointment = Appointment.Book(AppointmentId.New(), client.Id, service, provider, start, AvailabilityContext.Of(zone, busy, resources), false, null, bookedAt, Seeder);
                    }
                    catch (DomainException)
                    {
                        continue; // a room or machine is taken then, or it would run past the shift or into lunch: leave the gap
                    }
                    busy.Add(new BusyPeriod(appointment.Id, provider.Id, appointment.Resources.ToList(), appointment.Slot) { Buffer = service.Buffer });
                    var use = new PackageUse(appointment.Id.Value, service.Id, provider.Id, localStart, localStart.Add(service.Duration), service.Price.Amount);
                    var record = byClient[client.Id].FirstOrDefault(r => r.Refuse(templates[r.TemplateId], use) is null);
                    if (record is not null)
                    {
                        // Booked before the package was bought: the desk turned it into a course booking afterwards.
                        var usedAt = bookedAt < soldAt ? soldAt.AddHours(1) : bookedAt;
                        var coverage = record.Book(templates[record.TemplateId], use, null, RedemptionPolicy.AtCheckOut, usedAt, Seeder);
                        var covers = AmountDue.PackageCovers(record, coverage, service.Price.Amount, service.Duration);
                        appointment.UsePackage(record.Id, coverage.SessionNumber, covers, usedAt, Seeder);
                    }
                    Progress(db, appointment, service, start, now, random, record);
                    db.Appointments.Add(appointment);
                }
            }
        }
    }

    private static void Release(Appointment appointment, PackageRecord? record, DateTimeOffset at, string why)
    {
        if (record is null)
        {
            return;
        }
        record.Release(appointment.Id.Value, at, Seeder, why);
        appointment.DropPackage(at, Seeder);
    }

    /// <summary>Five package templates and about thirty records sold three weeks ago.</summary>
    /// <summary>A retail product and two membership types with stock, and two memberships sold (one to a client, one a bearer gift).</summary>
    private static void AddProducts(DashboardDbContext db, Service[] massage, Service[] fitness, List<Client> clients, string currency, DateTimeOffset soldAt, DateOnly soldOn)
    {
        var cream = FrontDesk.Domain.Memberships.Product.Create(FrontDesk.Domain.Memberships.ProductId.New(), "Hand cream 50 ml", new Money(12.50m, currency), null);
        var massagePass = FrontDesk.Domain.Memberships.Product.Create(FrontDesk.Domain.Memberships.ProductId.New(), "Massage membership (10 visits)", new Money(450m, currency),
            FrontDesk.Domain.Memberships.MembershipTerms.Create(180, FrontDesk.Domain.Memberships.ValidityStart.Sale, massage.Select(s => s.Id.Value).ToList(), 10, null));
        var gymPass = FrontDesk.Domain.Memberships.Product.Create(FrontDesk.Domain.Memberships.ProductId.New(), "Gym month (unlimited)", new Money(60m, currency),
            FrontDesk.Domain.Memberships.MembershipTerms.Create(30, FrontDesk.Domain.Memberships.ValidityStart.FirstUse, fitness.Select(s => s.Id.Value).ToList(), null, null));
        var products = new[] { cream, massagePass, gymPass };
        db.Products.AddRange(products);
        db.InventoryDocuments.Add(FrontDesk.Domain.Memberships.InventoryDocument.Arrival(FrontDesk.Domain.Memberships.InventoryDocumentId.New(),
            [(cream, 24), (massagePass, 20), (gymPass, 30)], "Opening stock", soldAt.AddDays(-1), Seeder));
        var lines = new[]
        {
            new FrontDesk.Domain.Memberships.SaleLine(massagePass, 1, FrontDesk.Domain.Memberships.MembershipCode.Parse("MASSAGE-0001"), clients[0].Id.Value),
            new FrontDesk.Domain.Memberships.SaleLine(gymPass, 1, FrontDesk.Domain.Memberships.MembershipCode.Parse("GIFT-GYM-01"), null),
        };
        var sale = FrontDesk.Domain.Memberships.InventoryDocument.Sale(FrontDesk.Domain.Memberships.InventoryDocumentId.New(), lines,
            [(PaymentMethod.Card, 510m)], clients[0].Id.Value, null, false, soldAt, Seeder);
        db.InventoryDocuments.Add(sale);
        foreach (var line in lines)
        {
            db.Memberships.Add(FrontDesk.Domain.Memberships.Membership.Sell(FrontDesk.Domain.Memberships.MembershipId.New(), line.Product, line.Code!.Value, line.HolderClientId, sale.Id, soldAt, soldOn, Seeder));
        }
    }

    private static List<(PackageTemplate Template, PackageRecord Record)> SellPackages(
        DashboardDbContext db, List<Client> clients, Service[] massage, Service[] lasers, Service[] beauty, Service[] physio, Service[] fitness,
        string currency, DateTimeOffset soldAt, DateOnly soldOn, Random random)
    {
        PackageTemplate T(string name, PackageKind kind, PackageValueType value, PackageLine[] lines, Service[] any, decimal worth, decimal price, Expiry? expiry, decimal discount = 0m) =>
            PackageTemplate.Create(PackageTemplateId.New(), new TemplateTerms(name, kind, value, lines, any.Select(s => s.Id).ToList(), false, worth, new Money(price, currency), discount, true, null, expiry, UsageRestrictions.None), soldAt, Seeder);
        var templates = new[]
        {
            T("Laser legs course", PackageKind.Course, PackageValueType.Sessions, [new PackageLine(lasers[0].Id, 6)], [], 0m, 600m, new Expiry(12, ExpiryUnit.Months)),
            T("Massage trio", PackageKind.Fixed, PackageValueType.Sessions, [new PackageLine(massage[0].Id, 1), new PackageLine(massage[3].Id, 2)], [], 0m, 170m, new Expiry(3, ExpiryUnit.Months)),
            T("Beauty credit 300", PackageKind.AnyFromList, PackageValueType.Amount, [], beauty, 300m, 250m, new Expiry(6, ExpiryUnit.Months), 10m),
            T("Physio 4 hours", PackageKind.AnyFromList, PackageValueType.Minutes, [], physio, 240m, 260m, null),
            T("Personal training x10", PackageKind.Course, PackageValueType.Sessions, [new PackageLine(fitness[0].Id, 10)], [], 0m, 450m, new Expiry(4, ExpiryUnit.Months)),
        };
        db.PackageTemplates.AddRange(templates);
        var sold = new List<(PackageTemplate, PackageRecord)>();
        foreach (var client in clients.OrderBy(_ => random.Next()).Take(30))
        {
            var template = templates[random.Next(templates.Length)];
            var recordId = PackageRecordId.New();
            var invoice = Invoice.ForPackage(InvoiceId.New(), client.Id, template.Name, recordId.Value, template.Price, soldAt);
            invoice.Settle([(random.Next(2) == 0 ? PaymentMethod.Card : PaymentMethod.Cash, template.Price.Amount)], soldAt, Seeder);
            db.Invoices.Add(invoice);
            var record = PackageRecord.Acquire(recordId, template, client.Id, AcquisitionMode.Paid, null, invoice.Id, soldAt, soldOn, Seeder);
            db.PackageRecords.Add(record);
            sold.Add((template, record));
        }
        return sold;
    }

    /// <summary>Moves a seeded appointment along its lifecycle as far as its time allows.</summary>
    private static void Progress(DashboardDbContext db, Appointment appointment, Service service, DateTimeOffset start, DateTimeOffset now, Random random, PackageRecord? record)
    {
        var end = appointment.End;
        var roll = random.NextDouble();
        if (start > now)
        {
            if (roll < 0.05)
            {
                var at = now.AddHours(-1) > appointment.BookedAt ? now.AddHours(-1) : appointment.BookedAt;
                appointment.Cancel("Client called to cancel.", at, Seeder);
                Release(appointment, record, at, "appointment cancelled");
            }
            return;
        }
        if (roll < 0.05)
        {
            appointment.MarkNoShow(start.AddMinutes(15), Seeder);
            Release(appointment, record, start.AddMinutes(15), "no-show");
            return;
        }
        if (roll < 0.09)
        {
            var at = start.AddHours(-3) > appointment.BookedAt ? start.AddHours(-3) : appointment.BookedAt;
            appointment.Cancel("Client unwell.", at, Seeder);
            Release(appointment, record, at, "appointment cancelled");
            return;
        }
        appointment.CheckIn(start.AddMinutes(-random.Next(0, 10)), Seeder);
        if (end > now)
        {
            return; // in treatment now
        }
        record?.Redeem(appointment.Id.Value, end, Seeder);
        var credits = AmountDue.Credits(appointment, record?.Name, null);
        var invoice = Invoice.ForAppointment(InvoiceId.New(), appointment, service.Name, end, credits);
        var total = AmountDue.Of(appointment, credits);
        var payments = total == 0m
            ? new List<(PaymentMethod, decimal)>()
            : random.NextDouble() < 0.7 ? [(PaymentMethod.Card, total)] : [(PaymentMethod.Cash, total)];
        invoice.Settle(payments, end, Seeder);
        appointment.CheckOut(invoice, end, Seeder);
        db.Invoices.Add(invoice);
    }
}
