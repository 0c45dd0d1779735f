using FrontDesk.Domain.Catalog;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;

namespace FrontDesk.Dashboard.Catalog;

/// <summary>
/// Creates or replaces a service. <see cref="ProviderIds"/> edits who performs it, which is
/// kept on the providers (the one place that says so). <see cref="Colour"/> null keeps the
/// current colour (a new service takes one from the palette).
/// </summary>
public sealed record SaveService(
    string Name,
    string Activity,
    IReadOnlyList<string> Tags,
    int DurationMinutes,
    decimal Price,
    int BufferMinutes,
    IReadOnlyList<Guid> ResourceIds,
    IReadOnlyList<Guid> ProviderIds,
    bool BookableOnline,
    bool Active,
    string? Colour,
    Caller Caller)
{
    public Actor Actor => Caller.Actor;

    public string? IdempotencyKey { get; init; }
}

/// <summary>Creates or replaces a provider's profile; <see cref="Colour"/> and <see cref="Order"/> null keep (or default) them.</summary>
public sealed record SaveProvider(string Name, string? Title, IReadOnlyList<Guid> ServiceIds, bool Active, string? Colour, int? Order, Caller Caller)
{
    public Actor Actor => Caller.Actor;

    public string? IdempotencyKey { get; init; }
}

public sealed record SaveResource(string Name, ResourceKind Kind, bool Active, Caller Caller)
{
    public Actor Actor => Caller.Actor;

    public string? IdempotencyKey { get; init; }
}

/// <summary>Replaces a provider's weekly hours and dated exceptions at once.</summary>
public sealed record SetSchedule(Guid ProviderId, IReadOnlyList<WeeklyHoursView> Weekly, IReadOnlyList<ExceptionView> Exceptions, Caller Caller)
{
    public Actor Actor => Caller.Actor;
}

public sealed record AddClosure(DateOnly Date, string Reason, Caller Caller)
{
    public Actor Actor => Caller.Actor;

    public string? IdempotencyKey { get; init; }
}
