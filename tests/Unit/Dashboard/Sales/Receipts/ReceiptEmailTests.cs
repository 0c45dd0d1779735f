using System.Net;
using System.Net.Sockets;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Sales.Receipts;
using FrontDesk.Domain.Common;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using netDumbster.smtp;

namespace FrontDesk.Tests.Unit.Dashboard.Sales.Receipts;

/// <summary>Emailing a receipt through a real SMTP sink on 127.0.0.1 (netDumbster), and the refusals before it.</summary>
public sealed class ReceiptEmailTests : IAsyncLifetime
{
    private SqliteDatabase _db = default!;
    private readonly Clinic _clinic = new();

    public async Task InitializeAsync()
    {
        _db = await SqliteDatabase.CreateAsync(A.At(7, 7));
        await _clinic.SeedAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ReceiptService Service(SmtpOptions smtp) => new(
        _db.Services.GetRequiredService<ReceiptQueries>(),
        _db.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>(),
        new FixedOptions<SmtpOptions>(smtp),
        NullLogger<ReceiptService>.Instance);

    [Fact]
    public async Task EmailAsync_ClientWithAnAddressAndSmtp_TheSinkGetsTheReceiptWithThePdf()
    {
        var port = FreePort();
        using var sink = SimpleSmtpServer.Start(port);
        var sale = await ReceiptSales.PaidMassageAsync(_db, _clinic);

        var sent = await Service(new SmtpOptions { Host = "127.0.0.1", Port = port, From = "Glow Clinic <desk@glow.example>", UseTls = false }).EmailAsync(sale, Callers.Desk);

        Assert.Equal("olivia.smith@example.com", sent.To);
        var email = Assert.Single(sink.ReceivedEmail);
        var message = await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(email.Data)));
        Assert.Equal("olivia.smith@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains(sent.Number, message.Subject, StringComparison.Ordinal);
        Assert.Contains("Total: 60.00 GBP", message.TextBody, StringComparison.Ordinal);
        var pdf = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("application/pdf", pdf.ContentType.MimeType);
        using var content = new MemoryStream();
        await pdf.Content!.DecodeToAsync(content);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(content.ToArray(), 0, 5));
    }

    [Fact]
    public async Task EmailAsync_SmtpNotConfigured_ConflictNamingWhatIsMissing()
    {
        var sale = await ReceiptSales.PaidMassageAsync(_db, _clinic);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Service(new SmtpOptions { Port = 25 }).EmailAsync(sale, Callers.Desk));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Contains("Smtp:Host, Smtp:From are missing", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailAsync_ClientWithoutAnAddress_ConflictSayingSo()
    {
        var booked = await _db.Appointments.BookAsync(new FrontDesk.Dashboard.Calendar.BookAppointment(_clinic.Noah.Id.Value, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, A.At(7, 11), false, null, Callers.Desk));
        await _db.Appointments.CheckOutAsync(new FrontDesk.Dashboard.Calendar.CheckOutAppointment(booked.Id, [new(FrontDesk.Domain.Sales.PaymentMethod.Cash, 60m)], Callers.Desk));
        var sale = await _db.QueryAsync(async c => (await c.Invoices.AsNoTracking().SingleAsync(i => i.AppointmentId == new AppointmentId(booked.Id))).Id.Value);

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Service(new SmtpOptions { Host = "127.0.0.1", Port = 25, From = "desk@glow.example" }).EmailAsync(sale, Callers.Desk));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Equal("Noah Patel has no usable email address: add one on their profile first.", refused.Message);
    }

    [Fact]
    public async Task EmailAsync_MailServerDown_AClearFailureWithAReference()
    {
        var sale = await ReceiptSales.PaidMassageAsync(_db, _clinic);
        var closed = FreePort();

        var failed = await Assert.ThrowsAsync<ReceiptSendException>(() =>
            Service(new SmtpOptions { Host = "127.0.0.1", Port = closed, From = "desk@glow.example", UseTls = false, TimeoutSeconds = 5 }).EmailAsync(sale, Callers.Desk));

        Assert.StartsWith($"The receipt was not sent: the mail server 127.0.0.1:{closed} could not be reached.", failed.Message, StringComparison.Ordinal);
        Assert.Contains(FrontDesk.Dashboard.Errors.UnexpectedError.Short(failed.Reference), failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailAsync_AsTheWallDisplay_Forbidden()
    {
        var sale = await ReceiptSales.PaidMassageAsync(_db, _clinic);
        var display = FrontDesk.Dashboard.Security.Caller.Staff("d1", "Waiting room", FrontDesk.Domain.Staff.StaffRole.Display);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Service(new SmtpOptions()).EmailAsync(sale, display));

        Assert.Equal(DomainErrorKind.Forbidden, refused.Kind);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
