namespace FrontDesk.Dashboard.Components;

/// <summary>
/// Accessible names for Radzen inputs that only pass attributes through InputAttributes. Only
/// screens not yet on MudBlazor use it (MudBlazor inputs take aria-label or a Label directly);
/// it goes when the last of them moves.
/// </summary>
public static class A11y
{
    public static IReadOnlyDictionary<string, object> Label(string name) => new Dictionary<string, object> { ["aria-label"] = name };
}
