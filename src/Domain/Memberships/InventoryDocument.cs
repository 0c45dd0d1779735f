using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;

namespace FrontDesk.Domain.Memberships;

public enum InventoryOperation
{
    /// <summary>Stock in from a supplier.</summary>
    Arrival,
    /// <summary>Stock out to a client, paid.</summary>
    SaleOfProduct,
    /// <summary>Stock out, broken or lost.</summary>
    WriteOff,
    /// <summary>Stock back in from a refunded sale.</summary>
    Return,
}

/// <summary>One line of an inventory document. <see cref="Code"/> is the membership code of a membership line.</summary>
public sealed record InventoryLine(Guid ProductId, string ProductName, int Quantity, decimal UnitPrice, string? Code = null, Guid? HolderClientId = null)
{
    public decimal Amount => UnitPrice * Quantity;
}

public sealed record InventoryPayment(PaymentMethod Method, decimal Amount);

/// <summary>
/// An inventory operation: an arrival, a sale of products, or a write-off; lines, the date,
/// who made it and a note (the supplier for an arrival, the reason for a write-off). A sale
/// also holds the payments that settle it, which must equal its total.
/// </summary>
public sealed class InventoryDocument : AggregateRoot
{
    public const int MaxLines = 100;
    public const int MaxNoteLength = 500;

    private readonly List<InventoryLine> _lines = [];
    private readonly List<InventoryPayment> _payments = [];

    private InventoryDocument()
    {
        Currency = string.Empty;
        Note = string.Empty;
        AuthorId = string.Empty;
        AuthorName = string.Empty;
    }

    public InventoryDocumentId Id { get; private set; }
    public InventoryOperation Operation { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string AuthorId { get; private set; }
    public string AuthorName { get; private set; }
    public string Note { get; private set; }
    public string Currency { get; private set; }
    public Guid? ClientId { get; private set; }
    public Guid? AppointmentId { get; private set; }

    /// <summary>
    /// The invoice (sale or refund) this document moves the stock of. Such a document carries no
    /// payments: the invoice holds the money and the revenue, so it is never counted twice.
    /// </summary>
    public InvoiceId? InvoiceId { get; private set; }
    public IReadOnlyList<InventoryLine> Lines => _lines;
    public IReadOnlyList<InventoryPayment> Payments => _payments;

    public decimal Total => _lines.Sum(l => l.Amount);

    /// <summary>True when a line took stock below zero (allowed by the business's setting).</summary>
    public bool WentNegative { get; private set; }

    /// <summary>An arrival: every product's stock goes up by its line.</summary>
    public static InventoryDocument Arrival(InventoryDocumentId id, IReadOnlyList<(Product Product, int Quantity)> lines, string? supplierNote, DateTimeOffset now, Actor actor)
    {
        var document = Start(id, InventoryOperation.Arrival, lines.Count, Text.Optional(supplierNote, "note", "The supplier note", MaxNoteLength), now, actor);
        foreach (var (product, quantity) in lines)
        {
            product.Receive(quantity);
            document._lines.Add(new InventoryLine(product.Id.Value, product.Name, quantity, 0m));
        }
        return document;
    }

    /// <summary>A write-off: stock goes down; refused below zero unless allowed.</summary>
    public static InventoryDocument WriteOff(InventoryDocumentId id, IReadOnlyList<(Product Product, int Quantity)> lines, string? reason, bool allowNegative, DateTimeOffset now, Actor actor)
    {
        var document = Start(id, InventoryOperation.WriteOff, lines.Count, Text.Required(reason, "note", "The reason for the write-off", MaxNoteLength), now, actor);
        foreach (var (product, quantity) in lines)
        {
            document.WentNegative |= product.Take(quantity, allowNegative);
            document._lines.Add(new InventoryLine(product.Id.Value, product.Name, quantity, 0m));
        }
        return document;
    }

    /// <summary>
    /// A sale of products (not tied to a visit, or on an appointment). A membership line has
    /// quantity 1 and its code; the payments must add up to the total exactly.
    /// </summary>
    public static InventoryDocument Sale(
        InventoryDocumentId id,
        IReadOnlyList<SaleLine> lines,
        IReadOnlyCollection<(PaymentMethod Method, decimal Amount)> payments,
        Guid? clientId,
        Guid? appointmentId,
        bool allowNegative,
        DateTimeOffset now,
        Actor actor)
    {
        var document = Start(id, InventoryOperation.SaleOfProduct, lines.Count, string.Empty, now, actor);
        document.ClientId = clientId;
        document.AppointmentId = appointmentId;
        document.AddSaleLines(lines, allowNegative);
        document.Settle(payments);
        return document;
    }

    /// <summary>
    /// The stock side of products and memberships sold on an invoice: the same checks and stock
    /// moves as <see cref="Sale"/>, without payments (the invoice has them).
    /// </summary>
    public static InventoryDocument ForInvoice(InventoryDocumentId id, InvoiceId invoice, IReadOnlyList<SaleLine> lines, Guid? clientId, Guid? appointmentId, bool allowNegative, DateTimeOffset now, Actor actor)
    {
        var document = Start(id, InventoryOperation.SaleOfProduct, lines.Count, string.Empty, now, actor);
        document.InvoiceId = invoice;
        document.ClientId = clientId;
        document.AppointmentId = appointmentId;
        document.AddSaleLines(lines, allowNegative);
        return document;
    }

    /// <summary>Stock back from a refund: every product's stock goes up by its line.</summary>
    public static InventoryDocument Return(InventoryDocumentId id, InvoiceId refund, IReadOnlyList<(Product Product, int Quantity)> lines, string? reason, Guid? clientId, DateTimeOffset now, Actor actor)
    {
        var document = Start(id, InventoryOperation.Return, lines.Count, Text.Optional(reason, "note", "The reason", MaxNoteLength), now, actor);
        document.InvoiceId = refund;
        document.ClientId = clientId;
        foreach (var (product, quantity) in lines)
        {
            product.Receive(quantity);
            document._lines.Add(new InventoryLine(product.Id.Value, product.Name, quantity, 0m));
        }
        return document;
    }

    private void AddSaleLines(IReadOnlyList<SaleLine> lines, bool allowNegative)
    {
        var currencies = lines.Select(l => l.Product.Currency).Distinct().ToList();
        Currency = currencies.Count == 1 ? currencies[0] : throw DomainException.Invalid("All lines of one sale are in one currency.", "lines");
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (!line.Product.Active)
            {
                throw DomainException.Rule($"{line.Product.Name} is not for sale any more.", "lines");
            }
            if (line.Product.IsMembership)
            {
                if (line.Quantity != 1)
                {
                    throw DomainException.Rule($"Each membership is its own line with quantity 1 ({line.Product.Name}): to sell more, add more lines.", "quantity");
                }
                var code = line.Code ?? throw DomainException.Invalid($"{line.Product.Name} needs a code: type one or generate one.", "code");
                if (!codes.Add(code.Normalized))
                {
                    throw DomainException.Conflict($"The code {code} is on two lines of this sale; each membership needs its own code.");
                }
            }
            else if (line.Code is not null || line.HolderClientId is not null)
            {
                throw DomainException.Invalid($"{line.Product.Name} is not a membership: it takes no code or holder.", "code");
            }
            WentNegative |= line.Product.Take(line.Quantity, allowNegative);
            _lines.Add(new InventoryLine(line.Product.Id.Value, line.Product.Name, line.Quantity, line.Product.Price, line.Code?.Value, line.HolderClientId));
        }
    }

    private void Settle(IReadOnlyCollection<(PaymentMethod Method, decimal Amount)> payments)
    {
        Limits.EnsureCount(payments, Limits.MaxPayments, "payments", "Payments of one sale");
        foreach (var (method, amount) in payments)
        {
            if (!Enum.IsDefined(method))
            {
                throw DomainException.Invalid("Payment method must be Cash or Card.", "payments");
            }
            if (amount <= 0m)
            {
                throw DomainException.Invalid("Each payment must be more than zero.", "payments");
            }
            Limits.EnsureMoney(amount, "payments", "A payment");
            _payments.Add(new InventoryPayment(method, amount));
        }
        var total = Total;
        Limits.EnsureMoney(total, "lines", "The total of the sale");
        var paid = _payments.Sum(p => p.Amount);
        if (paid != total)
        {
            var verb = paid < total ? "short" : "over";
            throw DomainException.Rule($"Payments add up to {Format(paid)} but the total is {Format(total)} ({verb} by {Format(Math.Abs(total - paid))}).", "payments");
        }
    }

    private string Format(decimal amount) => $"{amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {Currency}";

    private static InventoryDocument Start(InventoryDocumentId id, InventoryOperation operation, int lineCount, string note, DateTimeOffset now, Actor actor)
    {
        if (lineCount == 0)
        {
            throw DomainException.Invalid("Add at least one line.", "lines");
        }
        if (lineCount > MaxLines)
        {
            throw Limits.OutOfRange($"One document has at most {MaxLines} lines.", "lines");
        }
        return new InventoryDocument
        {
            Id = id,
            Operation = operation,
            At = now,
            AuthorId = actor.Id,
            AuthorName = actor.DisplayName,
            Note = note,
        };
    }
}

/// <summary>What the desk asks to sell on one line: a product, how many, and for a membership its code and optional holder.</summary>
public sealed record SaleLine(Product Product, int Quantity, MembershipCode? Code, Guid? HolderClientId);
