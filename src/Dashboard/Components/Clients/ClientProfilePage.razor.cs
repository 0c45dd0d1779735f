using FrontDesk.Dashboard.Clients;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Clients;

/// <summary>A client's file: contact details, appointments to come and past, sales and what is owed, packages; edit, book, merge, export, erase.</summary>
public partial class ClientProfilePage : ComponentBase
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private ClientFileQueries Files { get; set; } = default!;
    [Inject] private ClientService Clients { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private ClientFile? _file;
    private bool _loaded;
    private string? _notice;
    private string? _error;

    protected override async Task OnParametersSetAsync()
    {
        if (_file?.Client.Id != Id)
        {
            _loaded = false;
            _notice = null;
            _error = null;
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _file = await Files.FileAsync(Id);
        _loaded = true;
    }

    /// <summary>A sale to this client with no appointment (products, services, memberships, packages).</summary>
    private async Task NewSaleAsync()
    {
        if (_file is null)
        {
            return;
        }
        if (await FrontDesk.Dashboard.Components.Sales.CheckOutDialog.ShowAsync(Dialogs, FrontDesk.Dashboard.Components.Sales.CheckOutRequest.ForClient(_file.Client)) is not null)
        {
            await LoadAsync();
        }
    }

    private async Task EditAsync()
    {
        if (_file is null || await ClientDialog.ShowAsync(Dialogs, _file.Client) is not { } saved)
        {
            return;
        }
        if (saved.Id != Id)
        {
            // The desk chose to use the existing client who has this phone or email.
            Navigation.NavigateTo($"clients/{saved.Id}");
            return;
        }
        _notice = $"{saved.Name}'s details are saved.";
        await LoadAsync();
    }

    private async Task MergeAsync()
    {
        if (_file is null)
        {
            return;
        }
        var parameters = new DialogParameters<MergeClientDialog> { { d => d.Duplicate, _file.Client } };
        var dialog = await Dialogs.ShowAsync<MergeClientDialog>("Merge client", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: ClientView kept })
        {
            await RunAsync(async () =>
            {
                var merged = await Clients.MergeAsync(Id, kept.Id, Desk.Caller);
                Navigation.NavigateTo($"clients/{merged.Id}");
            });
        }
    }

    private async Task EraseAsync()
    {
        if (_file is null)
        {
            return;
        }
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Erase {_file.Client.Name}'s data?",
            "Name, phone, email, date of birth and notes are removed for good. Appointments, sales and package balances stay, under \"Erased client\". They cannot be booked again.",
            yesText: "Erase", cancelText: "Cancel");
        if (confirmed == true)
        {
            await RunAsync(async () =>
            {
                await Clients.EraseAsync(Id, Desk.Caller);
                _notice = "The client's personal data is erased.";
                await LoadAsync();
            });
        }
    }

    private async Task RunAsync(Func<Task> action)
    {
        _error = null;
        try
        {
            await action();
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }
}
