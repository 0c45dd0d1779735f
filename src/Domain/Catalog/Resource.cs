using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Catalog;

/// <summary>What a resource is; a service needs one free resource of each kind among those it names.</summary>
public enum ResourceKind
{
    Room,
    Machine,
}

/// <summary>A room or machine that a service needs; it cannot be in two appointments at once.</summary>
public sealed class Resource : AggregateRoot
{
    public const int MaxNameLength = 80;

    private Resource() => Name = string.Empty;

    public Resource(ResourceId id, string name, ResourceKind kind = ResourceKind.Room)
    {
        Id = id;
        Name = Text.Required(name, "name", "Resource name", MaxNameLength);
        Kind = EnsureKind(kind);
        Active = true;
    }

    public ResourceId Id { get; private set; }
    public string Name { get; private set; }
    public ResourceKind Kind { get; private set; }

    /// <summary>An inactive resource is never given to a new appointment; the ones that had it keep it.</summary>
    public bool Active { get; private set; }

    public void Update(string name, ResourceKind kind, bool active)
    {
        var checkedName = Text.Required(name, "name", "Resource name", MaxNameLength);
        Kind = EnsureKind(kind);
        Name = checkedName;
        Active = active;
    }

    /// <summary>"Laser machine (Machine)", as refusals name it.</summary>
    public string Describe() => $"{Name} ({Kind})";

    private static ResourceKind EnsureKind(ResourceKind kind) =>
        Enum.IsDefined(kind) ? kind : throw DomainException.Invalid("A resource is a Room or a Machine.", "kind");
}
