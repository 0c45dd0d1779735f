namespace FrontDesk.Domain.Common;

/// <summary>Something that happened to an aggregate; announced only after it is committed.</summary>
public abstract record DomainEvent(DateTimeOffset OccurredAt, Actor Actor);

/// <summary>Base for aggregates: records the domain events of the current command.</summary>
public abstract class AggregateRoot
{
    private readonly List<DomainEvent> _events = [];

    public IReadOnlyList<DomainEvent> DomainEvents => _events;

    protected void Raise(DomainEvent domainEvent) => _events.Add(domainEvent);

    public void ClearDomainEvents() => _events.Clear();
}
