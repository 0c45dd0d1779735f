using System.Text;
using MimeKit;

namespace FrontDesk.Dashboard.Sales.Receipts;

/// <summary>
/// The "Smtp" configuration section: the mail server receipts are sent through. Receipts can be
/// emailed once <see cref="Host"/>, <see cref="Port"/> and <see cref="From"/> are set.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    /// <summary>587 (submission with STARTTLS) unless set; 0 counts as missing.</summary>
    public int Port { get; set; } = 587;

    /// <summary>The sender, e.g. "Glow Clinic &lt;desk@glow.example&gt;".</summary>
    public string? From { get; set; }

    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>True: TLS required (implicit on port 465, STARTTLS otherwise); false: plain (a local relay or a test sink).</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>How long one send may take.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The settings still missing before mail can be sent ("Smtp:Host", ...); empty when complete.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            missing.Add("Smtp:Host");
        }
        if (Port is <= 0 or > 65535)
        {
            missing.Add("Smtp:Port");
        }
        if (string.IsNullOrWhiteSpace(From) || !MailboxAddress.TryParse(From, out _))
        {
            missing.Add("Smtp:From");
        }
        return missing;
    }
}

/// <summary>The receipt as an email: a plain-text body with the receipt's lines and the PDF attached (from the model and its PDF only).</summary>
public static class ReceiptEmail
{
    public static MimeMessage Compose(ReceiptModel receipt, byte[] pdf, MailboxAddress from, MailboxAddress to)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(to);
        message.Subject = $"Your {receipt.Title.ToLowerInvariant()} {receipt.Number} from {receipt.BusinessName}";
        var body = new BodyBuilder { TextBody = Text(receipt) };
        body.Attachments.Add(receipt.FileName, pdf, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The receipt as plain text (the email's body).</summary>
    public static string Text(ReceiptModel r)
    {
        var text = new StringBuilder();
        text.AppendLine(r.ClientName is { } name ? $"Dear {name}," : "Hello,");
        text.AppendLine();
        text.AppendLine($"Thank you for your visit. Your {r.Title.ToLowerInvariant()} {r.Number} of {r.Date} is attached as a PDF.");
        text.AppendLine();
        text.AppendLine(r.BusinessName);
        if (r.BusinessAddress is { } address)
        {
            text.AppendLine(address);
        }
        if (r.BusinessPhone is { } phone)
        {
            text.AppendLine($"Tel. {phone}");
        }
        text.AppendLine();
        foreach (var line in r.Lines)
        {
            var quantity = line.Quantity == 1 ? string.Empty : $" ({r.Quantity(line.Quantity)} × {r.Money(line.UnitPrice)})";
            text.AppendLine($"{line.Description}{quantity}: {r.Money(line.Amount)}");
        }
        text.AppendLine();
        foreach (var (label, amount) in r.Totals)
        {
            text.AppendLine($"{label}: {r.Money(amount)}");
        }
        foreach (var payment in r.Payments)
        {
            text.AppendLine($"{(r.Kind == ReceiptKind.Refund ? "Refunded to" : "Paid by")} {payment.Method}: {r.Money(payment.Amount)}");
        }
        if (r.ChangeGiven != 0m)
        {
            text.AppendLine($"Change given: {r.Money(r.ChangeGiven)}");
        }
        if (r.Balance != 0m)
        {
            text.AppendLine($"Balance owed: {r.Money(r.Balance)}");
        }
        if (r.Remaining.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Remaining on your prepaid services:");
            foreach (var left in r.Remaining)
            {
                text.AppendLine(left.Text);
            }
        }
        return text.ToString();
    }
}
