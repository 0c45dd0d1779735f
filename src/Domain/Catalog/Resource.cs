using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Catalog;

/// <summary>A room or machine that a service needs; it cannot be in two appointments at once.</summary>
public sealed class Resource : AggregateRoot
{
    private Resource() => Name = string.Empty;

    public Resource(ResourceId id, string name)
    {
        Id = id;
        Name = Text.Required(name, "name", "Resource name", 80);
    }

    public ResourceId Id { get; private set; }
    public string Name { get; private set; }
}
