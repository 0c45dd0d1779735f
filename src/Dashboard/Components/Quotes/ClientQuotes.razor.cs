using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Components.Packages;
using FrontDesk.Dashboard.Errors;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Quotes;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Quotes;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Quotes;

/// <summary>
/// A client's quotes (add, confirm, sell items, close, cancel), the sale of single services,
/// and their prepaid credits. Reloads when any desk changes this client's quotes or credits.
/// </summary>
public partial class ClientQuotes : ComponentBase, IDisposable
{
    [Parameter, EditorRequired] public ClientView Client { get; set; } = default!;

    [Inject] private QuoteService Quotes { get; set; } = default!;
    [Inject] private QuoteQueries Queries { get; set; } = default!;
    [Inject] private CatalogQueries Catalog { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private ILiveFeed Feed { get; set; } = default!;
    [Inject] private ILogger<ClientQuotes> Logger { get; set; } = default!;

    private IDisposable? _subscription;
    private IReadOnlyList<QuoteView>? _quotes;
    private IReadOnlyList<CreditView> _credits = [];
    private IReadOnlyList<QuoteTemplateView> _templates = [];
    private IReadOnlyList<ProviderView> _providers = [];
    private IReadOnlyList<ServiceView> _services = [];
    private IReadOnlyList<ResourceView> _resources = [];
    private string? _notice;
    private string? _error;
    private bool _busy;

    private bool _adding;
    private Guid? _templateId;
    private string _description = string.Empty;
    private string? _number;
    private bool _auto;
    private DateTime? _start;
    private DateTime? _expiry;
    private Guid? _consultantId;

    private bool _selling;
    private bool _paying;
    private string? _activity;
    private string? _tag;
    private Guid? _resourceId;
    private readonly HashSet<Guid> _chosen = [];

    private Guid? _sellQuote;
    private readonly Dictionary<int, int> _quantities = [];
    private List<FrontDesk.Dashboard.Components.Sales.PaymentDraft> _payments = [];
    private string _key = NewKey();

    private Guid? _editQuote;
    private readonly List<ItemDraft> _rows = [];
    private IReadOnlyList<ServiceView> _editServices = [];
    private string? _editError;

    private static string NewKey() => "ui-credits-" + Guid.NewGuid().ToString("N");

    /// <summary>One prescribed item as the desk edits it.</summary>
    private sealed class ItemDraft(Guid? serviceId, int quantity, decimal price)
    {
        public Guid? ServiceId { get; set; } = serviceId;

        public int Quantity { get; set; } = quantity;

        public decimal Price { get; set; } = price;
    }

    protected override async Task OnInitializedAsync()
    {
        _subscription = Feed.Subscribe(OnBatchAsync);
        await LoadAsync();
    }

    private Task OnBatchAsync(IReadOnlyList<LiveEvent> batch)
    {
        if (batch.Any(e => e is QuoteChangedLive q && q.ClientId == Client.Id || e is CreditsSoldLive s && s.ClientId == Client.Id || e is AppointmentChanged { Change: AppointmentChange.CheckedOut } a && a.Appointment.ClientId == Client.Id))
        {
            InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }).Forget(Logger, "reloading a client's quotes");
        }
        return Task.CompletedTask;
    }

    private async Task LoadAsync()
    {
        try
        {
            _quotes = await Queries.ClientQuotesAsync(Client.Id);
            _credits = await Queries.ClientCreditsAsync(Client.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = $"The quotes could not be loaded. {UnexpectedError.Report(Logger, ex, "loading a client's quotes")}";
        }
    }

    private static string QuoteLabel(QuoteView q) => q.Number is { } n ? $"Quote {n}: {q.Description}" : $"Quote: {q.Description}";

    private static string StatusText(QuoteView q) => q.Status == QuoteStatus.Confirmed && q.Expired ? "Expired" : q.Status.ToString();

    private async Task OpenAddAsync()
    {
        _templates = await Queries.TemplatesAsync();
        _providers = await Catalog.ProvidersAsync();
        _adding = true;
        _selling = false;
        _notice = null;
        _error = null;
        _templateId = null;
        _description = string.Empty;
        _number = null;
        _auto = false;
        _start = Clock.Today.ToDateTime(TimeOnly.MinValue);
        _expiry = null;
        _consultantId = null;
    }

    private void OnTemplate(Guid? id)
    {
        _templateId = id;
        if (_templates.FirstOrDefault(t => t.Id == id) is { } t && _start is { } start)
        {
            _expiry = start.AddDays(t.ValidityDays);
        }
    }

    private async Task AddAsync()
    {
        if (_templateId is not { } templateId)
        {
            return;
        }
        await RunAsync(async () =>
        {
            QuoteView quote;
            // One key per quote being added: a double-sent Add makes one quote and takes one number.
            using (FrontDesk.Dashboard.Data.IdempotencyScope.Begin(_key))
            {
                quote = await Quotes.CreateQuoteAsync(new CreateQuote(Client.Id, templateId, _description, _number, _auto,
                    _start is { } s ? DateOnly.FromDateTime(s) : null, _expiry is { } e ? DateOnly.FromDateTime(e) : null, _consultantId, Desk.Caller));
            }
            _key = NewKey();
            _adding = false;
            return quote;
        }, "Quote added as a draft: confirm it to sell from it.");
    }

    private async Task OpenServicesAsync()
    {
        _services = (await Catalog.ServicesAsync()).Where(s => s.Active).ToList();
        _resources = await Catalog.ResourcesAsync();
        _selling = true;
        _adding = false;
        _paying = false;
        _chosen.Clear();
        _notice = null;
        _error = null;
    }

    private IEnumerable<ServiceView> FilteredServices => _services
        .Where(s => _activity is null || s.Activity == _activity)
        .Where(s => _tag is null || s.Tags.Contains(_tag))
        .Where(s => _resourceId is null || s.RequiredResourceIds.Contains(_resourceId.Value));

    private void Toggle(Guid id, bool on)
    {
        if (on)
        {
            _chosen.Add(id);
        }
        else
        {
            _chosen.Remove(id);
        }
        _paying = false;
    }

    private decimal ServicesDue => _services.Where(s => _chosen.Contains(s.Id)).Sum(s => s.Price);

    private void ConfirmSale()
    {
        _paying = true;
        _payments = PaymentFields.NewRows();
    }

    private async Task SellServicesAsync()
    {
        await RunAsync(async () =>
        {
            var sale = await Quotes.SellServicesAsync(new SellServices(Client.Id, _chosen.ToList(), PaymentFields.Lines(_payments), Desk.Caller) { IdempotencyKey = _key });
            _key = NewKey();
            _selling = false;
            return sale;
        }, null);
    }

    private void OpenSell(QuoteView quote)
    {
        CloseEdit();
        _sellQuote = quote.Id;
        _quantities.Clear();
        _payments = PaymentFields.NewRows();
        _notice = null;
        _error = null;
    }

    private void SetQuantity(int itemId, int quantity)
    {
        _quantities[itemId] = quantity; // the payment row follows the new total (PaymentFields)
    }

    private decimal QuoteDue(QuoteView quote) => quote.Items.Sum(i => i.Price * _quantities.GetValueOrDefault(i.ItemId));

    private async Task SellFromQuoteAsync(QuoteView quote)
    {
        var items = _quantities.Where(q => q.Value > 0).Select(q => (q.Key, q.Value)).ToList();
        if (items.Count == 0)
        {
            _error = "Choose how many of at least one item to sell.";
            return;
        }
        await RunAsync(async () =>
        {
            var sale = await Quotes.SellFromQuoteAsync(new SellFromQuote(quote.Id, items, PaymentFields.Lines(_payments), Desk.Caller) { IdempotencyKey = _key });
            _key = NewKey();
            _sellQuote = null;
            return sale;
        }, null);
    }

    /// <summary>A draft's items in rows to edit: the catalogue's active services, and any the quote already has.</summary>
    private async Task OpenEditAsync(QuoteView quote)
    {
        _error = null;
        _notice = null;
        try
        {
            var used = quote.Items.Select(i => i.ServiceId).ToHashSet();
            _editServices = (await Catalog.ServicesAsync()).Where(s => s.Active || used.Contains(s.Id)).OrderBy(s => s.Name).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = $"The services could not be loaded. {UnexpectedError.Report(Logger, ex, "loading the services for a quote")}";
            return;
        }
        _rows.Clear();
        _rows.AddRange(quote.Items.Select(i => new ItemDraft(i.ServiceId, i.Prescribed, i.Price)));
        _editError = null;
        _sellQuote = null;
        _editQuote = quote.Id;
    }

    private void CloseEdit()
    {
        _editQuote = null;
        _editError = null;
        _rows.Clear();
    }

    private void AddRow()
    {
        _rows.Add(new ItemDraft(null, 1, 0m));
        _editError = null;
    }

    private void RemoveRow(ItemDraft row)
    {
        _rows.Remove(row);
        _editError = null;
    }

    /// <summary>Choosing a service prices the row at the service's price unless the desk typed another.</summary>
    private void ChooseService(ItemDraft row, Guid? serviceId)
    {
        var before = _editServices.FirstOrDefault(s => s.Id == row.ServiceId);
        if (row.Price == 0m || before is not null && row.Price == before.Price)
        {
            row.Price = _editServices.FirstOrDefault(s => s.Id == serviceId)?.Price ?? row.Price;
        }
        row.ServiceId = serviceId;
        _editError = null;
    }

    /// <summary>What is wrong with the rows, said before anything is sent (the service checks again).</summary>
    private string? CheckRows()
    {
        if (_rows.Count == 0)
        {
            return "Add at least one item: a quote prescribes something.";
        }
        for (var i = 0; i < _rows.Count; i++)
        {
            var row = _rows[i];
            if (row.ServiceId is null)
            {
                return $"Item {i + 1}: choose the service.";
            }
            if (row.Quantity < 1)
            {
                return $"Item {i + 1}: the quantity is at least 1.";
            }
            if (row.Price < 0m)
            {
                return $"Item {i + 1}: a price cannot be negative.";
            }
        }
        return _rows.GroupBy(r => r.ServiceId).Any(g => g.Count() > 1)
            ? "Each service is prescribed once; raise its quantity instead."
            : null;
    }

    private async Task SaveItemsAsync(QuoteView quote)
    {
        if (_busy)
        {
            return;
        }
        if (CheckRows() is { } problem)
        {
            _editError = problem;
            return;
        }
        _busy = true;
        _editError = null;
        try
        {
            await Quotes.ReplaceItemsAsync(quote.Id, _rows.Select(r => new QuoteItemInput(r.ServiceId!.Value, r.Quantity, r.Price)).ToList(), Desk.Caller);
            CloseEdit();
            _notice = "The quote's items are saved.";
            await LoadAsync();
        }
        catch (DomainException ex)
        {
            _editError = ex.Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _editError = UnexpectedError.Report(Logger, ex, "saving a quote's items");
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Runs a command; a refusal shows its message and leaves everything as it was.</summary>
    private async Task RunAsync<T>(Func<Task<T>> command, string? notice)
    {
        _busy = true;
        _error = null;
        try
        {
            var result = await command();
            _notice = notice ?? (result is CreditSaleView sale
                ? $"Sold {sale.Credits.Count} prepaid service{(sale.Credits.Count == 1 ? string.Empty : "s")} for {Clock.Money(sale.Total)}."
                : null);
            await LoadAsync();
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

    public void Dispose() => _subscription?.Dispose();
}
