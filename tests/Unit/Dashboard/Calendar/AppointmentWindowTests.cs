using FrontDesk.Dashboard.Calendar;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;

namespace FrontDesk.Tests.Unit.Dashboard.Calendar;

/// <summary>
/// The window read bounds Start from below (so the indexes read only the window, not the
/// history); since no appointment lasts longer than a service may, that bound loses nothing.
/// </summary>
public sealed class AppointmentWindowTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly Actor Desk = Actor.Staff("r1", "Rita");

    private static Appointment Booked(DateTimeOffset start, TimeSpan length)
    {
        var service = new Service(ServiceId.New(), "Any", length, new Money(10m, "GBP"), "Any");
        var provider = new Provider(ProviderId.New(), "Amira", [service.Id],
            Enum.GetValues<DayOfWeek>().Select(d => new WorkingShift(d, new TimeOnly(0, 0), new TimeOnly(23, 59))));
        return Appointment.Book(AppointmentId.New(), ClientId.New(), service, provider, start,
            AvailabilityContext.Of(TimeZoneInfo.Utc, []), overrideAvailability: true, null, Monday.AddDays(-30), Desk);
    }

    [Fact]
    public void Overlapping_TheLongestServiceStartedJustUnderItsLengthBefore_IsFound()
    {
        var from = Monday.AddDays(1).AddHours(12);
        var longest = Booked(from - Service.MaxDuration + TimeSpan.FromMinutes(1), Service.MaxDuration);
        var endsAtFrom = Booked(from - Service.MaxDuration, Service.MaxDuration);

        var found = new[] { longest, endsAtFrom }.AsQueryable().Overlapping(from, from.AddHours(1)).ToList();

        Assert.Equal([longest], found);
    }

    [Fact]
    public void Overlapping_RandomAppointmentsAndWindows_FindsExactlyThoseThatOverlap()
    {
        var random = new Random(20261201);
        for (var round = 0; round < 200; round++)
        {
            var appointments = Enumerable.Range(0, 30)
                .Select(_ => Booked(Monday.AddMinutes(random.Next(0, 4 * 24 * 60)), TimeSpan.FromMinutes(random.Next(1, (int)Service.MaxDuration.TotalMinutes + 1))))
                .ToList();
            var from = Monday.AddMinutes(random.Next(0, 4 * 24 * 60));
            var to = from.AddMinutes(random.Next(1, 3 * 24 * 60));

            var found = appointments.AsQueryable().Overlapping(from, to).Select(a => a.Id).ToHashSet();

            var expected = appointments.Where(a => a.Start < to && a.End > from).Select(a => a.Id).ToHashSet();
            Assert.Equal(expected, found);
        }
    }

    [Fact]
    public void Service_LongerThanMaxDuration_IsRefused()
    {
        Assert.Throws<DomainException>(() => new Service(ServiceId.New(), "Too long", Service.MaxDuration + TimeSpan.FromMinutes(1), new Money(10m, "GBP"), "Any"));
    }
}
