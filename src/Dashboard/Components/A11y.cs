namespace FrontDesk.Dashboard.Components;

/// <summary>Accessible names for Radzen inputs that only pass attributes through InputAttributes.</summary>
public static class A11y
{
    public static IReadOnlyDictionary<string, object> Label(string name) => new Dictionary<string, object> { ["aria-label"] = name };
}
