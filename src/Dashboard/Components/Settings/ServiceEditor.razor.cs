using FrontDesk.Dashboard.Catalog;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Settings;

/// <summary>Creates or edits a service; closes with the saved <see cref="ServiceView"/>, or with <see cref="Deleted"/> after a delete.</summary>
public partial class ServiceEditor : ComponentBase
{
    private readonly string _intent = FrontDesk.Dashboard.Data.IdempotencyScope.NewKey();

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject] private CatalogService Catalog { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;

    /// <summary>The service to edit; null for a new one.</summary>
    [Parameter] public ServiceView? Service { get; set; }

    [Parameter] public IReadOnlyList<ProviderView> Providers { get; set; } = [];

    [Parameter] public IReadOnlyList<ResourceView> Resources { get; set; } = [];

    private MudForm? _form;
    private string _name = string.Empty;
    private string _activity = string.Empty;
    private int _duration = 60;
    private decimal _price;
    private int _buffer;
    private string? _colour;
    private IReadOnlyCollection<Guid> _providerIds = [];
    private IReadOnlyCollection<Guid> _resourceIds = [];
    private string _tags = string.Empty;
    private bool _online = true;
    private bool _active = true;
    private bool _saving;
    private string? _error;

    protected override void OnInitialized()
    {
        if (Service is { } s)
        {
            _name = s.Name;
            _activity = s.Activity;
            _duration = s.DurationMinutes;
            _price = s.Price;
            _buffer = s.BufferMinutes;
            _colour = s.Colour;
            _providerIds = s.ProviderIds.ToHashSet();
            _resourceIds = s.RequiredResourceIds.ToHashSet();
            _tags = string.Join(", ", s.Tags);
            _online = s.BookableOnline;
            _active = s.Active;
        }
    }

    private static string? NameError(string? name) =>
        name?.Trim().Length > FrontDesk.Domain.Catalog.Service.MaxNameLength ? $"A name has at most {FrontDesk.Domain.Catalog.Service.MaxNameLength} characters." : null;

    private static string? DurationError(int minutes) => minutes is < 5 or > 720 ? "A service lasts 5 to 720 minutes." : null;

    private static string? PriceError(decimal price) => price < 0 ? "The price cannot be negative." : null;

    private static string? BufferError(int minutes) =>
        minutes is < 0 or > FrontDesk.Domain.Catalog.Service.MaxBufferMinutes ? $"The buffer is 0 to {FrontDesk.Domain.Catalog.Service.MaxBufferMinutes} minutes." : null;

    private async Task SaveAsync()
    {
        _error = null;
        if (_form is not null)
        {
            await _form.ValidateAsync();
            if (!_form.IsValid)
            {
                _error = "Check the fields marked in red.";
                return;
            }
        }
        _saving = true;
        try
        {
            using var intent = FrontDesk.Dashboard.Data.IdempotencyScope.Begin(_intent); // one key per opened editor: a double click saves once
            var tags = _tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var command = new SaveService(_name, _activity, tags, _duration, _price, _buffer, _resourceIds.ToList(), _providerIds.ToList(), _online, _active, _colour, Desk.Caller);
            var saved = Service is { } existing
                ? await Catalog.UpdateServiceAsync(existing.Id, command)
                : await Catalog.CreateServiceAsync(command);
            Dialog.Close(DialogResult.Ok(saved));
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DeleteAsync()
    {
        if (Service is not { } existing)
        {
            return;
        }
        _error = null;
        _saving = true;
        try
        {
            await Catalog.DeleteServiceAsync(existing.Id, Desk.Caller);
            Dialog.Close(DialogResult.Ok(new Deleted(existing.Name)));
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private void Cancel() => Dialog.Cancel();

    /// <summary>What the dialog closes with after a delete.</summary>
    public sealed record Deleted(string Name);
}
