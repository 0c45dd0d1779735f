using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;

namespace FrontDesk.Tests.Unit.Support;

/// <summary>Small builders for domain objects, made through their real constructors.</summary>
public static class A
{
    public static readonly Actor Desk = Actor.Staff("desk-1", "Front desk 1");

    /// <summary>Monday 7 January 2030, 08:00 UTC (London is on UTC in January).</summary>
    public static readonly DateTimeOffset Now = new(2030, 1, 7, 8, 0, 0, TimeSpan.Zero);

    public static TimeZoneInfo London { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2030, 1, day, hour, minute, 0, TimeSpan.Zero);

    public static Service Service(string name = "Swedish massage", int minutes = 60, decimal price = 60m, params ResourceId[] resources) =>
        new(ServiceId.New(), name, TimeSpan.FromMinutes(minutes), new Money(price, "GBP"), "Massage", ["relax"], resources);

    public static IEnumerable<WorkingShift> EveryDay(TimeOnly from, TimeOnly to) =>
        Enum.GetValues<DayOfWeek>().Select(d => new WorkingShift(d, from, to));

    public static IEnumerable<WorkingShift> Weekdays(TimeOnly from, TimeOnly to) =>
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WorkingShift(d, from, to));

    /// <summary>A provider who performs the given services, Monday to Friday 09:00-17:00 unless told.</summary>
    public static Provider Provider(string name, IEnumerable<WorkingShift>? shifts, params Service[] performs) =>
        new(ProviderId.New(), name, performs.Select(s => s.Id), shifts ?? Weekdays(new(9, 0), new(17, 0)));

    public static Appointment Booked(Service service, Provider provider, DateTimeOffset start, IEnumerable<BusyPeriod>? busy = null, DateTimeOffset? now = null) =>
        Appointment.Book(AppointmentId.New(), ClientId.New(), service, provider, start, London, false, busy ?? [], null, now ?? Now, Desk);

    public static BusyPeriod Busy(Appointment a) => new(a.Id, a.ProviderId, a.Resources.ToList(), a.Slot);

    /// <summary>An invoice for the appointment, settled in full by card.</summary>
    public static Invoice PaidInvoice(Appointment appointment, DateTimeOffset now)
    {
        var invoice = Invoice.ForAppointment(InvoiceId.New(), appointment, "Service", now);
        invoice.Settle(appointment.Price.IsZero ? [] : [(PaymentMethod.Card, appointment.Price.Amount)], now, Desk);
        return invoice;
    }
}
