using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;

namespace FrontDesk.Tests.Component.Components.Sales;

/// <summary>
/// A test double of the sale service for the selling screens: it records every command it is
/// sent (with the idempotency key in force), prices lines from a small catalogue the test gives
/// it (amount and percent discounts, tip, payments, change and balance as the contract describes),
/// keeps the sales it made, and refuses with <see cref="Refusal"/> when a test sets one.
/// </summary>
public sealed class FakeSaleService : ISaleService
{
    private readonly List<SaleView> _sales = [];
    private readonly object _gate = new();
    private int _number;

    public List<CreateSale> Previews { get; } = [];

    public List<CreateSale> Creates { get; } = [];

    /// <summary>The idempotency key open (IdempotencyScope) when each create arrived.</summary>
    public List<string?> CreateScopeKeys { get; } = [];

    public List<PaySale> Pays { get; } = [];

    public List<RefundSale> Refunds { get; } = [];

    /// <summary>What each item id sells for, with its name.</summary>
    public Dictionary<Guid, (string Name, decimal Price)> Catalogue { get; } = [];

    /// <summary>The appointment's own line as the service would price it.</summary>
    public (string Description, decimal Price, decimal Credit) AppointmentLine { get; set; } = ("Swedish massage 60", 60m, 0m);

    /// <summary>When set, every command and preview is refused with this message (a DomainException).</summary>
    public string? Refusal { get; set; }

    /// <summary>When set, CreateAsync waits for it (to catch a second click while the first runs).</summary>
    public TaskCompletionSource? HoldCreate { get; set; }

    public IReadOnlyList<SaleView> Sales
    {
        get
        {
            lock (_gate)
            {
                return _sales.ToList();
            }
        }
    }

    public Task<SaleView> PreviewAsync(CreateSale command, CancellationToken ct = default)
    {
        lock (_gate)
        {
            Previews.Add(command);
        }
        Refuse();
        return Task.FromResult(Price(command, Guid.Empty, null, []));
    }

    public async Task<SaleView> CreateAsync(CreateSale command, CancellationToken ct = default)
    {
        lock (_gate)
        {
            Creates.Add(command);
            CreateScopeKeys.Add(IdempotencyScope.Current?.Key);
        }
        if (HoldCreate is { } hold)
        {
            await hold.Task;
        }
        Refuse();
        lock (_gate)
        {
            var sale = Price(command, Guid.NewGuid(), $"S-{++_number:0000}", command.Payments);
            _sales.Add(sale);
            return sale;
        }
    }

    public Task<SaleView> PayAsync(PaySale command, CancellationToken ct = default)
    {
        lock (_gate)
        {
            Pays.Add(command);
        }
        Refuse();
        lock (_gate)
        {
            var sale = _sales.Single(s => s.Id == command.SaleId);
            var paid = Math.Min(sale.Balance, command.Payments.Sum(p => p.Amount));
            var updated = sale with
            {
                Paid = sale.Paid + paid,
                Balance = sale.Balance - paid,
                IsPaid = sale.Balance - paid == 0m,
                Payments = [.. sale.Payments, .. command.Payments.Select(p => new SalePaymentView(p.Method, p.Amount, DateTimeOffset.UtcNow))],
            };
            _sales[_sales.IndexOf(sale)] = updated;
            return Task.FromResult(updated);
        }
    }

    public Task<SaleView> RefundAsync(RefundSale command, CancellationToken ct = default)
    {
        lock (_gate)
        {
            Refunds.Add(command);
        }
        Refuse();
        lock (_gate)
        {
            var sale = _sales.Single(s => s.Id == command.SaleId);
            var lines = command.Lines.Select(r => sale.Lines.Single(l => l.Number == r.LineNumber) is var l
                ? l with { Quantity = r.Quantity, Amount = -l.UnitPrice * r.Quantity, RefundedQuantity = 0 }
                : throw new InvalidOperationException()).ToList();
            var total = lines.Sum(l => l.Amount);
            var refund = sale with
            {
                Id = Guid.NewGuid(),
                Number = $"R-{++_number:0000}",
                Kind = SaleKind.Refund,
                Lines = lines,
                Subtotal = total,
                Discounts = 0m,
                Credits = 0m,
                Tip = 0m,
                Total = total,
                Paid = total,
                Balance = 0m,
                RefundOf = sale.Id,
                Reason = command.Reason,
                Refunds = [],
            };
            var refunded = sale with
            {
                Lines = sale.Lines.Select(l => command.Lines.FirstOrDefault(r => r.LineNumber == l.Number) is { } r ? l with { RefundedQuantity = l.RefundedQuantity + r.Quantity } : l).ToList(),
                Refunds = [.. sale.Refunds, refund.Id],
            };
            _sales[_sales.IndexOf(sale)] = refunded;
            _sales.Add(refund);
            return Task.FromResult(refund);
        }
    }

    public Task<SaleView?> FindAsync(Guid saleId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_sales.FirstOrDefault(s => s.Id == saleId));
        }
    }

    public Task<IReadOnlyList<SaleView>> OpenForClientAsync(Guid clientId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<SaleView>>(_sales.Where(s => s.ClientId == clientId && s.Kind == SaleKind.Sale && s.Balance > 0m).ToList());
        }
    }

    public Task<ClientSalesPage> ForClientAsync(Guid clientId, int limit, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var all = _sales.Where(s => s.ClientId == clientId).OrderByDescending(s => s.IssuedAt).ToList();
            return Task.FromResult(new ClientSalesPage(all.Take(limit).ToList(), all.Count > limit));
        }
    }

    /// <summary>Keeps a sale as if another desk had made it (for the lists that show sales).</summary>
    public SaleView Add(SaleView sale)
    {
        lock (_gate)
        {
            _sales.Add(sale);
            return sale;
        }
    }

    private void Refuse()
    {
        if (Refusal is { } message)
        {
            throw DomainException.Rule(message);
        }
    }

    private SaleView Price(CreateSale command, Guid id, string? number, IReadOnlyList<PaymentLine> payments)
    {
        var lines = new List<SaleLineView>();
        var discounts = 0m;
        var credits = 0m;
        if (command.AppointmentId is not null)
        {
            lines.Add(new SaleLineView(1, "Service", AppointmentLine.Description, 1, AppointmentLine.Price, AppointmentLine.Price, null, null, null, null, 0));
            credits -= AppointmentLine.Credit;
        }
        foreach (var input in command.Lines)
        {
            var (name, price) = Catalogue[input.ItemId];
            var amount = price * input.Quantity;
            lines.Add(new SaleLineView(lines.Count + 1, input.Type.ToString(), name, input.Quantity, price, amount, input.ProviderId, null,
                input.GenerateCode ? $"GEN-{lines.Count + 1}" : input.Code, null, 0));
            discounts -= Discount(amount, input.Discount);
        }
        var subtotal = lines.Sum(l => l.Amount);
        discounts -= Discount(subtotal + discounts, command.Discount);
        var tip = command.Tip?.Amount ?? 0m;
        var total = subtotal + discounts + credits + tip;
        var tendered = payments.Sum(p => p.Amount);
        var paid = Math.Min(tendered, total);
        return new SaleView(id, number, SaleKind.Sale, command.ClientId, command.ClientId is null ? null : "Jane Cooper", command.AppointmentId,
            DateTimeOffset.UtcNow, paid == total, "GBP", lines, subtotal, discounts, credits, tip, total, paid, total - paid, tendered - paid,
            payments.Select(p => new SalePaymentView(p.Method, p.Amount, DateTimeOffset.UtcNow)).ToList(), null, null, []);
    }

    private static decimal Discount(decimal amount, DiscountInput? discount) => discount switch
    {
        null => 0m,
        { Type: DiscountType.Percent } d => Money.Percent(amount, d.Value),
        { } d => d.Value,
    };
}
