using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Support;
using FsCheck;
using FsCheck.Fluent;

namespace FrontDesk.Tests.Unit.Domain.Calendar;

/// <summary>
/// Random sequences of desk commands applied to one appointment. A small model says which
/// status each command is legal in and which commands must succeed; the aggregate must agree.
/// </summary>
public sealed class AppointmentLifecyclePropertiesTests
{
    private static readonly DateTimeOffset Start = A.At(8, 10); // Tuesday 10:00, London = UTC in January

    // ---- commands ----

    private abstract record Command(int StepMinutes);

    private sealed record CheckIn(int StepMinutes) : Command(StepMinutes);

    /// <summary>Pays <paramref name="CentsOff"/> cents more (or less) than the price, split cash/card.</summary>
    private sealed record CheckOut(int StepMinutes, int CentsOff, bool Split, bool SkipPayment) : Command(StepMinutes);

    private sealed record NoShow(int StepMinutes) : Command(StepMinutes);

    private sealed record Cancel(int StepMinutes, int ReasonLength) : Command(StepMinutes);

    /// <summary>To <paramref name="Hour"/>:00 on the same day, with provider 0 (Amira), 1 (Ben, also performs it) or 2 (Carl, does not).</summary>
    private sealed record Move(int StepMinutes, int Hour, int Provider, bool Clash, bool Override) : Command(StepMinutes);

    private static readonly Gen<int> Step = Gen.Choose(0, 90);

    private static readonly Gen<Command> AnyCommand = Gen.OneOf(
        Step.Select(s => (Command)new CheckIn(s)),
        Step.SelectMany(s => Gen.Elements(0, 0, 0, -1, 1, -500, 2500), (s, off) => (s, off))
            .SelectMany(t => Gen.Elements(true, false), (t, split) => (t.s, t.off, split))
            .SelectMany(t => Gen.Elements(false, false, false, true), (t, skip) => (Command)new CheckOut(t.s, t.off, t.split, skip)),
        Step.Select(s => (Command)new NoShow(s)),
        Step.SelectMany(s => Gen.Elements(0, 12, 250), (s, len) => (Command)new Cancel(s, len)),
        Step.SelectMany(s => Gen.Choose(6, 20), (s, h) => (s, h))
            .SelectMany(t => Gen.Choose(0, 2), (t, p) => (t.s, t.h, p))
            .SelectMany(t => Gen.Elements(false, false, true), (t, clash) => (t.s, t.h, t.p, clash))
            .SelectMany(t => Gen.Elements(false, true), (t, ov) => (Command)new Move(t.s, t.h, t.p, t.clash, ov)));

    private static readonly Arbitrary<(decimal Price, Command[] Commands)> Scenarios =
        Gen.Elements(0m, 45m, 60.50m)
            .SelectMany(_ => Gen.Choose(1, 14), (price, n) => (price, n))
            .SelectMany(t => Gen.ArrayOf(AnyCommand, t.n), (t, cmds) => (t.price, cmds))
            .ToArbitrary();

    // ---- the model ----

    private static bool LegalIn(AppointmentStatus status, Command command) => command switch
    {
        CheckIn or NoShow => status == AppointmentStatus.Booked,
        CheckOut or Cancel or Move => status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn,
        _ => false,
    };

    private static AppointmentStatus? SuccessStatus(AppointmentStatus before, Command command) => command switch
    {
        CheckIn => AppointmentStatus.CheckedIn,
        CheckOut => AppointmentStatus.Completed,
        NoShow => AppointmentStatus.NoShow,
        Cancel => AppointmentStatus.Cancelled,
        Move => before,
        _ => null,
    };

    /// <summary>Whether a command legal in the current status must also pass every other rule.</summary>
    private static bool MustSucceed(Command command, DateTimeOffset now, DateTimeOffset start, decimal price) => command switch
    {
        CheckIn => true,
        CheckOut c => !c.SkipPayment && c.CentsOff == 0,
        NoShow => now >= start,
        Cancel c => c.ReasonLength <= 200,
        Move m => m.Provider != 2 && !m.Clash && (m.Override || (m.Hour >= 8 && m.Hour + 1 <= 20))
            && new DateTimeOffset(Start.Date, TimeSpan.Zero).AddHours(m.Hour) >= now.AddDays(-1),
        _ => false,
    };

    // ---- running a scenario ----

    private sealed class World
    {
        public World(decimal price)
        {
            Service = A.Service("Massage", 60, price);
            var hours = A.EveryDay(new TimeOnly(8, 0), new TimeOnly(20, 0)).ToList();
            Providers =
            [
                new Provider(ProviderId.New(), "Amira", [Service.Id], hours),
                new Provider(ProviderId.New(), "Ben", [Service.Id], hours),
                new Provider(ProviderId.New(), "Carl", [], hours),
            ];
            Appointment = A.Booked(Service, Providers[0], Start, now: A.Now);
        }

        public Service Service { get; }
        public Provider[] Providers { get; }
        public Appointment Appointment { get; }
        public Invoice? SettledInvoice { get; private set; }

        public void Apply(Command command, DateTimeOffset now)
        {
            var a = Appointment;
            switch (command)
            {
                case CheckIn:
                    a.CheckIn(now, A.Desk);
                    break;
                case CheckOut c:
                    var invoice = Invoice.ForAppointment(InvoiceId.New(), a, Service.Name, now);
                    if (!c.SkipPayment)
                    {
                        var amount = a.Price.Amount + (c.CentsOff / 100m);
                        try
                        {
                            invoice.Settle(Payments(amount, c.Split), now, A.Desk);
                        }
                        catch (DomainException)
                        {
                            // A wrong total leaves the invoice open; the appointment must then refuse it.
                        }
                    }
                    a.CheckOut(invoice, now, A.Desk);
                    SettledInvoice = invoice;
                    break;
                case NoShow:
                    a.MarkNoShow(now, A.Desk);
                    break;
                case Cancel c:
                    a.Cancel(new string('r', c.ReasonLength), now, A.Desk);
                    break;
                case Move m:
                    var provider = Providers[m.Provider];
                    var newStart = new DateTimeOffset(Start.Date, TimeSpan.Zero).AddHours(m.Hour);
                    BusyPeriod[] busy = m.Clash
                        ? [new BusyPeriod(AppointmentId.New(), provider.Id, [], new Slot(newStart.AddMinutes(30), newStart.AddMinutes(90)))]
                        : [];
                    a.Move(Service, provider, newStart, A.London, m.Override, busy, now, A.Desk);
                    break;
            }
        }

        private static (PaymentMethod, decimal)[] Payments(decimal amount, bool split)
        {
            if (amount == 0m)
            {
                return [];
            }
            if (split && amount > 10m)
            {
                return [(PaymentMethod.Cash, 10m), (PaymentMethod.Card, amount - 10m)];
            }
            return [(PaymentMethod.Card, amount)];
        }
    }

    private static bool CompletedIsPaidInFull(World world)
    {
        var a = world.Appointment;
        if (a.Status != AppointmentStatus.Completed)
        {
            return a.InvoiceId is null;
        }
        var invoice = world.SettledInvoice;
        return invoice is not null
            && invoice.IsPaid
            && invoice.Id == a.InvoiceId
            && invoice.AppointmentId == a.Id
            && invoice.Payments.Aggregate(Money.Zero(a.Price.Currency), (sum, p) => sum + p.Money) == a.Price
            && a.CompletedAt is not null;
    }

    private static void Run((decimal Price, Command[] Commands) scenario, Action<World, Command, AppointmentSnapshot, AppointmentSnapshot, DomainException?, bool> check)
    {
        var world = new World(scenario.Price);
        var now = Start.AddHours(-2);
        foreach (var command in scenario.Commands)
        {
            now = now.AddMinutes(command.StepMinutes);
            var before = AppointmentSnapshot.Of(world.Appointment);
            var mustSucceed = LegalIn(before.Status, command) && MustSucceed(command, now, before.Start, scenario.Price);
            DomainException? refused = null;
            try
            {
                world.Apply(command, now);
            }
            catch (DomainException ex)
            {
                refused = ex;
            }
            check(world, command, before, AppointmentSnapshot.Of(world.Appointment), refused, mustSucceed);
        }
    }

    private static void Property(Func<(decimal Price, Command[] Commands), bool> holds) =>
        Prop.ForAll(Scenarios, holds).QuickCheckThrowOnFailure();

    [Fact]
    public void Commands_AnySequence_StatusOnlyFollowsLegalTransitions()
    {
        Property(scenario =>
        {
            var ok = true;
            Run(scenario, (_, command, before, after, refused, mustSucceed) =>
            {
                if (refused is null)
                {
                    ok &= LegalIn(before.Status, command) && after.Status == SuccessStatus(before.Status, command);
                }
                else
                {
                    ok &= !mustSucceed;
                    ok &= LegalIn(before.Status, command) || refused.Kind == DomainErrorKind.Conflict;
                }
            });
            return ok;
        });
    }

    [Fact]
    public void Commands_AnyRefusal_LeavesEveryPropertyUnchanged()
    {
        Property(scenario =>
        {
            var ok = true;
            Run(scenario, (_, _, before, after, refused, _) => ok &= refused is null || before == after);
            return ok;
        });
    }

    [Fact]
    public void Commands_AnySuccess_BumpsVersionAndRaisesOneEvent()
    {
        Property(scenario =>
        {
            var ok = true;
            Run(scenario, (_, _, before, after, refused, _) =>
                ok &= refused is not null || (after.Version == before.Version + 1 && after.EventCount == before.EventCount + 1));
            return ok;
        });
    }

    [Fact]
    public void Commands_AnySequence_CompletedAlwaysHasPaidInvoiceEqualToPrice()
    {
        Property(scenario =>
        {
            var ok = true;
            Run(scenario, (world, _, _, _, _, _) => ok &= CompletedIsPaidInFull(world));
            return ok;
        });
    }

    [Fact]
    public void Commands_AfterFinalStatus_NothingChangesAgain()
    {
        Property(scenario =>
        {
            var ok = true;
            AppointmentSnapshot? final = null;
            Run(scenario, (_, _, _, after, _, _) =>
            {
                if (final is not null)
                {
                    ok &= after == final;
                }
                else if (after.Status.IsFinal())
                {
                    final = after;
                }
            });
            return ok;
        });
    }
}
