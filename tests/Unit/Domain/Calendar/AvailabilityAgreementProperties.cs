using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Support;
using FsCheck;
using FsCheck.Fluent;

namespace FrontDesk.Tests.Unit.Domain.Calendar;

/// <summary>
/// Availability and booking agree exactly: for random schedules (intervals, breaks, days off,
/// closures), services (duration, buffer, a machine) and existing bookings, every start on the
/// grid that <see cref="Availability.Starts"/> lists books, and every one it leaves out is refused.
/// </summary>
public sealed class AvailabilityAgreementProperties
{
    private static readonly Resource Machine = new(ResourceId.New(), "Laser machine", ResourceKind.Machine);
    private static readonly Resource Room1 = new(ResourceId.New(), "Room 1", ResourceKind.Room);
    private static readonly Resource Room2 = new(ResourceId.New(), "Room 2", ResourceKind.Room);
    private static readonly Resource[] Resources = [Machine, Room1, Room2];

    /// <summary>A quiet Tuesday, and the two days London's clocks change.</summary>
    private static readonly DateOnly[] Dates = [new(2030, 1, 8), new(2030, 3, 31), new(2030, 10, 27)];

    private sealed record Hours(int StartQuarter, int LengthQuarters, int? BreakAfterQuarters, bool DayOff);

    private sealed record Booking(int Provider, int StartQuarter, int LengthQuarters, int Buffer, int Resources);

    private sealed record Scenario(int Date, Hours[] Providers, int DurationQuarters, int Buffer, int Needs, bool Closed, Booking[] Bookings);

    private static readonly Gen<Hours> AnyHours =
        from start in Gen.Choose(0, 60)
        from length in Gen.Choose(4, 40)
        from pause in Gen.Elements<int?>(null, null, 4, 8, 12)
        from off in Gen.Elements(false, false, false, false, true)
        select new Hours(start, length, pause, off);

    private static readonly Gen<Booking> AnyBooking =
        from provider in Gen.Choose(0, 2)
        from start in Gen.Choose(0, 92)
        from length in Gen.Choose(1, 8)
        from buffer in Gen.Elements(0, 0, 10, 15)
        from resources in Gen.Choose(0, 3)
        select new Booking(provider, start, length, buffer, resources);

    private static readonly Arbitrary<Scenario> Scenarios = (
        from date in Gen.Choose(0, Dates.Length - 1)
        from providers in Gen.ArrayOf(AnyHours, 3)
        from duration in Gen.Choose(1, 8)
        from buffer in Gen.Elements(0, 0, 5, 15, 30)
        from needs in Gen.Choose(0, 3)
        from closed in Gen.Elements(false, false, false, false, false, false, false, true)
        from count in Gen.Choose(0, 8)
        from bookings in Gen.ArrayOf(AnyBooking, count)
        select new Scenario(date, providers, duration, buffer, needs, closed, bookings)).ToArbitrary();

    /// <summary>0: none; 1: the machine; 2: a room (either); 3: the machine and a room.</summary>
    private static ResourceId[] Needs(int needs) => needs switch
    {
        1 => [Machine.Id],
        2 => [Room1.Id, Room2.Id],
        3 => [Machine.Id, Room1.Id, Room2.Id],
        _ => [],
    };

    private static DateTimeOffset Wall(DateOnly date, int quarter) =>
        Availability.Instant(date, TimeOnly.MinValue.AddMinutes(quarter * 15), A.London, first: true);

    [Fact]
    public void StartsAndBook_RandomSchedulesAndBookings_AgreeOnEveryGridStart()
    {
        Prop.ForAll(Scenarios, Agrees).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    private static bool Agrees(Scenario scenario)
    {
        var date = Dates[scenario.Date];
        var service = new Service(ServiceId.New(), "Treatment", TimeSpan.FromMinutes(15 * scenario.DurationQuarters), new Money(50m, "GBP"), "Testing", [], Needs(scenario.Needs), scenario.Buffer);
        var providers = scenario.Providers.Select((h, i) =>
        {
            var from = TimeOnly.MinValue.AddMinutes(h.StartQuarter * 15);
            var end = h.StartQuarter + h.LengthQuarters >= 96 ? TimeOnly.MaxValue : TimeOnly.MinValue.AddMinutes((h.StartQuarter + h.LengthQuarters) * 15);
            var breaks = h.BreakAfterQuarters is { } b && b + 2 < h.LengthQuarters
                ? new[] { new TimeRange(from.AddMinutes(b * 15), from.AddMinutes(b * 15 + 30)) }
                : [];
            var provider = new Provider(ProviderId.New(), $"Provider {i}", i == 2 ? [] : [service.Id], [new WorkingShift(date.DayOfWeek, from, end) { Breaks = breaks }]);
            if (h.DayOff)
            {
                provider.SetSchedule(provider.Shifts, [new ScheduleException(date, "Off")]);
            }
            return provider;
        }).ToList();
        var busy = scenario.Bookings.Select(b => new BusyPeriod(
            AppointmentId.New(), providers[b.Provider].Id, Needs(b.Resources).Take(b.Resources == 2 ? 1 : 2).ToList(),
            Slot.Starting(Wall(date, b.StartQuarter), TimeSpan.FromMinutes(15 * b.LengthQuarters))) { Buffer = TimeSpan.FromMinutes(b.Buffer) }).ToList();
        var closures = scenario.Closed ? [new BusinessClosure(date, "Holiday")] : Array.Empty<BusinessClosure>();
        var context = AvailabilityContext.Of(A.London, busy, Resources, closures);
        var now = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var listed = Availability.Starts(service, providers, date, date, context, now).Select(s => (s.ProviderId, s.Start.UtcDateTime)).ToHashSet();

        foreach (var start in Availability.GridStarts(date, Availability.DefaultStep, A.London))
        {
            foreach (var provider in providers)
            {
                bool books;
                try
                {
                    Appointment.Book(AppointmentId.New(), ClientId.New(), service, provider, start, context, false, null, now, A.Desk);
                    books = true;
                }
                catch (DomainException)
                {
                    books = false;
                }
                if (books != listed.Contains((provider.Id, start.UtcDateTime)))
                {
                    var why = Availability.Check(service, provider, Slot.Starting(start, service.Duration), context).Message;
                    throw new InvalidOperationException($"{provider.Name} at {start:O}: booking {(books ? "succeeds" : "is refused")} but the start is {(books ? "not listed" : "listed")} ({why}).");
                }
            }
        }
        return true;
    }

    /// <summary>
    /// Found by the property: London's autumn day, hours ending at 01:00 (its second occurrence),
    /// a start at the first 01:00 books, so it must be listed too.
    /// </summary>
    [Fact]
    public void StartsAndBook_AutumnDayStartAtFirstRepeatedHour_Agree()
    {
        Prop.ForAll(Scenarios, Agrees).Check(Config.QuickThrowOnFailure.WithReplay(10794235214790766714UL, 7000310017447467785UL, 98));
    }
}
