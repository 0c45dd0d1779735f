namespace FrontDesk.Dashboard;

/// <summary>The business this installation serves: bound from the "Business" configuration section.</summary>
public sealed class BusinessOptions
{
    public const string Section = "Business";

    public string Name { get; set; } = "Front Desk Live";

    /// <summary>IANA or Windows time zone id; instants are stored in UTC and shown in this zone.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>ISO 4217 code of the one currency the business sells in.</summary>
    public string Currency { get; set; } = "GBP";

    /// <summary>Culture for dates and numbers on every screen (e.g. en-GB, de-DE).</summary>
    public string Culture { get; set; } = "en-GB";

    /// <summary>First hour the calendar shows.</summary>
    public TimeOnly OpensAt { get; set; } = new(8, 0);

    /// <summary>Last hour the calendar shows.</summary>
    public TimeOnly ClosesAt { get; set; } = new(20, 0);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
