using FrontDesk.Dashboard.Calendar;

namespace FrontDesk.Dashboard.Live;

/// <summary>
/// What the live feed carries: a committed change, already turned into the read model that
/// screens show (computed once, where the change was made, not once per screen).
/// </summary>
public abstract record LiveEvent(DateTimeOffset At, string ActorName);

public enum AppointmentChange
{
    Booked,
    Moved,
    CheckedIn,
    CheckedOut,
    NoShow,
    Cancelled,
    PackageChanged,
}

public sealed record AppointmentChanged(AppointmentView Appointment, AppointmentChange Change, DateTimeOffset At, string ActorName) : LiveEvent(At, ActorName);

/// <summary>A package record changed (sold, booked, redeemed, released, frozen, cancelled...): screens showing it reload it.</summary>
public sealed record PackageRecordChangedLive(Guid RecordId, Guid ClientId, FrontDesk.Domain.Packages.LedgerKind Change, DateTimeOffset At, string ActorName) : LiveEvent(At, ActorName);

public sealed record PackageTemplateChangedLive(FrontDesk.Dashboard.Packages.TemplateView Template, DateTimeOffset At, string ActorName) : LiveEvent(At, ActorName);

/// <summary>Prepaid service credits were sold (from a quote or as single services): the sales screen's totals and the client's profile change.</summary>
public sealed record CreditsSoldLive(Guid ClientId, FrontDesk.Domain.Sales.CreditSource Source, int Count, decimal Total, string Currency, Guid? QuoteId, DateTimeOffset At, string ActorName) : LiveEvent(At, ActorName);

/// <summary>
/// A sale (or refund) was recorded or paid: the managers' sales screen recomputes, the client's
/// profile reloads what is owed and the sales list.
/// </summary>
public sealed record SaleRecordedLive(FrontDesk.Dashboard.Sales.SaleView Sale, DateTimeOffset At, string ActorName) : LiveEvent(At, ActorName);

/// <summary>A quote was created or changed: screens showing the client's quotes reload them.</summary>
public sealed record QuoteChangedLive(Guid QuoteId, Guid ClientId, DateTimeOffset At, string ActorName) : LiveEvent(At, ActorName);

public sealed record ClientRegisteredLive(Guid ClientId, string Name, DateTimeOffset At, string ActorName) : LiveEvent(At, ActorName);

/// <summary>What part of the clinic's set-up changed.</summary>
public enum CatalogPart
{
    Services,
    Providers,
    Schedules,
    Resources,
    Closures,
}

/// <summary>
/// A service, provider, schedule, resource or closure changed: desks reload their catalogue
/// (services, providers) and the calendar's working-hours shading. <see cref="Id"/> is the
/// changed item's, when there is one.
/// </summary>
public sealed record CatalogChanged(CatalogPart Part, Guid? Id, DateTimeOffset At, string ActorName) : LiveEvent(At, ActorName);

/// <summary>
/// Sent to a subscriber instead of the events it could not keep up with (its queue was full):
/// the screen reloads what it shows.
/// </summary>
public sealed record ResyncRequired(DateTimeOffset At) : LiveEvent(At, "System");

/// <summary>
/// The server is shutting down (a restart or an update): open screens say so before their
/// reconnection UI takes over. Published once, when the host begins to stop.
/// </summary>
public sealed record ServerRestarting(DateTimeOffset At) : LiveEvent(At, "System");
