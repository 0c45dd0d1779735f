using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Sales;

public enum PaymentMethod
{
    Cash,
    Card,
}

public enum InvoiceStatus
{
    Open,
    Paid,
}

/// <summary>What a line sells (or takes off), so revenue can be told apart by kind.</summary>
public enum InvoiceLineKind
{
    Service,
    Package,
    Membership,
    Product,
    QuoteItem,
    /// <summary>The part of a service paid from a prepaid package (negative).</summary>
    PackageCredit,
    /// <summary>A package's automatic discount on a service (negative).</summary>
    Discount,
    /// <summary>The service paid from a prepaid service credit (negative, the full price).</summary>
    ServiceCredit,
}

public sealed record InvoiceLine(string Description, ServiceId? ServiceId, int Quantity, decimal UnitPrice, string Currency, InvoiceLineKind Kind = InvoiceLineKind.Service, Guid? PackageRecordId = null)
{
    public Money Amount => new(UnitPrice * Quantity, Currency);
}

public sealed record Payment(PaymentMethod Method, decimal Amount, string Currency, DateTimeOffset PaidAt)
{
    public Money Money => new(Amount, Currency);
}

/// <summary>A sale: lines, and the payments that settle it.</summary>
public sealed class Invoice : AggregateRoot
{
    private readonly List<InvoiceLine> _lines = [];
    private readonly List<Payment> _payments = [];

    private Invoice() => Currency = string.Empty;

    public InvoiceId Id { get; private set; }
    public ClientId ClientId { get; private set; }
    public AppointmentId? AppointmentId { get; private set; }
    public string Currency { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public InvoiceStatus Status { get; private set; }
    public IReadOnlyList<InvoiceLine> Lines => _lines;
    public IReadOnlyList<Payment> Payments => _payments;

    public Money Total => _lines.Aggregate(Money.Zero(Currency), (sum, line) => sum + line.Amount);
    public Money Paid => _payments.Aggregate(Money.Zero(Currency), (sum, p) => sum + p.Money);
    public bool IsPaid => Status == InvoiceStatus.Paid;

    private string Format(decimal amount) => $"{amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {Currency}";

    /// <summary>
    /// The invoice of an appointment's check-out: one line for its service at the booked price,
    /// then any credits (the part a package pays, a package discount) as negative lines.
    /// </summary>
    public static Invoice ForAppointment(InvoiceId id, Appointment appointment, string serviceName, DateTimeOffset now, IReadOnlyList<InvoiceLine>? credits = null)
    {
        var invoice = new Invoice
        {
            Id = id,
            ClientId = appointment.ClientId,
            AppointmentId = appointment.Id,
            Currency = appointment.Price.Currency,
            IssuedAt = now,
            Status = InvoiceStatus.Open,
        };
        invoice._lines.Add(new InvoiceLine(serviceName, appointment.ServiceId, 1, appointment.Price.Amount, appointment.Price.Currency));
        foreach (var credit in credits ?? [])
        {
            if (credit.UnitPrice > 0m || credit.Kind is not (InvoiceLineKind.PackageCredit or InvoiceLineKind.Discount or InvoiceLineKind.ServiceCredit))
            {
                throw new ArgumentException("Credits are negative package-credit or discount lines.", nameof(credits));
            }
            invoice._lines.Add(credit with { Currency = invoice.Currency });
        }
        if (invoice.Total.IsNegative)
        {
            throw DomainException.Rule("Credits cannot exceed the service's price.");
        }
        return invoice;
    }

    /// <summary>The invoice that sells a package; settled now (paid) or left open (unpaid).</summary>
    public static Invoice ForPackage(InvoiceId id, ClientId client, string packageName, Guid recordId, Money price, DateTimeOffset now) => new()
    {
        Id = id,
        ClientId = client,
        Currency = price.Currency,
        IssuedAt = now,
        Status = InvoiceStatus.Open,
        _lines = { new InvoiceLine(packageName, null, 1, price.Amount, price.Currency, InvoiceLineKind.Package, recordId) },
    };

    /// <summary>
    /// The invoice of a sale of prepaid services (single services or quote items): one line per
    /// service and quantity, at its price; settled with <see cref="Settle"/>.
    /// </summary>
    public static Invoice ForCredits(InvoiceId id, ClientId client, string currency, IReadOnlyList<(string Description, ServiceId ServiceId, int Quantity, decimal UnitPrice)> lines, InvoiceLineKind kind, DateTimeOffset now)
    {
        if (lines.Count == 0)
        {
            throw DomainException.Invalid("Choose at least one service to sell.", "items");
        }
        var invoice = new Invoice
        {
            Id = id,
            ClientId = client,
            Currency = currency,
            IssuedAt = now,
            Status = InvoiceStatus.Open,
        };
        foreach (var (description, service, quantity, price) in lines)
        {
            invoice._lines.Add(new InvoiceLine(description, service, quantity, price, currency, kind));
        }
        Limits.EnsureMoney(invoice.Total.Amount, "items", "The total of one sale");
        return invoice;
    }

    /// <summary>
    /// Settles the invoice with the given payments in one go: they must add up to the total
    /// exactly (the desk gives change for cash before recording it).
    /// </summary>
    public void Settle(IReadOnlyCollection<(PaymentMethod Method, decimal Amount)> payments, DateTimeOffset now, Actor actor)
    {
        if (Status == InvoiceStatus.Paid)
        {
            throw DomainException.Conflict("This invoice is already paid.");
        }
        Limits.EnsureCount(payments, Limits.MaxPayments, "payments", "Payments of one invoice");
        var lines = new List<Payment>();
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
            lines.Add(new Payment(method, amount, Currency, now));
        }
        // At most 10 payments of at most 1,000,000 each: the sum is far from overflowing.
        var paid = lines.Sum(p => p.Amount);
        var total = Total;
        if (paid != total.Amount)
        {
            var verb = paid < total.Amount ? "short" : "over";
            throw DomainException.Rule($"Payments add up to {Format(paid)} but the total is {total} ({verb} by {Format(Math.Abs(total.Amount - paid))}).", "payments");
        }
        if (lines.Count == 0 && !total.IsZero)
        {
            throw DomainException.Rule("Add a cash or card payment.", "payments");
        }
        _payments.AddRange(lines);
        Status = InvoiceStatus.Paid;
        PaidAt = now;
        Raise(new InvoicePaid(Id, ClientId, total, now, actor));
    }
}

public sealed record InvoicePaid(InvoiceId InvoiceId, ClientId ClientId, Money Total, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);
