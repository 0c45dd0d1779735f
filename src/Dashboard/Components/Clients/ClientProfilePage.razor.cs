using FrontDesk.Dashboard.Clients;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Clients;

/// <summary>A client's contact details and packages.</summary>
public partial class ClientProfilePage : ComponentBase
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private ClientService Clients { get; set; } = default!;

    private ClientView? _client;
    private bool _loaded;

    protected override async Task OnParametersSetAsync()
    {
        if (_client?.Id != Id)
        {
            _loaded = false;
            _client = await Clients.FindAsync(Id);
            _loaded = true;
        }
    }
}
