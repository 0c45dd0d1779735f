using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;

namespace FrontDesk.Domain.Calendar;

/// <summary>
/// The rules every booking and move must pass, as <see cref="Availability.Check"/> decides them:
/// the service and provider are active, the provider performs the service and works then
/// (unless overridden), and neither the provider nor one resource of each kind the service
/// needs is already taken. <paramref name="busy"/> are the other live appointments that may overlap.
/// </summary>
public static class BookingRules
{
    /// <summary>The check with only a zone and the busy periods (no closures; each required resource needed as itself).</summary>
    public static SlotVerdict EnsureCanTake(
        Service service,
        Provider provider,
        Slot slot,
        TimeZoneInfo businessZone,
        bool overrideWorkingHours,
        IEnumerable<BusyPeriod> busy,
        AppointmentId? self = null) =>
        EnsureCanTake(service, provider, slot, AvailabilityContext.Of(businessZone, busy), overrideWorkingHours, self);

    /// <summary>
    /// Throws the verdict's refusal: a provider or resource clash as a conflict, anything else as
    /// a broken rule. Returns the verdict (the resources taken, the rules overridden).
    /// </summary>
    public static SlotVerdict EnsureCanTake(Service service, Provider provider, Slot slot, AvailabilityContext context, bool overrideAvailability, AppointmentId? self = null)
    {
        var verdict = Availability.Check(service, provider, slot, context, overrideAvailability, self);
        if (verdict.Bookable)
        {
            return verdict;
        }
        throw verdict.Reason switch
        {
            AvailabilityReason.ProviderBusy or AvailabilityReason.ResourceTaken => DomainException.Conflict(verdict.Message),
            AvailabilityReason.NotPerformed => DomainException.Rule(verdict.Message, "providerId"),
            AvailabilityReason.Inactive => DomainException.Rule(verdict.Message, service.Active ? "providerId" : "serviceId"),
            _ => DomainException.Rule(verdict.Message, "start"),
        };
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
