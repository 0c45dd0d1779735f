using FrontDesk.Dashboard.Errors;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Packages;

/// <summary>Settings > Packages: the redemption policy and the package templates (list, create, edit, disable).</summary>
public partial class PackageSettingsPage : ComponentBase, IDisposable
{
    [Inject] private FrontDesk.Dashboard.Store.Calendar.CalendarStore Store { get; set; } = default!;
    [Inject] private PackageQueries Queries { get; set; } = default!;
    [Inject] private PackageService Packages { get; set; } = default!;
    [Inject] private CatalogQueries Catalog { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private ILogger<PackageSettingsPage> Logger { get; set; } = default!;

    private IReadOnlyList<TemplateView>? _templates;
    private IReadOnlyList<ServiceView> _services = [];
    private IReadOnlyList<ProviderView> _providers = [];
    private TemplateDraft? _draft;
    private bool _busy;
    private string? _notice;
    private string? _error;
    private long _templateRevision;
    private string? _filter;

    private static readonly Dictionary<string, object> TableLabel = new() { ["aria-label"] = "Package templates" };

    /// <summary>One grid row: the template with the texts shown, so sorting and filtering work on what the desk reads.</summary>
    private sealed record TemplateRow(TemplateView Template, string Kind, string Value, string Expiry, int ExpiryDays);

    private IEnumerable<TemplateRow> Rows => (_templates ?? []).Select(t => new TemplateRow(t, KindText(t.Kind), ValueText(t), ExpiryText(t), ExpiryDays(t)));

    /// <summary>The toolbar's filter: a row stays when its name, kind or value contains what was typed.</summary>
    private Func<TemplateRow, bool> QuickFilter => row => string.IsNullOrWhiteSpace(_filter)
        || row.Template.Name.Contains(_filter.Trim(), StringComparison.CurrentCultureIgnoreCase)
        || row.Kind.Contains(_filter.Trim(), StringComparison.CurrentCultureIgnoreCase)
        || row.Value.Contains(_filter.Trim(), StringComparison.CurrentCultureIgnoreCase);

    protected override async Task OnInitializedAsync()
    {
        _services = await Catalog.ServicesAsync();
        _providers = await Catalog.ProvidersAsync();
        _templateRevision = Store.State.TemplateRevision;
        _templates = await Queries.TemplatesAsync();
        Store.StateChanged += OnStoreChanged;
    }

    /// <summary>A template changed at another screen: show the list as it is now.</summary>
    private void OnStoreChanged(FrontDesk.Dashboard.Store.Calendar.CalendarState state)
    {
        if (state.TemplateRevision == _templateRevision)
        {
            return;
        }
        _templateRevision = state.TemplateRevision;
        InvokeAsync(async () =>
        {
            _templates = await Queries.TemplatesAsync();
            StateHasChanged();
        }).Forget(Logger, "reloading the package templates");
    }

    public void Dispose() => Store.StateChanged -= OnStoreChanged;

    private void Open(TemplateDraft draft)
    {
        _draft = draft;
        _notice = null;
        _error = null;
    }

    private async Task OnSavedAsync(TemplateView saved)
    {
        _notice = _draft?.IsNew == true ? $"Created {saved.Name}." : $"Saved {saved.Name}.";
        _draft = null;
        _templates = await Queries.TemplatesAsync();
    }

    private async Task SetActiveAsync(TemplateView template, bool active)
    {
        _busy = true;
        _notice = null;
        _error = null;
        try
        {
            var saved = await Packages.SetTemplateActiveAsync(template.Id, active, Desk.Caller);
            _notice = active ? $"{saved.Name} is active again and can be sold." : $"{saved.Name} is disabled: no new sales; records already sold are not affected.";
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _templates = await Queries.TemplatesAsync();
            _busy = false;
        }
    }

    private static string KindText(PackageKind kind) => kind switch
    {
        PackageKind.Course => "Course",
        PackageKind.Fixed => "Fixed",
        _ => "Any from list",
    };

    private string ServiceName(Guid id) => _services.FirstOrDefault(s => s.Id == id)?.Name ?? "(removed service)";

    private string ValueText(TemplateView t)
    {
        if (t.Kind != PackageKind.AnyFromList)
        {
            return string.Join(", ", t.Lines.Select(l => $"{l.Count} × {ServiceName(l.ServiceId)}"));
        }
        var value = t.ValueType switch
        {
            PackageValueType.Sessions => $"{t.Value:0} appointments",
            PackageValueType.Minutes => $"{t.Value:0} minutes",
            PackageValueType.Amount => Clock.Money(t.Value),
            _ => "Unlimited",
        };
        var services = t.AllServices ? "all services" : string.Join(", ", t.ServiceIds.Select(ServiceName));
        return $"{value} of {services}";
    }

    private static int ExpiryDays(TemplateView t) => t.ExpiryLength is { } n ? (t.ExpiryUnit == ExpiryUnit.Months ? n * 31 : n) : int.MaxValue;

    private static string ExpiryText(TemplateView t) => t.ExpiryLength is { } n
        ? $"{n} {(t.ExpiryUnit == ExpiryUnit.Months ? (n == 1 ? "month" : "months") : (n == 1 ? "day" : "days"))}"
        : "None";
}
