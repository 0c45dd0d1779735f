using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Quotes;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Quotes;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Quotes;

/// <summary>QuoteService against a real SQLite file, migrated as at start-up (with the seeded numbering).</summary>
public sealed class QuoteServiceTests : IAsyncLifetime
{
    private const int Desks = 24;
    private static readonly DateOnly Today = new(2030, 1, 7);
    private readonly Clinic _clinic = new();
    private SqliteDatabase _db = null!;

    private QuoteService Quotes => _db.Services.GetRequiredService<QuoteService>();
    private QuoteQueries Queries => _db.Services.GetRequiredService<QuoteQueries>();

    public async Task InitializeAsync()
    {
        _db = await SqliteDatabase.CreateAsync();
        await _clinic.SeedAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Task<QuoteTemplateView> TemplateAsync(int sessions = 5) =>
        Quotes.CreateTemplateAsync(new SaveQuoteTemplate("Laser plan", [new(_clinic.Laser.Id.Value, sessions, 80m)], 90, Callers.Desk));

    private async Task<QuoteView> QuoteAsync(string? number = null, bool auto = false, string? description = "Legs, six months")
    {
        var template = await TemplateAsync();
        return await Quotes.CreateQuoteAsync(new CreateQuote(_clinic.Olivia.Id.Value, template.Id, description, number, auto, null, null, _clinic.AllDay.Id.Value, Callers.Desk));
    }

    private async Task<QuoteView> ConfirmedAsync()
    {
        var quote = await QuoteAsync();
        return await Quotes.ConfirmAsync(quote.Id, Callers.Desk);
    }

    private static List<PaymentLine> Card(decimal amount) => [new PaymentLine(PaymentMethod.Card, amount)];

    private Task<string> FingerprintAsync() => Task.FromResult(DatabaseFingerprint.Of(_db.FilePath));

    [Fact]
    public async Task Sequences_NewDatabase_SeededForQuotesInvoicesAndReceipts()
    {
        var sequences = await Queries.SequencesAsync();

        Assert.Equal([SequenceKind.Quote, SequenceKind.Invoice, SequenceKind.Receipt], sequences.Select(s => s.Kind));
        Assert.Equal("Q0001", sequences[0].NextPreview);
    }

    [Fact]
    public async Task CreateQuoteAsync_FromTemplate_DraftWithTemplateItemsAndDefaultExpiry()
    {
        var quote = await QuoteAsync();

        Assert.Equal(QuoteStatus.Draft, quote.Status);
        Assert.Equal((Today, Today.AddDays(90)), (quote.Start, quote.Expiry));
        Assert.Equal("Alex Allday", quote.ConsultantName);
        var item = Assert.Single(quote.Items);
        Assert.Equal(("Laser hair removal", 5, 0, 5, 80m), (item.ServiceName, item.Prescribed, item.Sold, item.Remaining, item.Price));
    }

    [Fact]
    public async Task CreateQuoteAsync_Auto_TakesTheNextNumbers()
    {
        var first = await QuoteAsync(auto: true);
        var second = await QuoteAsync(auto: true);

        Assert.Equal(("Q0001", "Q0002"), (first.Number, second.Number));
    }

    [Fact]
    public async Task CreateQuoteAsync_AutoReachesANumberTypedByHand_SkipsIt()
    {
        await QuoteAsync(number: "Q0001");

        var auto = await QuoteAsync(auto: true);

        Assert.Equal("Q0002", auto.Number);
    }

    [Fact]
    public async Task CreateQuoteAsync_DuplicateManualNumber_ConflictAndNothingChanged()
    {
        await QuoteAsync(number: "PLAN-7");
        var template = await TemplateAsync();
        var before = await FingerprintAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => Quotes.CreateQuoteAsync(new CreateQuote(_clinic.Noah.Id.Value, template.Id, "Another", "PLAN-7", false, null, null, null, Callers.Desk)));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Equal("Quote number PLAN-7 is already used; type another or choose Auto.", refused.Message);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task CreateQuoteAsync_NumberDifferingOnlyInCaseAndSpaces_ConflictAndNothingChanged()
    {
        await QuoteAsync(number: "PLAN-7");
        var template = await TemplateAsync();
        var before = await FingerprintAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => Quotes.CreateQuoteAsync(new CreateQuote(_clinic.Noah.Id.Value, template.Id, "Another", " plan-7 ", false, null, null, null, Callers.Desk)));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Equal("Quote number plan-7 is already used; type another or choose Auto.", refused.Message);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task CreateQuoteAsync_AutoNumberTypedEarlierInOtherCase_SkipsIt()
    {
        await QuoteAsync(number: "q0001");

        var auto = await QuoteAsync(auto: true);

        Assert.Equal("Q0002", auto.Number);
    }

    [Fact]
    public async Task CreateQuoteAsync_NoDescription_RefusedAndNoNumberTaken()
    {
        var template = await TemplateAsync();
        var before = await FingerprintAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => Quotes.CreateQuoteAsync(new CreateQuote(_clinic.Olivia.Id.Value, template.Id, " ", null, true, null, null, null, Callers.Desk)));

        Assert.Equal("description", refused.Field);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task CreateQuoteAsync_ExpiryBeforeStart_RefusedAndNothingChanged()
    {
        var template = await TemplateAsync();
        var before = await FingerprintAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => Quotes.CreateQuoteAsync(new CreateQuote(_clinic.Olivia.Id.Value, template.Id, "Plan", null, false, Today.AddDays(10), Today.AddDays(9), null, Callers.Desk)));

        Assert.Equal("expiry", refused.Field);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task CreateQuoteAsync_ManyDesksAtOnceWithAuto_EveryNumberDifferent()
    {
        var template = await TemplateAsync();

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, Desks).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await Quotes.CreateQuoteAsync(new CreateQuote(_clinic.Olivia.Id.Value, template.Id, $"Plan {i}", null, true, null, null, null, Callers.Desk));
        })).ToArray();
        gate.SetResult();
        var quotes = await Task.WhenAll(tasks);

        Assert.Equal(Enumerable.Range(1, Desks).Select(n => $"Q{n:0000}").Order(), quotes.Select(q => q.Number!).Order());
        Assert.Equal(Desks + 1, (await Queries.SequencesAsync()).Single(s => s.Kind == SequenceKind.Quote).NextNumber);
    }

    [Fact]
    public async Task SellFromQuoteAsync_TwoNowThreeLater_CreditsAndRemainingFollow()
    {
        var quote = await ConfirmedAsync();

        await Quotes.SellFromQuoteAsync(new SellFromQuote(quote.Id, [(1, 2)], Card(160m), Callers.Desk));
        var later = await Quotes.SellFromQuoteAsync(new SellFromQuote(quote.Id, [(1, 3)], [new(PaymentMethod.Cash, 100m), new(PaymentMethod.Card, 140m)], Callers.Desk));

        var item = Assert.Single(later.Quote!.Items);
        Assert.Equal((5, 5, 0), (item.Prescribed, item.Sold, item.Remaining));
        var credits = await Queries.ClientCreditsAsync(_clinic.Olivia.Id.Value);
        Assert.Equal(5, credits.Count(c => c.Status == CreditStatus.Available && c.ServiceId == _clinic.Laser.Id.Value && c.Source == CreditSource.Quote));
    }

    [Fact]
    public async Task SellFromQuoteAsync_MoreThanRemains_RefusedAndNothingChanged()
    {
        var quote = await ConfirmedAsync();
        await Quotes.SellFromQuoteAsync(new SellFromQuote(quote.Id, [(1, 4)], Card(320m), Callers.Desk));
        var before = await FingerprintAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => Quotes.SellFromQuoteAsync(new SellFromQuote(quote.Id, [(1, 2)], Card(160m), Callers.Desk)));

        Assert.Equal("Only 1 of Laser hair removal remain prescribed (4 of 5 sold); 2 cannot be sold.", refused.Message);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task SellFromQuoteAsync_PaymentShort_RefusedAndNothingSold()
    {
        var quote = await ConfirmedAsync();
        var before = await FingerprintAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => Quotes.SellFromQuoteAsync(new SellFromQuote(quote.Id, [(1, 2)], Card(80m), Callers.Desk)));

        Assert.Contains("short", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task SellFromQuoteAsync_AfterExpiry_Refused()
    {
        var quote = await ConfirmedAsync();
        _db.Clock.Advance(TimeSpan.FromDays(92));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Quotes.SellFromQuoteAsync(new SellFromQuote(quote.Id, [(1, 1)], Card(80m), Callers.Desk)));

        Assert.Contains("expired", refused.Message, StringComparison.Ordinal);
        Assert.True((await Queries.QuoteAsync(quote.Id))!.Expired);
    }

    [Fact]
    public async Task SellFromQuoteAsync_ManyDesksForTheLastSessions_NeverMoreThanPrescribed()
    {
        var quote = await ConfirmedAsync();

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, Desks).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                await Quotes.SellFromQuoteAsync(new SellFromQuote(quote.Id, [(1, 1)], Card(80m), Callers.Desk));
                return true;
            }
            catch (DomainException)
            {
                return false;
            }
        })).ToArray();
        gate.SetResult();
        var sold = (await Task.WhenAll(tasks)).Count(ok => ok);

        Assert.Equal(5, sold);
        Assert.Equal(5, (await Queries.ClientCreditsAsync(_clinic.Olivia.Id.Value)).Count);
        Assert.Equal(0, (await Queries.QuoteAsync(quote.Id))!.Items.Single().Remaining);
    }

    [Fact]
    public async Task SellFromQuoteAsync_Sold_AnnouncedAsQuoteSaleOnTheSalesTotals()
    {
        var quote = await ConfirmedAsync();

        await Quotes.SellFromQuoteAsync(new SellFromQuote(quote.Id, [(1, 2)], Card(160m), Callers.Desk));

        var sold = Assert.Single(_db.Feed.Published.OfType<CreditsSoldLive>());
        Assert.Equal((CreditSource.Quote, 2, 160m), (sold.Source, sold.Count, sold.Total));
        var (start, end) = (A.Now.AddHours(-8), A.Now.AddHours(16));
        var totals = await _db.Services.GetRequiredService<FrontDesk.Dashboard.Sales.SalesQueries>().TotalsAsync(start, end);
        Assert.Equal(160m, totals.Revenue.QuoteSales);
    }

    [Fact]
    public async Task SellServicesAsync_TwoServices_OneCreditEachPaidOnOneInvoice()
    {
        var sale = await _db.Services.GetRequiredService<QuoteService>().SellServicesAsync(new SellServices(_clinic.Noah.Id.Value, [_clinic.Massage.Id.Value, _clinic.Laser.Id.Value], Card(150m), Callers.Desk));

        Assert.Equal(150m, sale.Total);
        Assert.Equal(["Laser hair removal", "Swedish massage"], sale.Credits.Select(c => c.ServiceName).Order());
        Assert.Equal(1, await _db.CountInvoicesAsync());
    }

    [Fact]
    public async Task CheckOutAsync_ClientHasCreditForTheService_ChargesNothingAndUsesIt()
    {
        await Quotes.SellServicesAsync(new SellServices(_clinic.Olivia.Id.Value, [_clinic.Massage.Id.Value], Card(60m), Callers.Desk));
        var booked = await _db.Appointments.BookAsync(new BookAppointment(_clinic.Olivia.Id.Value, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, A.At(8, 10), false, null, Callers.Desk));

        Assert.Equal(0m, await _db.Appointments.AmountDueAsync(booked.Id));
        await _db.Appointments.CheckOutAsync(new CheckOutAppointment(booked.Id, [], Callers.Desk));

        var credit = Assert.Single(await Queries.ClientCreditsAsync(_clinic.Olivia.Id.Value));
        Assert.Equal((CreditStatus.Used, booked.Id), (credit.Status, credit.AppointmentId));
    }

    [Fact]
    public async Task CheckOutAsync_CreditUsedAlready_ChargesThePriceAgain()
    {
        await Quotes.SellServicesAsync(new SellServices(_clinic.Olivia.Id.Value, [_clinic.Massage.Id.Value], Card(60m), Callers.Desk));
        var first = await _db.Appointments.BookAsync(new BookAppointment(_clinic.Olivia.Id.Value, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, A.At(8, 10), false, null, Callers.Desk));
        var second = await _db.Appointments.BookAsync(new BookAppointment(_clinic.Olivia.Id.Value, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, A.At(8, 12), false, null, Callers.Desk));
        await _db.Appointments.CheckOutAsync(new CheckOutAppointment(first.Id, [], Callers.Desk));

        Assert.Equal(60m, await _db.Appointments.AmountDueAsync(second.Id));
    }

    [Fact]
    public async Task CheckOutAsync_CreditForAnotherService_NotUsed()
    {
        await Quotes.SellServicesAsync(new SellServices(_clinic.Olivia.Id.Value, [_clinic.Laser.Id.Value], Card(90m), Callers.Desk));
        var booked = await _db.Appointments.BookAsync(new BookAppointment(_clinic.Olivia.Id.Value, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, A.At(8, 10), false, null, Callers.Desk));

        await _db.Appointments.CheckOutAsync(new CheckOutAppointment(booked.Id, Card(60m), Callers.Desk));

        Assert.Equal(CreditStatus.Available, Assert.Single(await Queries.ClientCreditsAsync(_clinic.Olivia.Id.Value)).Status);
    }

    [Fact]
    public async Task DeleteTemplateAsync_UsedByAQuote_RefusedMakeInactiveInstead()
    {
        var quote = await QuoteAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => Quotes.DeleteTemplateAsync(quote.TemplateId!.Value, Callers.Desk));

        Assert.Contains("make it inactive instead", refused.Message, StringComparison.Ordinal);
        var inactive = await Quotes.SetTemplateActiveAsync(quote.TemplateId!.Value, false, Callers.Desk);
        Assert.False(inactive.Active);
    }

    [Fact]
    public async Task ReplaceItemsAsync_Draft_ReplacesAndPricesFromTheService()
    {
        var quote = await QuoteAsync();

        var changed = await Quotes.ReplaceItemsAsync(quote.Id, [new(_clinic.Massage.Id.Value, 3, null), new(_clinic.Laser.Id.Value, 6, 75m)], Callers.Desk);

        Assert.Equal([("Swedish massage", 3, 60m), ("Laser hair removal", 6, 75m)], changed.Items.Select(i => (i.ServiceName, i.Prescribed, i.Price)));
    }
}
