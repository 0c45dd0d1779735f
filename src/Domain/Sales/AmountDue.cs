using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;

namespace FrontDesk.Domain.Sales;

/// <summary>
/// What an appointment costs at the desk, computed in this one place for the drawer, the API,
/// check-out and the demo data: the price, less what the prepaid record it is booked from pays,
/// or else less the best automatic package discount. All amounts round half away from zero.
/// </summary>
public static class AmountDue
{
    /// <summary>
    /// What a record pays of an appointment booked from it: all of it for a session-count or
    /// unlimited record, the booked minutes' share of the price for a minutes record, and the
    /// money taken (at most the price) for a money record.
    /// </summary>
    public static decimal PackageCovers(PackageRecord record, Coverage coverage, decimal price, TimeSpan duration) =>
        record.CountBased || record.IsUnlimited
            ? price
            : record.ValueType == PackageValueType.Minutes
                ? Math.Min(price, duration <= TimeSpan.Zero ? price : Money.Round(price * coverage.Units / (decimal)duration.TotalMinutes))
                : Math.Min(price, coverage.Units);

    /// <summary>The invoice's credit line for what the appointment's record pays (none when it pays nothing).</summary>
    public static InvoiceLine? PackageCredit(Appointment appointment, string recordName)
    {
        if (appointment.PackageRecordId is not { } recordId || appointment.PackageCovers == 0m)
        {
            return null;
        }
        var what = appointment.PackageSession is { } n ? $"{recordName}, session {n}" : recordName;
        return new InvoiceLine($"Paid from {what}", appointment.ServiceId, 1, -appointment.PackageCovers, appointment.Price.Currency, InvoiceLineKind.PackageCredit, recordId.Value);
    }

    /// <summary>The invoice's discount line for a template's automatic discount (none when it rounds to nothing).</summary>
    public static InvoiceLine? Discount(Appointment appointment, PackageTemplate? best)
    {
        if (best is null || best.DiscountPercent <= 0m)
        {
            return null;
        }
        var amount = Money.Percent(appointment.Price.Amount, best.DiscountPercent);
        return amount == 0m ? null : new InvoiceLine($"{best.Name}: {best.DiscountPercent:0.##}% off", appointment.ServiceId, 1, -amount, appointment.Price.Currency, InvoiceLineKind.Discount);
    }

    /// <summary>The invoice's credit line for a prepaid service credit: it pays the whole booked price.</summary>
    public static InvoiceLine? ServiceCredit(Appointment appointment, ServiceCredit credit) =>
        appointment.Price.Amount == 0m
            ? null
            : new InvoiceLine($"Paid from prepaid {credit.ServiceName}", appointment.ServiceId, 1, -appointment.Price.Amount, appointment.Price.Currency, InvoiceLineKind.ServiceCredit);

    /// <summary>The invoice's credit line for a membership visit used on the appointment: a visit pays the whole booked price.</summary>
    public static InvoiceLine? MembershipCredit(Appointment appointment, string membershipCode) =>
        appointment.Price.Amount == 0m
            ? null
            : new InvoiceLine($"Paid from membership {membershipCode}", appointment.ServiceId, 1, -appointment.Price.Amount, appointment.Price.Currency, InvoiceLineKind.MembershipCredit);

    /// <summary>
    /// The credits of a check-out: the record's payment if it is booked from one, otherwise the
    /// visit of a membership used on it (<paramref name="membershipCode"/>), otherwise a prepaid
    /// service credit of the client for that service, otherwise the best discount.
    /// </summary>
    public static IReadOnlyList<InvoiceLine> Credits(Appointment appointment, string? recordName, PackageTemplate? bestDiscount, ServiceCredit? serviceCredit = null, string? membershipCode = null)
    {
        var credit = appointment.PackageRecordId is not null
            ? PackageCredit(appointment, recordName ?? "the package")
            : membershipCode is not null
                ? MembershipCredit(appointment, membershipCode)
                : serviceCredit is not null
                    ? ServiceCredit(appointment, serviceCredit)
                    : Discount(appointment, bestDiscount);
        return credit is null ? [] : [credit];
    }

    /// <summary>The amount left to pay: the price plus the (negative) credits, never below zero.</summary>
    public static decimal Of(Appointment appointment, IReadOnlyList<InvoiceLine> credits) =>
        Math.Max(0m, appointment.Price.Amount + credits.Sum(c => c.UnitPrice * c.Quantity));
}
