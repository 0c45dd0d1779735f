using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Packages;

/// <summary>Sells (card/cash adding up to the price), assigns unpaid, or gives a package free (with a reason).</summary>
public partial class AcquirePackagePanel : ComponentBase
{
    [Parameter, EditorRequired] public ClientView Client { get; set; } = default!;
    [Parameter] public AcquisitionMode Mode { get; set; }
    [Parameter] public IReadOnlyList<TemplateView> Templates { get; set; } = [];
    [Parameter] public EventCallback<string> OnDone { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }

    [Inject] private PackageService Packages { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;

    private string _key = NewKey();
    private Guid? _templateId;
    private List<FrontDesk.Dashboard.Components.Sales.PaymentDraft> _payments = [];
    private string _reason = string.Empty;
    private bool _busy;
    private string? _error;

    private string Verb => Mode switch
    {
        AcquisitionMode.Paid => "sell",
        AcquisitionMode.Unpaid => "assign unpaid",
        _ => "give free",
    };

    private string Heading => Mode switch
    {
        AcquisitionMode.Paid => $"Sell a package to {Client.Name}",
        AcquisitionMode.Unpaid => $"Assign a package to {Client.Name}, to pay later",
        _ => $"Give {Client.Name} a package free",
    };

    private string ConfirmText => Mode switch
    {
        AcquisitionMode.Paid => Selected is { } t ? $"Take payment and sell ({Clock.Money(t.Price)})" : "Take payment and sell",
        AcquisitionMode.Unpaid => "Assign unpaid",
        _ => "Give free",
    };

    /// <summary>Active templates; a sale only offers those for sale (not-for-sale ones are assigned manually).</summary>
    private IReadOnlyList<Choice<Guid?>> Choices => Templates
        .Where(t => t.Status == TemplateStatus.Active && (t.ForSale || Mode != AcquisitionMode.Paid))
        .Select(t => new Choice<Guid?>(t.Id, $"{t.Name} · {Clock.Money(t.Price)}{(t.ForSale ? string.Empty : " · not for sale")}"))
        .ToList();

    private TemplateView? Selected => Templates.FirstOrDefault(t => t.Id == _templateId);

    private static string NewKey() => "ui-acquire-" + Guid.NewGuid().ToString("N");

    private void OnTemplate(Guid? id)
    {
        _templateId = id;
        _payments = PaymentFields.NewRows();
        _error = null;
    }

    private async Task SaveAsync()
    {
        if (Selected is not { } template)
        {
            return;
        }
        _busy = true;
        _error = null;
        try
        {
            var payments = Mode == AcquisitionMode.Paid ? PaymentFields.Lines(_payments) : null;
            var reason = Mode == AcquisitionMode.Complimentary ? _reason : null;
            var record = await Packages.AcquireAsync(new AcquirePackage(Client.Id, template.Id, Mode, reason, payments, Desk.Caller) { IdempotencyKey = _key });
            _key = NewKey();
            await OnDone.InvokeAsync(Mode switch
            {
                AcquisitionMode.Paid => $"Sold {record.Name} for {Clock.Money(record.Price)}.",
                AcquisitionMode.Unpaid => $"Assigned {record.Name}, unpaid ({Clock.Money(record.Price)} on an open invoice).",
                _ => $"Gave {record.Name} free.",
            });
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
