namespace FrontDesk.Domain.Staff;

/// <summary>One shift of a provider on a weekday, in the business's local time.</summary>
public sealed record WorkingShift(DayOfWeek Day, TimeOnly From, TimeOnly To)
{
    public bool Covers(DayOfWeek day, TimeOnly start, TimeOnly end) => day == Day && start >= From && end <= To && start < end;
}
