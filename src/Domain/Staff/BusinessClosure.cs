using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Staff;

/// <summary>A date the whole business is closed (a public holiday): no provider works then.</summary>
public sealed class BusinessClosure : AggregateRoot
{
    public const int MaxReasonLength = 120;

    private BusinessClosure() => Reason = string.Empty;

    public BusinessClosure(DateOnly date, string reason)
    {
        Date = date;
        Reason = Text.Required(reason, "reason", "The reason for the closure", MaxReasonLength);
    }

    public DateOnly Date { get; private set; }
    public string Reason { get; private set; }
}
