using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace FrontDesk.Dashboard.Components.Layout;

/// <summary>
/// The app bar, navigation and main area inside <c>MudLayout</c>, rendered again when the layout
/// that holds them renders (a new <see cref="Version"/>), not each time MudLayout renders itself.
/// A MudDrawer registers with MudLayout, and tells it of every breakpoint or width change, by
/// making it render again; MudLayout then re-runs its child content, and every component in it
/// renders once more, since their parameters are render fragments and so always count as changed.
/// On every open screen that was a second render tree for each of about a dozen components, and
/// the work of rendering them, for nothing: MudLayout's own classes are what follow the drawers,
/// and a drawer that changed renders itself.
/// </summary>
public sealed class RenderedWithLayout : ComponentBase
{
    [Parameter, EditorRequired] public RenderFragment ChildContent { get; set; } = default!;

    /// <summary>Bumped by the layout on each of its renders.</summary>
    [Parameter] public int Version { get; set; }

    private int _rendered;

    protected override bool ShouldRender() => _rendered != Version;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        _rendered = Version;
        builder.AddContent(0, ChildContent);
    }
}
