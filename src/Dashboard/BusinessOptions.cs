namespace FrontDesk.Dashboard;

/// <summary>
/// The "Business" configuration section: only the values a new installation starts with. Once
/// the database holds the business settings (the first start writes these there), the database
/// wins; read the current values from <see cref="Business.BusinessProfileStore"/> (or
/// <see cref="BusinessClock.Business"/>), never from here.
/// </summary>
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

    /// <summary>Opening time of every weekday at first run.</summary>
    public TimeOnly OpensAt { get; set; } = new(8, 0);

    /// <summary>Closing time of every weekday at first run.</summary>
    public TimeOnly ClosesAt { get; set; } = new(20, 0);
}
