namespace FrontDesk.Dashboard.Components.Theme;

/// <summary>
/// Classes of MudButton markup written out by hand (button groups drawn as markup, not as one
/// component per button, on screens every desk keeps open).
/// </summary>
public static class ButtonMarkup
{
    /// <summary>
    /// A small primary MudButton's classes: filled when it is the one chosen, outlined otherwise (a
    /// toggle in a button group that keeps its buttons' own styles).
    /// </summary>
    public static string ToggleClass(bool chosen) => chosen
        ? "mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-small mud-ripple"
        : "mud-button-root mud-button mud-button-outlined mud-button-outlined-primary mud-button-outlined-size-small mud-ripple";
}
