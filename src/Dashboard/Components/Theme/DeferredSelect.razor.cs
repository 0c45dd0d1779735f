using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Theme;

/// <summary>
/// An outlined, dense <see cref="MudSelect{T}"/> that exists only while it is open. Closed, it is
/// the markup a closed MudSelect renders (the same classes, and an input with role combobox, the
/// same accessible name, in the tab order), about ten render-tree frames instead of some thirty
/// live components (items, popover, overlay, input, adornment) per select on every open screen.
/// A pointer press, Enter, Space or an arrow key on it mounts the real select and opens it; when
/// the real one closes (a choice, Escape, a click outside, Tab) the stand-in comes back, and takes
/// the focus again unless the focus went somewhere else.
/// </summary>
public partial class DeferredSelect<T> : ComponentBase
{
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter] public T Value { get; set; } = default!;

    [Parameter] public EventCallback<T> ValueChanged { get; set; }

    /// <summary>The visible label (the outline's legend).</summary>
    [Parameter] public string? Label { get; set; }

    /// <summary>The combobox's accessible name.</summary>
    [Parameter] public string? AriaLabel { get; set; }

    [Parameter] public string? Class { get; set; }

    /// <summary>The text shown for a value (as MudSelect's ToStringFunc).</summary>
    [Parameter] public Func<T?, string?>? ToStringFunc { get; set; }

    /// <summary>The <see cref="MudSelectItem{T}"/>s; rendered only while the select is open.</summary>
    [Parameter] public RenderFragment? ChildContent { get; set; }

    /// <summary>How often, and how many times at most, the just-opened select is checked for its items.</summary>
    private static readonly TimeSpan ItemsCheck = TimeSpan.FromMilliseconds(15);
    private const int ItemsChecks = 40;
    private readonly string _id = DeferredSelectIds.Next();
    private MudSelect<T>? _select;
    private ElementReference _standIn;
    private bool _mounted;
    private bool _openOnRender;
    private bool _focusStandIn;
    private string _outerClass = string.Empty;
    private string _inputClass = string.Empty;

    private string Text => (ToStringFunc is { } text ? text(Value) : Value?.ToString()) ?? string.Empty;

    protected override void OnParametersSet()
    {
        _outerClass = string.IsNullOrEmpty(Class)
            ? "mud-input-control mud-input-control-margin-dense mud-input-outlined-with-label mud-select"
            : "mud-input-control mud-input-control-margin-dense mud-input-outlined-with-label mud-select " + Class;
        // MudBlazor lifts the label into the outline (mud-shrink) when there is a value to show.
        _inputClass = string.IsNullOrEmpty(Text)
            ? "mud-input mud-input-outlined mud-input-outlined-with-label mud-input-adorned-end mud-input-margin-dense mud-typography-subtitle1 mud-select-input mud-input-sizing-fixed"
            : "mud-input mud-input-outlined mud-input-outlined-with-label mud-input-adorned-end mud-input-margin-dense mud-shrink mud-typography-subtitle1 mud-select-input mud-input-sizing-fixed";
    }

    private void OpenAsync(MouseEventArgs e)
    {
        if (e.Button == 0)
        {
            Mount();
        }
    }

    private void OnKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or "NumpadEnter" or " " or "ArrowDown" or "ArrowUp")
        {
            Mount();
        }
    }

    private void Mount()
    {
        if (_mounted)
        {
            return;
        }
        _mounted = true;
        _openOnRender = true;
    }

    private async Task OnChosenAsync(T value)
    {
        Value = value;
        await ValueChanged.InvokeAsync(value);
    }

    private void OnOpenChanged(bool open)
    {
        if (open || !_mounted)
        {
            return;
        }
        // Closed: the stand-in again (it renders after the select has finished closing).
        _mounted = false;
        _focusStandIn = true;
        StateHasChanged();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (_openOnRender && _select is not null)
            {
                _openOnRender = false;
                await _select.FocusAsync();
                await _select.OpenMenu();
                await HighlightChosenAsync(_select);
            }
            else if (_focusStandIn && !_mounted)
            {
                _focusStandIn = false;
                await JS.InvokeVoidAsync("frontDesk.focusIfLost", _standIn);
            }
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or ObjectDisposedException)
        {
            // The circuit went away, or the select with it.
        }
    }

    /// <summary>
    /// A select mounted and opened in one go opens before its items have registered (the list is
    /// rendered by the popover provider in a later render), so MudSelect finds no item for the value
    /// to highlight and the arrow keys would start from the top. Once the items are there, asking it
    /// to open again (it is open already: nothing else changes) makes it highlight the value. The
    /// check ends as soon as they are there, or after about 0.6 s, or when the select closed.
    /// </summary>
    private async Task HighlightChosenAsync(MudSelect<T> select)
    {
        for (var i = 0; i < ItemsChecks && _mounted && ReferenceEquals(select, _select); i++)
        {
            if (select.Items.Count > 0)
            {
                await select.OpenMenu();
                return;
            }
            await Task.Delay(ItemsCheck);
        }
    }
}

/// <summary>Ids for the stand-ins' inputs, unique across every type of <see cref="DeferredSelect{T}"/> (a generic type's statics are per type).</summary>
internal static class DeferredSelectIds
{
    private static long s_next;

    public static string Next() => "dsel" + Interlocked.Increment(ref s_next).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
