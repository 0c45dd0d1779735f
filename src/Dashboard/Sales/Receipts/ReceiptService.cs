using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Errors;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FrontDesk.Dashboard.Sales.Receipts;

/// <summary>A receipt was emailed: to whom (the address as sent).</summary>
public sealed record ReceiptEmailed(Guid SaleId, string Number, string To);

/// <summary>
/// The mail server refused or could not be reached: nothing else changed, the reason is logged
/// with <see cref="Reference"/> and the message says what happened (a 502 in the API).
/// </summary>
public sealed class ReceiptSendException(string message, string reference, Exception inner) : Exception(message, inner)
{
    public string Reference { get; } = reference;
}

/// <summary>
/// Receipts: the PDF of a sale, and sending it to the client. Sending changes no data and runs
/// outside any database transaction (it only reads); a failure to send is a clear message,
/// logged with a reference, and may simply be tried again.
/// </summary>
public sealed class ReceiptService(
    ReceiptQueries queries,
    IDbContextFactory<DashboardDbContext> contexts,
    IOptionsMonitor<SmtpOptions> smtp,
    ILogger<ReceiptService> logger)
{
    /// <summary>The receipt of a sale, or 404 (NotFound) for an unknown id.</summary>
    public async Task<ReceiptModel> ReceiptAsync(Guid saleId, CancellationToken ct = default) =>
        await queries.BuildAsync(saleId, ct) ?? throw DomainException.NotFound("No sale has that id.");

    /// <summary>The receipt's PDF and its file name; 404 for an unknown id.</summary>
    public async Task<(byte[] Pdf, string FileName)> PdfAsync(Guid saleId, ReceiptPaper paper = ReceiptPaper.A4, CancellationToken ct = default)
    {
        var receipt = await ReceiptAsync(saleId, ct);
        return (ReceiptPdf.Render(receipt, paper), receipt.FileName);
    }

    /// <summary>
    /// What stops the receipt of <paramref name="saleId"/> from being emailed now (no address on
    /// the client, SMTP not configured), or null when it can be. Shown before the button is used.
    /// </summary>
    public async Task<string?> CannotEmailAsync(Guid saleId, CancellationToken ct = default)
    {
        var (_, problem) = await RecipientAsync(saleId, ct);
        return problem;
    }

    /// <summary>
    /// Emails the receipt (text and the PDF attached) to the sale's client. Refused (409
    /// Conflict) when the client has no email address or SMTP is not configured, saying which;
    /// a failure of the mail server is a <see cref="ReceiptSendException"/>.
    /// </summary>
    public async Task<ReceiptEmailed> EmailAsync(Guid saleId, Caller caller, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, Permissions.EmailReceipt);
        var receipt = await ReceiptAsync(saleId, ct);
        var (to, problem) = await RecipientAsync(saleId, ct);
        if (problem is not null || to is null)
        {
            throw DomainException.Conflict(problem ?? "The receipt cannot be emailed.");
        }
        var options = smtp.CurrentValue;
        var pdf = ReceiptPdf.Render(receipt);
        var message = ReceiptEmail.Compose(receipt, pdf, MailboxAddress.Parse(options.From!), to);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(options.TimeoutSeconds, 1, 300)));
            using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(Math.Clamp(options.TimeoutSeconds, 1, 300)).TotalMilliseconds };
            var security = !options.UseTls ? SecureSocketOptions.None : options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(options.Host!, options.Port, security, timeout.Token);
            if (!string.IsNullOrEmpty(options.User))
            {
                await client.AuthenticateAsync(options.User, options.Password ?? string.Empty, timeout.Token);
            }
            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var reference = UnexpectedError.NewReference();
            logger.LogError(failure, "Receipt {Number} of sale {SaleId} could not be emailed through {Host}:{Port}, ref {ErrorRef} (shown as {ErrorShortRef})",
                receipt.Number, saleId, options.Host, options.Port, reference, UnexpectedError.Short(reference));
            var why = failure switch
            {
                OperationCanceledException or TimeoutException => "did not answer in time",
                SslHandshakeException => "could not set up a secure connection (check Smtp:UseTls and Smtp:Port)",
                AuthenticationException => "refused the user name or password (Smtp:User, Smtp:Password)",
                SmtpCommandException refused => $"refused the message ({(int)refused.StatusCode})",
                _ => "could not be reached",
            };
            throw new ReceiptSendException(
                $"The receipt was not sent: the mail server {options.Host}:{options.Port} {why}. Nothing else changed; try again later (ref {UnexpectedError.Short(reference)}).",
                reference,
                failure);
        }
        logger.LogInformation("Receipt {Number} of sale {SaleId} emailed", receipt.Number, saleId);
        return new ReceiptEmailed(saleId, receipt.Number, to.Address);
    }

    /// <summary>The client's address, or what is missing (404 for an unknown sale).</summary>
    private async Task<(MailboxAddress? To, string? Problem)> RecipientAsync(Guid saleId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var id = new InvoiceId(saleId);
        var owners = await db.Invoices.AsNoTracking().Where(i => i.Id == id).Select(i => i.ClientId).ToListAsync(ct);
        if (owners.Count == 0)
        {
            throw DomainException.NotFound("No sale has that id.");
        }
        var clientId = owners[0];
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.Name, c.Email, c.ErasedAt }).SingleOrDefaultAsync(ct);
        var problems = new List<string>();
        MailboxAddress? to = null;
        if (client is null || client.ErasedAt is not null || string.IsNullOrWhiteSpace(client.Email) || !MailboxAddress.TryParse(client.Email.Trim(), out to))
        {
            problems.Add(client is null || client.ErasedAt is not null
                ? "This sale has no client to send it to."
                : $"{client.Name} has no usable email address: add one on their profile first.");
            to = null;
        }
        else
        {
            to = new MailboxAddress(client.Name, to.Address);
        }
        var missing = smtp.CurrentValue.Missing();
        if (missing.Count > 0)
        {
            problems.Add($"Sending email is not set up on this server: {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing in its configuration (ask the clinic's administrator).");
        }
        return problems.Count == 0 ? (to, null) : (null, string.Join(" ", problems));
    }
}
