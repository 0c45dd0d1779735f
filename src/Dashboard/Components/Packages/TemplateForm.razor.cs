using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Packages;

/// <summary>
/// Creates or edits a package template of any kind. A refused save shows the domain's message
/// next to the form and leaves everything typed as it was.
/// </summary>
public partial class TemplateForm : ComponentBase
{
    private string _intent = FrontDesk.Dashboard.Data.IdempotencyScope.NewKey();

    private static readonly IReadOnlyList<Choice<PackageKind>> Kinds =
    [
        new(PackageKind.Course, "Course (one service × sessions)"),
        new(PackageKind.Fixed, "Fixed (a set mix of services)"),
        new(PackageKind.AnyFromList, "Any from list"),
    ];

    private static readonly IReadOnlyList<Choice<PackageValueType>> ValueTypes =
    [
        new(PackageValueType.Sessions, "Number of appointments"),
        new(PackageValueType.Minutes, "Duration (minutes)"),
        new(PackageValueType.Amount, "Amount (money)"),
        new(PackageValueType.Unlimited, "Unlimited"),
    ];

    private static readonly IReadOnlyList<DayOfWeek> WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly IReadOnlyList<Choice<TimeOnly?>> Times =
        [.. Enumerable.Range(0, 96).Select(i => new TimeOnly(0, 0).AddMinutes(i * 15)).Select(t => new Choice<TimeOnly?>(t, t.ToString("HH:mm")))];

    [Parameter, EditorRequired] public TemplateDraft Draft { get; set; } = default!;
    [Parameter, EditorRequired] public IReadOnlyList<ServiceView> Services { get; set; } = [];
    [Parameter, EditorRequired] public IReadOnlyList<ProviderView> Providers { get; set; } = [];
    [Parameter] public EventCallback<TemplateView> OnSaved { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }

    [Inject] private PackageService Packages { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;

    private TemplateDraft? _shown;
    private MudForm? _form;
    private MudTextField<string>? _nameBox;
    private string? _servicesError;
    private bool _focusName;
    private string _originalName = string.Empty;
    private DateTime? _newFixedDate;
    private string? _error;
    private bool _busy;

    private string Currency => Clock.Business.Currency;

    private string ValueLabel => Draft.ValueType switch
    {
        PackageValueType.Minutes => "Total minutes",
        PackageValueType.Amount => "Total amount",
        _ => "Number of appointments",
    };

    private string ValueUnit => Draft.ValueType switch
    {
        PackageValueType.Minutes => "minutes",
        PackageValueType.Amount => Currency,
        _ => "appointments",
    };

    /// <summary>What the sessions would cost one by one, so the desk sees the saving.</summary>
    private string? WorthHint
    {
        get
        {
            if (Draft.Kind == PackageKind.AnyFromList)
            {
                return null;
            }
            var worth = Draft.Lines.Sum(l => (Services.FirstOrDefault(s => s.Id == l.ServiceId)?.Price ?? 0m) * l.Count);
            return worth > 0m ? $"(worth {Clock.Money(worth)} one by one)" : null;
        }
    }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_shown, Draft))
        {
            _shown = Draft;
            _originalName = Draft.Name;
            _error = null;
            _newFixedDate = null;
            _servicesError = null;
            _focusName = true;
        }
    }

    /// <summary>Opening the form (new or another template) moves focus, and the view, to its first field.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusName && _nameBox is not null)
        {
            _focusName = false;
            try
            {
                await _nameBox.FocusAsync();
            }
            catch (Microsoft.JSInterop.JSException)
            {
                // the form closed before focus moved: nothing to do
            }
        }
    }

    private static string? NameError(string? name) => name?.Trim().Length > PackageTemplate.MaxNameLength
        ? $"Keep the name to {PackageTemplate.MaxNameLength} characters."
        : null;

    private void ToggleService(Guid id, bool on)
    {
        Draft.Services = on ? Draft.Services.Append(id).Distinct().ToList() : Draft.Services.Where(s => s != id).ToList();
        _servicesError = null;
    }

    private void OnKind(PackageKind kind)
    {
        var fresh = TemplateDraft.New(kind);
        Draft.Kind = kind;
        Draft.Lines = fresh.Lines;
        Draft.Value = fresh.Value;
        Draft.ValueType = PackageValueType.Sessions;
        _error = null;
    }

    private void ToggleDay(DayOfWeek day, bool on)
    {
        if (on)
        {
            Draft.Weekdays.Add(day);
        }
        else
        {
            Draft.Weekdays.Remove(day);
        }
    }

    private void AddFixedDate()
    {
        if (_newFixedDate is { } picked && !Draft.FixedDates.Contains(DateOnly.FromDateTime(picked)))
        {
            Draft.FixedDates.Add(DateOnly.FromDateTime(picked));
            Draft.FixedDates.Sort();
        }
        _newFixedDate = null;
    }

    /// <summary>Checks the fields first (messages next to them); only a valid form goes to the domain, whose refusal shows above the buttons.</summary>
    private async Task SaveAsync()
    {
        _error = null;
        _servicesError = Draft.Kind == PackageKind.AnyFromList && !Draft.AllServices && !Draft.Services.Any()
            ? "Choose the services it covers, or tick All services."
            : null;
        if (_form is not null)
        {
            await _form.ValidateAsync();
            if (!_form.IsValid || _servicesError is not null)
            {
                return;
            }
        }
        _busy = true;
        try
        {
            using var intent = FrontDesk.Dashboard.Data.IdempotencyScope.Begin(_intent); // renewed after each save: a double click saves once
            var command = Draft.ToCommand(Desk.Caller);
            var saved = Draft.Id is { } id
                ? await Packages.EditTemplateAsync(id, command)
                : await Packages.CreateTemplateAsync(command);
            _intent = FrontDesk.Dashboard.Data.IdempotencyScope.NewKey();
            await OnSaved.InvokeAsync(saved);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
