using FrontDesk.Domain.Packages;

namespace FrontDesk.Dashboard.Packages;

/// <summary>
/// How the desk words what is on a package record, in one place for the record card on the
/// client profile and the receipt: money and minutes as "X used of Y", unlimited as "Unlimited
/// while valid", sessions by their circles.
/// </summary>
public static class PackageWording
{
    /// <summary>The record card's line: "7 free · 2 booked · 1 redeemed of 10", "30.00 GBP used of 200.00 GBP".</summary>
    public static string Summary(RecordView record, Func<decimal, string> money)
    {
        if (record.ValueType == PackageValueType.Unlimited)
        {
            return "Unlimited while valid";
        }
        if (record.Balance is { } b)
        {
            string U(decimal x) => record.ValueType == PackageValueType.Minutes ? $"{x:0} min" : money(x);
            return $"{U(b.Used)} used of {U(b.Total)}";
        }
        if (!record.CountBased)
        {
            return "Unlimited while valid";
        }
        if (record.Sessions.Count == 0)
        {
            return record.Status == RecordStatus.Cancelled ? "Nothing left: cancelled" : "No sessions left";
        }
        int Count(SessionState state) => record.Sessions.Count(s => s.State == state);
        return $"{Count(SessionState.Free)} free · {Count(SessionState.Booked)} booked · {Count(SessionState.Redeemed)} redeemed of {record.Sessions.Count}";
    }

    /// <summary>
    /// What remains, as a receipt says it: "7 of 10 sessions left" (sessions not yet redeemed;
    /// booked ones counted as left, as they are not used until the visit), otherwise as
    /// <see cref="Summary"/> words it.
    /// </summary>
    public static string Remaining(RecordView record, Func<decimal, string> money)
    {
        if (record.Status == RecordStatus.Cancelled)
        {
            return "Nothing left: cancelled";
        }
        if (record.CountBased && record.ValueType != PackageValueType.Unlimited && record.Sessions.Count > 0)
        {
            var left = record.Sessions.Count(s => s.State != SessionState.Redeemed);
            var booked = record.Sessions.Count(s => s.State == SessionState.Booked);
            var unit = record.Sessions.Count == 1 ? "session" : "sessions";
            return $"{left} of {record.Sessions.Count} {unit} left" + (booked > 0 ? $" ({booked} booked)" : string.Empty);
        }
        return Summary(record, money);
    }
}
