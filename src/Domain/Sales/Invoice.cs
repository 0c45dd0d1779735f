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

/// <summary>A sale, or a refund (its own document reversing lines of a sale).</summary>
public enum InvoiceKind
{
    Sale,
    Refund,
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
    /// <summary>A tip for a provider: paid by the client, not revenue of the business.</summary>
    Tip,
    /// <summary>The service paid by a visit of a membership used on the appointment (negative, the full price).</summary>
    MembershipCredit,
}

/// <summary>
/// One line of an invoice. <see cref="Discount"/> (its own discount) and
/// <see cref="SaleDiscountShare"/> (its share of the sale's discount) are taken off what it
/// sells; on a refund line every figure is negated. <see cref="CreditFor"/> links a credit line
/// (package, prepaid credit, automatic discount) to the line it pays; <see cref="RefundsLine"/>
/// links a refund's line to the sale's line it reverses.
/// </summary>
public sealed record InvoiceLine(string Description, ServiceId? ServiceId, int Quantity, decimal UnitPrice, string Currency, InvoiceLineKind Kind = InvoiceLineKind.Service, Guid? PackageRecordId = null)
{
    /// <summary>The line's number on its invoice, from 1 (0 on invoices written before numbered lines: see <see cref="Invoice.NumberOf"/>).</summary>
    public int Number { get; init; }

    /// <summary>The product, membership type or package template sold (null for services and credits).</summary>
    public Guid? ItemId { get; init; }

    public Guid? ProviderId { get; init; }

    /// <summary>The membership code of a membership line.</summary>
    public string? Code { get; init; }

    public decimal Discount { get; init; }

    public string? DiscountReason { get; init; }

    public decimal SaleDiscountShare { get; init; }

    public int? CreditFor { get; init; }

    public int? RefundsLine { get; init; }

    /// <summary>What the line sells before any discount.</summary>
    public decimal Gross => UnitPrice * Quantity;

    public Money Amount => new(UnitPrice * Quantity - Discount - SaleDiscountShare, Currency);

    /// <summary>True for a line that pays part of another (package, prepaid credit, automatic discount).</summary>
    public bool IsCredit => IsCreditKind(Kind);

    /// <summary>True for a line paid from something the client bought before (package, prepaid service credit, membership visit).</summary>
    public bool IsPrepaid => IsPrepaidKind(Kind);

    /// <summary>The kinds that pay part of another line: the prepaid ones and the automatic discount.</summary>
    public static bool IsCreditKind(InvoiceLineKind kind) => IsPrepaidKind(kind) || kind == InvoiceLineKind.Discount;

    /// <summary>The kinds paid from something the client bought before (package, prepaid service credit, membership visit).</summary>
    public static bool IsPrepaidKind(InvoiceLineKind kind) => kind is InvoiceLineKind.PackageCredit or InvoiceLineKind.ServiceCredit or InvoiceLineKind.MembershipCredit;
}

public enum DiscountKind
{
    Amount,
    Percent,
}

/// <summary>A discount as asked: an amount or a percent (0-100), with its reason.</summary>
public sealed record DiscountRequest(DiscountKind Kind, decimal Value, string? Reason)
{
    public const int MaxReasonLength = 200;

    /// <summary>The amount it takes off <paramref name="of"/>, refused when it is more than that or has no reason.</summary>
    public decimal AmountOff(decimal of, string what, string field)
    {
        Text.Required(Reason, field, "The reason for the discount", MaxReasonLength);
        if (!Enum.IsDefined(Kind))
        {
            throw DomainException.Invalid("A discount is an Amount or a Percent.", field);
        }
        if (Value < 0m)
        {
            throw DomainException.Invalid("A discount cannot be negative.", field);
        }
        decimal off;
        if (Kind == DiscountKind.Percent)
        {
            if (Value > 100m)
            {
                throw Limits.OutOfRange("A percent discount is between 0 and 100.", field);
            }
            off = Money.Percent(of, Value);
        }
        else
        {
            Limits.EnsureMoney(Value, field, "The discount");
            if (decimal.Round(Value, 2) != Value)
            {
                throw DomainException.Invalid("A discount has at most two decimals.", field);
            }
            off = Value;
        }
        if (off > of)
        {
            throw DomainException.Rule($"The discount ({off:0.00}) is more than {what} ({of:0.00}).", field);
        }
        return off;
    }
}

/// <summary>
/// One line to sell, as the sale service resolved it from the catalogue: what, how many, at
/// what price, for which provider, with its own discount and the credits that pay part of it
/// (only the appointment's service line has credits).
/// </summary>
public sealed record SaleItem(
    InvoiceLineKind Kind,
    string Description,
    int Quantity,
    decimal UnitPrice,
    ServiceId? ServiceId = null,
    Guid? ItemId = null,
    Guid? ProviderId = null,
    string? Code = null,
    Guid? PackageRecordId = null,
    DiscountRequest? Discount = null,
    IReadOnlyList<InvoiceLine>? Credits = null);

/// <summary>One line of a sale to reverse in a refund, and how many of it.</summary>
public sealed record RefundRequest(int LineNumber, int Quantity);

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

    public const int MaxLines = 100;
    public const int MaxQuantity = 1000;
    public const int MaxReasonLength = 500;

    public InvoiceId Id { get; private set; }

    /// <summary>The client; null for a walk-in sale paid in full.</summary>
    public ClientId? ClientId { get; private set; }
    public InvoiceKind Kind { get; private set; }

    /// <summary>From the Invoice numbering sequence (null on invoices from before numbering).</summary>
    public string? Number { get; private set; }

    /// <summary>The sale a refund reverses.</summary>
    public InvoiceId? RefundOf { get; private set; }

    /// <summary>Why a refund was made, or the sale discount's reason.</summary>
    public string? Reason { get; private set; }

    /// <summary>Cash handed back as change (the payments record the net).</summary>
    public decimal ChangeGiven { get; private set; }

    /// <summary>What refunds voided of what this sale's client owed (no money moved).</summary>
    public decimal Voided { get; private set; }

    /// <summary>On a refund: the part of it that voided what was owed instead of paying money back.</summary>
    public decimal VoidedOwed { get; private set; }
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

    /// <summary>What the client still owes: total less payments and what refunds voided (0 on a refund).</summary>
    public decimal Balance => Kind == InvoiceKind.Refund ? 0m : Total.Amount - Paid.Amount - Voided;

    /// <summary>A line's number: its own, or its place for invoices written before lines were numbered.</summary>
    public int NumberOf(InvoiceLine line) => line.Number != 0 ? line.Number : IndexOf(line) + 1;

    private int IndexOf(InvoiceLine line)
    {
        for (var i = 0; i < _lines.Count; i++)
        {
            if (ReferenceEquals(_lines[i], line))
            {
                return i;
            }
        }
        return -1;
    }

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
            if (credit.UnitPrice > 0m || !credit.IsCredit)
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
    /// A sale of lines of every kind (services done now, products, memberships, packages, the
    /// appointment's service with its credits), each with its own discount, then the sale's
    /// discount shared over the lines in proportion to what each still costs (to the cent, so
    /// the shares add up exactly), then a tip for a provider. Nothing is paid yet: see <see cref="Pay"/>.
    /// </summary>
    public static Invoice Sale(
        InvoiceId id,
        ClientId? client,
        AppointmentId? appointment,
        string currency,
        IReadOnlyList<SaleItem> items,
        DiscountRequest? saleDiscount,
        (decimal Amount, Guid ProviderId, string ProviderName)? tip,
        DateTimeOffset now)
    {
        if (items.Count == 0)
        {
            throw DomainException.Invalid("Add at least one line to the sale.", "lines");
        }
        if (items.Count > MaxLines)
        {
            throw Limits.OutOfRange($"One sale has at most {MaxLines} lines.", "lines");
        }
        var invoice = new Invoice
        {
            Id = id,
            ClientId = client,
            AppointmentId = appointment,
            Currency = currency,
            IssuedAt = now,
            Kind = InvoiceKind.Sale,
            Status = InvoiceStatus.Open,
        };
        var number = 0;
        var sold = new List<(int Index, decimal Net)>();
        foreach (var item in items)
        {
            if (item.Kind is not (InvoiceLineKind.Service or InvoiceLineKind.Product or InvoiceLineKind.Membership or InvoiceLineKind.Package or InvoiceLineKind.QuoteItem))
            {
                throw DomainException.Invalid("A sale line sells a service, product, membership or package.", "lines");
            }
            var description = Text.Required(item.Description, "lines", "A line's description", 200);
            if (item.Quantity < 1 || item.Quantity > MaxQuantity)
            {
                throw Limits.OutOfRange($"A line's quantity is between 1 and {MaxQuantity}.", "quantity");
            }
            if (item.Kind == InvoiceLineKind.Membership && item.Quantity != 1)
            {
                throw DomainException.Rule($"Each membership is its own line with quantity 1 ({description}): to sell more, add more lines.", "quantity");
            }
            if (item.UnitPrice < 0m)
            {
                throw DomainException.Invalid("A price cannot be negative.", "unitPrice");
            }
            Limits.EnsureMoney(item.UnitPrice, "unitPrice", "A price");
            if (decimal.Round(item.UnitPrice, 2) != item.UnitPrice)
            {
                throw DomainException.Invalid("A price has at most two decimals.", "unitPrice");
            }
            var gross = item.UnitPrice * item.Quantity;
            Limits.EnsureMoney(gross, "quantity", "What one line sells");
            var credits = item.Credits ?? [];
            if (credits.Any(c => !c.IsCredit || c.UnitPrice > 0m))
            {
                throw new ArgumentException("Credits are negative package-credit or discount lines.", nameof(items));
            }
            var net = gross + credits.Sum(c => c.UnitPrice * c.Quantity);
            if (net < 0m)
            {
                throw DomainException.Rule("Credits cannot exceed the service's price.");
            }
            var discount = item.Discount?.AmountOff(net, $"what {description} costs", "discount") ?? 0m;
            var lineNumber = ++number;
            invoice._lines.Add(new InvoiceLine(description, item.ServiceId, item.Quantity, item.UnitPrice, currency, item.Kind, item.PackageRecordId)
            {
                Number = lineNumber,
                ItemId = item.ItemId,
                ProviderId = item.ProviderId,
                Code = item.Code,
                Discount = discount,
                DiscountReason = item.Discount?.Reason?.Trim(),
            });
            sold.Add((invoice._lines.Count - 1, net - discount));
            foreach (var credit in credits)
            {
                invoice._lines.Add(credit with { Currency = currency, Number = ++number, CreditFor = lineNumber });
            }
        }
        if (saleDiscount is not null)
        {
            var subtotal = sold.Sum(s => s.Net);
            var off = saleDiscount.AmountOff(subtotal, "the sale's total", "discount");
            invoice.Reason = saleDiscount.Reason?.Trim();
            var shares = Share(off, sold.Select(s => s.Net).ToList());
            for (var i = 0; i < sold.Count; i++)
            {
                invoice._lines[sold[i].Index] = invoice._lines[sold[i].Index] with { SaleDiscountShare = shares[i] };
            }
        }
        if (tip is { } t)
        {
            if (t.Amount <= 0m)
            {
                throw DomainException.Invalid("A tip is more than zero.", "tip");
            }
            Limits.EnsureMoney(t.Amount, "tip", "The tip");
            if (decimal.Round(t.Amount, 2) != t.Amount)
            {
                throw DomainException.Invalid("A tip has at most two decimals.", "tip");
            }
            invoice._lines.Add(new InvoiceLine($"Tip for {t.ProviderName}", null, 1, t.Amount, currency, InvoiceLineKind.Tip)
            {
                Number = ++number,
                ProviderId = t.ProviderId,
            });
        }
        Limits.EnsureMoney(invoice.Total.Amount, "lines", "The total of one sale");
        return invoice;
    }

    /// <summary>
    /// Shares <paramref name="amount"/> over lines in proportion to their <paramref name="weights"/>,
    /// to the cent: every line first gets its share rounded down, then the cents left go one by
    /// one to the lines with the largest remainders; no line gets more than its weight.
    /// </summary>
    public static IReadOnlyList<decimal> Share(decimal amount, IReadOnlyList<decimal> weights)
    {
        var total = weights.Sum();
        var shares = new decimal[weights.Count];
        if (amount == 0m || total == 0m)
        {
            return shares;
        }
        var exact = weights.Select(w => amount * w / total).ToList();
        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = Math.Min(weights[i], decimal.Floor(exact[i] * 100m) / 100m);
        }
        var left = amount - shares.Sum();
        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => exact[i] - shares[i]).ThenByDescending(i => weights[i]))
        {
            if (left <= 0m)
            {
                break;
            }
            var room = weights[i] - shares[i];
            var add = Math.Min(room, Math.Min(left, 0.01m));
            shares[i] += add;
            left -= add;
        }
        // Any cents still left (many tiny lines): give them where there is room, largest first.
        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => weights[i]))
        {
            if (left <= 0m)
            {
                break;
            }
            var add = Math.Min(weights[i] - shares[i], left);
            shares[i] += add;
            left -= add;
        }
        return shares;
    }

    /// <summary>Gives the sale its number (once).</summary>
    public void AssignNumber(string number)
    {
        if (Number is not null)
        {
            throw DomainException.Conflict($"This invoice already has the number {Number}.");
        }
        Number = Text.Required(number, "number", "The number", 40);
    }

    /// <summary>
    /// Takes payments towards the balance. Less than the balance leaves the sale open with what
    /// is owed (a walk-in sale without a client must be paid in full); more is refused unless the
    /// excess is covered by cash in these payments: then the cash recorded is the net and the
    /// excess is <see cref="ChangeGiven"/>. With <paramref name="allowNone"/> (a new sale left
    /// owed in full) no payment at all is accepted too.
    /// </summary>
    public void Pay(IReadOnlyCollection<(PaymentMethod Method, decimal Amount)> payments, DateTimeOffset now, Actor actor, bool allowNone = false)
    {
        if (Kind == InvoiceKind.Refund)
        {
            throw DomainException.Rule("A refund takes no payment.", "payments");
        }
        if (Status == InvoiceStatus.Paid)
        {
            throw DomainException.Conflict("This sale is already paid; nothing is owed.");
        }
        var lines = Validate(payments, now);
        var balance = Balance;
        var paid = lines.Sum(p => p.Amount);
        if (lines.Count == 0 && balance > 0m && !allowNone)
        {
            throw DomainException.Rule("Add a cash or card payment.", "payments");
        }
        var change = 0m;
        if (paid > balance)
        {
            var excess = paid - balance;
            var cash = lines.Where(p => p.Method == PaymentMethod.Cash).Sum(p => p.Amount);
            if (excess > cash)
            {
                throw DomainException.Rule(
                    $"Payments add up to {Format(paid)} but {Format(balance)} is owed (over by {Format(excess)}). Only cash can be more than what is owed, as change; take less by card.",
                    "payments");
            }
            change = excess;
            var left = excess;
            for (var i = lines.Count - 1; i >= 0 && left > 0m; i--)
            {
                if (lines[i].Method != PaymentMethod.Cash)
                {
                    continue;
                }
                var take = Math.Min(left, lines[i].Amount);
                lines[i] = lines[i] with { Amount = lines[i].Amount - take };
                left -= take;
            }
            lines.RemoveAll(p => p.Amount == 0m);
        }
        else if (paid < balance && ClientId is null)
        {
            throw DomainException.Rule(
                $"A sale without a client is paid in full: {Format(balance)} is owed and the payments add up to {Format(paid)}. Choose the client to leave a balance owed.",
                "payments");
        }
        _payments.AddRange(lines);
        ChangeGiven += change;
        if (Balance == 0m)
        {
            Status = InvoiceStatus.Paid;
            PaidAt = now;
            Raise(new InvoicePaid(Id, ClientId, Total, now, actor));
        }
    }

    /// <summary>
    /// A refund of some lines (and how many of each): its own invoice of kind Refund with the
    /// negated lines (their credits reversed with them), never a change to this sale's lines or
    /// payments. What it reverses first voids what is still owed on this sale (no money moves),
    /// the rest goes back as money: by the given methods, or else the way it was paid, cash
    /// first, never more by one method than was paid by it.
    /// </summary>
    public Invoice Refund(
        InvoiceId id,
        IReadOnlyList<Invoice> earlierRefunds,
        IReadOnlyList<RefundRequest> requests,
        IReadOnlyCollection<(PaymentMethod Method, decimal Amount)>? payments,
        string? reason,
        DateTimeOffset now,
        Actor actor)
    {
        if (Kind == InvoiceKind.Refund)
        {
            throw DomainException.Rule("A refund cannot be refunded.");
        }
        var why = Text.Required(reason, "reason", "The reason for the refund", MaxReasonLength);
        if (requests.Count == 0)
        {
            throw DomainException.Invalid("Choose at least one line to refund.", "lines");
        }
        if (requests.Count > MaxLines)
        {
            throw Limits.OutOfRange($"One refund has at most {MaxLines} lines.", "lines");
        }
        if (requests.Select(r => r.LineNumber).Distinct().Count() != requests.Count)
        {
            throw DomainException.Invalid("Name each line once.", "lines");
        }
        var refund = new Invoice
        {
            Id = id,
            ClientId = ClientId,
            AppointmentId = AppointmentId,
            Currency = Currency,
            IssuedAt = now,
            Kind = InvoiceKind.Refund,
            RefundOf = Id,
            Reason = why,
            Status = InvoiceStatus.Open,
        };
        var earlier = earlierRefunds.Where(r => r.RefundOf == Id).SelectMany(r => r._lines).ToList();
        var number = 0;
        foreach (var request in requests)
        {
            var line = _lines.FirstOrDefault(l => NumberOf(l) == request.LineNumber && !l.IsCredit)
                ?? throw DomainException.Invalid($"This sale has no line {request.LineNumber} to refund.", "lines");
            if (request.Quantity < 1)
            {
                throw DomainException.Invalid("Refund at least one of a line.", "quantity");
            }
            var before = earlier.Where(l => l.RefundsLine == request.LineNumber && !l.IsCredit).ToList();
            var left = line.Quantity - before.Sum(l => l.Quantity);
            if (request.Quantity > left)
            {
                throw DomainException.Rule(left == 0
                    ? $"{line.Description} is already refunded."
                    : $"Only {left} of {line.Description} can still be refunded (asked for {request.Quantity}).", "quantity");
            }
            var amount = Part(line.Amount.Amount, -before.Sum(l => l.Amount.Amount), request.Quantity, left, line.Quantity);
            var refundNumber = ++number;
            refund._lines.Add(new InvoiceLine($"Refund: {line.Description}", line.ServiceId, request.Quantity, -line.UnitPrice, Currency, line.Kind, line.PackageRecordId)
            {
                Number = refundNumber,
                ItemId = line.ItemId,
                ProviderId = line.ProviderId,
                Code = line.Code,
                Discount = amount - line.UnitPrice * request.Quantity,
                RefundsLine = request.LineNumber,
            });
            foreach (var credit in CreditsOf(line))
            {
                var creditNumber = NumberOf(credit);
                var creditBefore = -earlier.Where(l => l.RefundsLine == creditNumber && l.IsCredit).Sum(l => l.Amount.Amount);
                var back = Part(credit.Amount.Amount, creditBefore, request.Quantity, left, line.Quantity);
                refund._lines.Add(new InvoiceLine($"Refund: {credit.Description}", credit.ServiceId, 1, -back, Currency, credit.Kind, credit.PackageRecordId)
                {
                    Number = ++number,
                    CreditFor = refundNumber,
                    RefundsLine = creditNumber,
                });
            }
        }
        var reversed = -refund.Total.Amount;
        var owed = Math.Max(0m, Balance);
        var voided = Math.Min(reversed, owed);
        var money = reversed - voided;
        var paidBack = -earlierRefunds.Where(r => r.RefundOf == Id).SelectMany(r => r._payments).Sum(p => p.Amount);
        if (money > Paid.Amount - paidBack)
        {
            throw DomainException.Rule($"This refund would pay back {Format(money)} but only {Format(Paid.Amount - paidBack)} was paid and not yet refunded.", "lines");
        }
        refund._payments.AddRange(MoneyBack(money, payments, earlierRefunds, now));
        refund.VoidedOwed = voided;
        refund.Status = InvoiceStatus.Paid;
        refund.PaidAt = now;
        if (voided > 0m)
        {
            Voided += voided;
            if (Balance == 0m)
            {
                Status = InvoiceStatus.Paid;
                PaidAt = now;
            }
        }
        refund.Raise(new SaleRefunded(refund.Id, Id, ClientId, reversed, money, now, actor));
        return refund;
    }

    /// <summary>The credit lines that pay part of a line (before credits were linked, an appointment's credits pay its first service line).</summary>
    public IReadOnlyList<InvoiceLine> CreditsOf(InvoiceLine line)
    {
        var number = NumberOf(line);
        var linked = _lines.Where(c => c.IsCredit && c.CreditFor == number).ToList();
        if (linked.Count > 0 || line.Kind != InvoiceLineKind.Service)
        {
            return linked;
        }
        var first = _lines.FirstOrDefault(l => l.Kind == InvoiceLineKind.Service);
        return ReferenceEquals(first, line) ? _lines.Where(c => c.IsCredit && c.CreditFor is null).ToList() : [];
    }

    /// <summary>The part of <paramref name="amount"/> for <paramref name="quantity"/> of <paramref name="of"/>; the last part is what remains, so the parts add up exactly.</summary>
    private static decimal Part(decimal amount, decimal alreadyBack, int quantity, int left, int of) =>
        quantity == left ? amount - alreadyBack : Money.Round(amount * quantity / of);

    private List<Payment> MoneyBack(decimal money, IReadOnlyCollection<(PaymentMethod Method, decimal Amount)>? payments, IReadOnlyList<Invoice> earlierRefunds, DateTimeOffset now)
    {
        var net = Enum.GetValues<PaymentMethod>().ToDictionary(m => m, m =>
            _payments.Where(p => p.Method == m).Sum(p => p.Amount)
            + earlierRefunds.Where(r => r.RefundOf == Id).SelectMany(r => r._payments).Where(p => p.Method == m).Sum(p => p.Amount));
        var back = new List<Payment>();
        if (payments is not null)
        {
            var lines = Validate(payments, now);
            var sum = lines.Sum(p => p.Amount);
            if (sum != money)
            {
                throw DomainException.Rule($"The money back adds up to {Format(sum)} but this refund pays back {Format(money)}.", "payments");
            }
            foreach (var group in lines.GroupBy(p => p.Method))
            {
                if (group.Sum(p => p.Amount) > net[group.Key])
                {
                    throw DomainException.Rule($"Only {Format(net[group.Key])} was paid by {group.Key.ToString().ToLowerInvariant()} and not yet refunded.", "payments");
                }
            }
            back.AddRange(lines.Select(p => p with { Amount = -p.Amount }));
            return back;
        }
        var left = money;
        foreach (var method in new[] { PaymentMethod.Cash, PaymentMethod.Card })
        {
            var take = Math.Min(left, Math.Max(0m, net[method]));
            if (take > 0m)
            {
                back.Add(new Payment(method, -take, Currency, now));
                left -= take;
            }
        }
        return back;
    }

    private List<Payment> Validate(IReadOnlyCollection<(PaymentMethod Method, decimal Amount)> payments, DateTimeOffset now)
    {
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
            if (decimal.Round(amount, 2) != amount)
            {
                throw DomainException.Invalid("A payment has at most two decimals.", "payments");
            }
            lines.Add(new Payment(method, amount, Currency, now));
        }
        return lines;
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
        var lines = Validate(payments, now);
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

public sealed record InvoicePaid(InvoiceId InvoiceId, ClientId? ClientId, Money Total, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);

/// <summary>A refund was made: <paramref name="Reversed"/> of the sale reversed, <paramref name="MoneyBack"/> of it paid back.</summary>
public sealed record SaleRefunded(InvoiceId RefundId, InvoiceId SaleId, ClientId? ClientId, decimal Reversed, decimal MoneyBack, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);
