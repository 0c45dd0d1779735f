using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;

namespace FrontDesk.Domain.Calendar;

/// <summary>
/// The rules every booking and move must pass: the provider performs the service, works then
/// (unless a receptionist overrides), and neither the provider nor any required resource is
/// already taken. <paramref name="busy"/> are the other live appointments that may overlap.
/// </summary>
public static class BookingRules
{
    public static void EnsureCanTake(
        Service service,
        Provider provider,
        Slot slot,
        TimeZoneInfo businessZone,
        bool overrideWorkingHours,
        IEnumerable<BusyPeriod> busy,
        AppointmentId? self = null)
    {
        if (!provider.Performs(service.Id))
        {
            throw DomainException.Rule($"{provider.Name} does not perform {service.Name}.", "providerId");
        }

        if (!overrideWorkingHours)
        {
            var localStart = TimeZoneInfo.ConvertTime(slot.Start, businessZone).DateTime;
            var localEnd = TimeZoneInfo.ConvertTime(slot.End, businessZone).DateTime;
            if (!provider.Works(localStart, localEnd))
            {
                throw DomainException.Rule(
                    $"{provider.Name} is not working {localStart:ddd d MMM HH:mm}-{localEnd:HH:mm}. Tick \"book outside working hours\" to book anyway.",
                    "start");
            }
        }

        foreach (var other in busy)
        {
            if (other.AppointmentId == self || !other.Slot.Overlaps(slot))
            {
                continue;
            }
            if (other.ProviderId == provider.Id)
            {
                throw DomainException.Conflict($"{provider.Name} already has an appointment at that time.");
            }
            var shared = other.Resources.Intersect(service.RequiredResources).ToList();
            if (shared.Count > 0)
            {
                throw DomainException.Conflict($"A room or machine that {service.Name} needs is already taken at that time.");
            }
        }
    }

    /// <summary>
    /// A client cannot be in two places at once: another live appointment of the same client
    /// overlapping <paramref name="slot"/> is refused, unless the receptionist explicitly books
    /// both (a parent and child side by side, two providers for one long treatment); the
    /// appointment then records that override.
    /// </summary>
    public static void EnsureClientFree(ClientId client, Slot slot, TimeZoneInfo businessZone, bool overrideClientClash, IEnumerable<BusyPeriod> busy, AppointmentId? self = null)
    {
        if (overrideClientClash)
        {
            return;
        }
        if (busy.FirstOrDefault(b => b.ClientId == client && b.AppointmentId != self && b.Slot.Overlaps(slot)) is { } clash)
        {
            var from = TimeZoneInfo.ConvertTime(clash.Slot.Start, businessZone);
            var to = TimeZoneInfo.ConvertTime(clash.Slot.End, businessZone);
            throw DomainException.Conflict(
                $"This client already has an appointment {from:ddd d MMM HH:mm}-{to:HH:mm} that overlaps. Tick \"book anyway (client double-booked)\" to keep both.");
        }
    }
}
