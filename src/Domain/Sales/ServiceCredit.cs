using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Sales;

/// <summary>Where a prepaid credit came from.</summary>
public enum CreditSource
{
    /// <summary>A single service sold from the client's profile.</summary>
    SingleService,
    /// <summary>An item sold from a quote.</summary>
    Quote,
}

public enum CreditStatus
{
    Available,
    Used,
}

/// <summary>
/// One prepaid session of one service for one client (a single service sold, or one unit of a
/// quote item). When that client's appointment for that service is checked out it pays the
/// service in full, so nothing is charged again; once used it is never used twice.
/// </summary>
public sealed class ServiceCredit : AggregateRoot
{
    private ServiceCredit()
    {
        ServiceName = string.Empty;
        Currency = string.Empty;
    }

    public Guid Id { get; private set; }
    public ClientId ClientId { get; private set; }
    public ServiceId ServiceId { get; private set; }
    public string ServiceName { get; private set; }

    /// <summary>What the client paid for it.</summary>
    public decimal Price { get; private set; }
    public string Currency { get; private set; }
    public CreditSource Source { get; private set; }
    public Guid? QuoteId { get; private set; }
    public InvoiceId InvoiceId { get; private set; }
    public DateTimeOffset PurchasedAt { get; private set; }
    public CreditStatus Status { get; private set; }
    public AppointmentId? AppointmentId { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public int Version { get; private set; }

    public static ServiceCredit Sold(Guid id, ClientId client, ServiceId service, string serviceName, Money price, CreditSource source, Guid? quoteId, InvoiceId invoice, DateTimeOffset now) => new()
    {
        Id = id,
        ClientId = client,
        ServiceId = service,
        ServiceName = serviceName,
        Price = price.Amount,
        Currency = price.Currency,
        Source = source,
        QuoteId = quoteId,
        InvoiceId = invoice,
        PurchasedAt = now,
        Status = CreditStatus.Available,
    };

    /// <summary>Uses it for the check-out of one appointment.</summary>
    public void Use(AppointmentId appointment, DateTimeOffset now)
    {
        if (Status != CreditStatus.Available)
        {
            throw DomainException.Conflict($"This {ServiceName} credit was already used.");
        }
        Status = CreditStatus.Used;
        AppointmentId = appointment;
        UsedAt = now;
        Version++;
    }

    /// <summary>
    /// The sale line that used it was refunded: the credit is available again for another visit
    /// (who used it when stays in the audit trail of the refund).
    /// </summary>
    public void GiveBack(AppointmentId appointment)
    {
        if (Status != CreditStatus.Used || AppointmentId != appointment)
        {
            throw DomainException.Conflict($"This {ServiceName} credit was not used for that visit, so it cannot be given back.");
        }
        Status = CreditStatus.Available;
        AppointmentId = null;
        UsedAt = null;
        Version++;
    }
}
