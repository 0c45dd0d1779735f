using FrontDesk.Dashboard.Audit;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Audit;

/// <summary>
/// The managers' audit screen: every recorded change, newest first, a page at a time from the
/// database; filters by person, command, object and days; each row opens its fields before and
/// after; "Download CSV" gives the filtered rows. Read only.
/// </summary>
public partial class AuditTrailPage : ComponentBase
{
    private static readonly int[] PageSizes = [25, 50, 100];
    private static readonly Dictionary<string, object> TableLabel = new() { ["aria-label"] = "Audit trail entries" };

    [Inject] private AuditQueries Audit { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private MudDataGrid<AuditView>? _grid;
    private string? _actor;
    private string? _command;
    private string? _objectType;
    private string? _objectId;
    private DateTime? _from;
    private DateTime? _to;
    private AuditFilter _filter = AuditFilter.None;
    private string? _error;

    /// <summary>The CSV of the rows the filters show now (all pages).</summary>
    private string CsvLink => AuditEndpoints.DownloadPath.TrimStart('/') + AuditEndpoints.Query(_filter);

    private async Task OnFilterAsync(Action set)
    {
        set();
        try
        {
            _filter = new AuditFilter(_actor, _command, _objectType, _objectId,
                _from is { } f ? DateOnly.FromDateTime(f) : null,
                _to is { } t ? DateOnly.FromDateTime(t) : null).Validated();
            _error = null;
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private Task ClearAsync() => OnFilterAsync(() =>
    {
        _actor = _command = _objectType = _objectId = null;
        _from = _to = null;
    });

    private async Task<GridData<AuditView>> LoadAsync(GridState<AuditView> state, CancellationToken ct)
    {
        if (_error is not null)
        {
            return new GridData<AuditView> { Items = [], TotalItems = 0 };
        }
        try
        {
            var page = await Audit.PageAsync(_filter, state.Page, state.PageSize, ct);
            return new GridData<AuditView> { Items = page.Items, TotalItems = page.Total };
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            return new GridData<AuditView> { Items = [], TotalItems = 0 };
        }
    }
}
