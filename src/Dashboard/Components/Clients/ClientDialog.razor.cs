using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Clients;

/// <summary>The add/edit client form; closes with the client saved, or the existing client the desk chose to use instead.</summary>
public partial class ClientDialog : ComponentBase
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The client to edit; null adds a new one.</summary>
    [Parameter] public ClientView? Editing { get; set; }

    [Inject] private ClientService Clients { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;

    private MudForm? _form;
    private ClientDraft _draft = new();
    private readonly Dictionary<string, string> _errors = [];
    private DuplicateClientException? _duplicate;
    private string? _error;
    private bool _busy;

    protected override void OnInitialized()
    {
        if (Editing is { } c)
        {
            _draft = new ClientDraft
            {
                Name = c.Name,
                Phone = c.Phone,
                Email = c.Email,
                Notes = c.Notes,
                DateOfBirth = c.DateOfBirth?.ToDateTime(TimeOnly.MinValue),
                MarketingConsent = c.MarketingConsent,
                Active = c.Active,
            };
        }
    }

    private readonly string _intent = IdempotencyScope.NewKey();

    private Task SaveAsync() => SaveAsync(allowDuplicate: false);

    private Task SaveAnywayAsync() => SaveAsync(allowDuplicate: true);

    private async Task SaveAsync(bool allowDuplicate)
    {
        _errors.Clear();
        _error = null;
        if (_form is not null)
        {
            await _form.ValidateAsync();
            if (!_form.IsValid)
            {
                return;
            }
        }
        _busy = true;
        try
        {
            var details = _draft.ToDetails();
            // One key per dialog: a double click on Save registers one client (see IdempotencyScope).
            using var intent = IdempotencyScope.Begin(_intent);
            var saved = Editing is null
                ? await Clients.RegisterAsync(new RegisterClient(details.Name, details.Phone, details.Email, details.Notes, Desk.Caller)
                {
                    DateOfBirth = details.DateOfBirth,
                    MarketingConsent = details.MarketingConsent,
                    AllowDuplicate = allowDuplicate,
                })
                : await Clients.UpdateAsync(new UpdateClient(Editing.Id, details, _draft.Active, Desk.Caller) { AllowDuplicate = allowDuplicate });
            Dialog.Close(DialogResult.Ok(saved));
        }
        catch (DuplicateClientException duplicate)
        {
            _duplicate = duplicate;
        }
        catch (DomainException ex)
        {
            _duplicate = null;
            if (ex.Field is { } field && field is "name" or "phone" or "email" or "dateOfBirth" or "notes")
            {
                _errors[field] = ex.Message;
            }
            else
            {
                _error = ex.Message;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private void UseExisting()
    {
        if (_duplicate is { } duplicate)
        {
            Dialog.Close(DialogResult.Ok(duplicate.Existing));
        }
    }

    private void Cancel() => Dialog.Cancel();

    /// <summary>Opens the dialog and waits: the client saved (or chosen instead), or null when cancelled.</summary>
    public static async Task<ClientView?> ShowAsync(IDialogService dialogs, ClientView? client = null)
    {
        var parameters = new DialogParameters<ClientDialog> { { d => d.Editing, client } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<ClientDialog>(client is null ? "Add client" : "Edit client", parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: ClientView saved } ? saved : null;
    }

    /// <summary>What the form edits (MudDatePicker works on DateTime).</summary>
    private sealed class ClientDraft
    {
        public string? Name { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public DateTime? DateOfBirth { get; set; }
        public string? Notes { get; set; }
        public bool MarketingConsent { get; set; }
        public bool Active { get; set; } = true;

        public ClientDetails ToDetails() => new(Name ?? string.Empty, Phone, Email, DateOfBirth is { } d ? DateOnly.FromDateTime(d) : null, Notes, MarketingConsent);
    }
}
