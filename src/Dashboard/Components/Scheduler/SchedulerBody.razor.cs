using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Scheduler;

/// <summary>
/// The scheduler's changing part: the day grid with its keyed blocks, or (on a narrow screen)
/// the agenda list, never both. It renders again only when its owner says something it shows
/// changed (<see cref="Version"/>) or after its own events, so a live change to the items
/// re-renders this part alone, not the toolbar, legend or filters around it.
/// </summary>
public partial class SchedulerBody : ComponentBase
{
    [Parameter, EditorRequired] public Scheduler Owner { get; set; } = default!;

    /// <summary>Bumped by the owner whenever what this part shows changed.</summary>
    [Parameter] public long Version { get; set; }

    private long _renderedVersion = -1;
    private bool _skip;

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    protected override void OnParametersSet()
    {
        _skip = Version == _renderedVersion;
        _renderedVersion = Version;
    }

    protected override bool ShouldRender()
    {
        var skip = _skip;
        _skip = false;
        return !skip;
    }

    /// <summary>Renders this part again (the owner's items, time or drag state changed).</summary>
    internal void Refresh(long version)
    {
        _renderedVersion = version;
        _skip = false;
        StateHasChanged();
    }

    protected override Task OnAfterRenderAsync(bool firstRender) => Owner.BodyRenderedAsync();
}
