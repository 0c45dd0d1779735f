using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Memberships;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Memberships;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Clients;

/// <summary>Duplicates, edit, deactivate, merge, erase and export, against a real SQLite file.</summary>
public sealed class ClientLifecycleServiceTests : IAsyncLifetime
{
    private readonly Clinic _clinic = new(); // Olivia Smith 07700 900123 olivia.smith@example.com, Noah Patel 07911 222333, Amelia Smith-Jones
    private SqliteDatabase _db = null!;
    private PackageTemplate _course = null!;

    private ClientService Clients => _db.Clients;
    private PackageService Packages => _db.Services.GetRequiredService<PackageService>();
    private PackageQueries PackageQueries => _db.Services.GetRequiredService<PackageQueries>();
    private ClientFileQueries Files => _db.Services.GetRequiredService<ClientFileQueries>();
    private MembershipService Memberships => _db.Services.GetRequiredService<MembershipService>();
    private MembershipQueries MembershipQueries => _db.Services.GetRequiredService<MembershipQueries>();

    private async Task<MembershipView> MembershipUsedByAsync(Client holder, string code)
    {
        var type = await Memberships.CreateProductAsync(new SaveProduct("Massage card", 100m, new MembershipTermsInput(60, ValidityStart.Sale, [_clinic.Massage.Id.Value], 5, null), Callers.Desk));
        await Memberships.ReceiveAsync([new StockLine(type.Id, 1)], null, Callers.Desk);
        await Memberships.SellAsync(new SellProducts(holder.Id.Value, null, [new SellLine(type.Id, 1, code, false, holder.Id.Value)], [new PaymentLine(PaymentMethod.Card, 100m)], Callers.Desk));
        var visit = await BookAsync(holder.Id.Value, 8, 10);
        return await Memberships.UseAsync(code, visit.Id, Callers.Desk);
    }

    public async Task InitializeAsync()
    {
        _db = await SqliteDatabase.CreateAsync();
        await _clinic.SeedAsync(_db);
        _course = PackageTemplate.Create(PackageTemplateId.New(), new TemplateTerms("Massage x5", PackageKind.Course, PackageValueType.Sessions,
            [new PackageLine(_clinic.Massage.Id, 5)], [], false, 0m, new Money(250m, "GBP"), 0m, true, null, null, UsageRestrictions.None), A.Now, A.Desk);
        await _db.AddAsync(_course);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static RegisterClient New(string name, string? phone = null, string? email = null) => new(name, phone, email, null, Callers.Desk);

    private Task<RecordView> SellAsync(Client to, AcquisitionMode mode = AcquisitionMode.Paid) =>
        Packages.AcquireAsync(new AcquirePackage(to.Id.Value, _course.Id.Value, mode, null, mode == AcquisitionMode.Paid ? [new PaymentLine(PaymentMethod.Card, 250m)] : null, Callers.Desk));

    private Task<AppointmentView> BookAsync(Guid client, int day, int hour, Guid? record = null) =>
        _db.Appointments.BookAsync(new BookAppointment(client, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, A.At(day, hour), false, null, Callers.Desk)
        {
            PackageRecordId = record,
            SessionNumber = record is null ? null : 1,
        });

    [Fact]
    public async Task RegisterAsync_PhoneAnotherClientHasSpacedDifferently_RefusedNamingThatClient()
    {
        var ex = await Assert.ThrowsAsync<DuplicateClientException>(() => Clients.RegisterAsync(New("Olivia S", "077009 00123")));

        Assert.Equal(_clinic.Olivia.Id.Value, ex.Existing.Id);
        Assert.Equal("phone", ex.Field);
        Assert.Equal("Olivia Smith, 07700 900123, already has this phone.", ex.Message);
        Assert.Equal(3, await _db.CountClientsAsync());
    }

    [Fact]
    public async Task RegisterAsync_EmailAnotherClientHasInOtherCase_RefusedAsDuplicate()
    {
        var ex = await Assert.ThrowsAsync<DuplicateClientException>(() => Clients.RegisterAsync(New("Liv Smith", email: "Olivia.Smith@Example.com")));

        Assert.Equal("email", ex.Field);
        Assert.Equal(_clinic.Olivia.Id.Value, ex.Existing.Id);
    }

    [Fact]
    public async Task RegisterAsync_DuplicateAllowed_CreatesSecondClient()
    {
        var created = await Clients.RegisterAsync(New("Olivia Smith", "07700 900123") with { AllowDuplicate = true });

        Assert.NotEqual(_clinic.Olivia.Id.Value, created.Id);
        Assert.Equal(4, await _db.CountClientsAsync());
    }

    [Fact]
    public async Task UpdateAsync_PhoneIntoAnotherClients_RefusedAndUnchanged()
    {
        var update = new UpdateClient(_clinic.Noah.Id.Value, new ClientDetails("Noah Patel", "07700 900123"), true, Callers.Desk);

        await Assert.ThrowsAsync<DuplicateClientException>(() => Clients.UpdateAsync(update));

        Assert.Equal("07911 222333", (await Clients.FindAsync(_clinic.Noah.Id.Value))!.Phone);
    }

    [Fact]
    public async Task UpdateAsync_EveryField_StoredAsGiven()
    {
        var details = new ClientDetails("Noah J. Patel", "07911 000111", "noah@example.com", new DateOnly(1985, 3, 2), "Left-handed", true);

        await Clients.UpdateAsync(new UpdateClient(_clinic.Noah.Id.Value, details, true, Callers.Desk));

        var noah = (await Clients.FindAsync(_clinic.Noah.Id.Value))!;
        Assert.Equal(("Noah J. Patel", "07911 000111", "noah@example.com", "Left-handed"), (noah.Name, noah.Phone, noah.Email, noah.Notes));
        Assert.Equal(new DateOnly(1985, 3, 2), noah.DateOfBirth);
        Assert.True(noah.MarketingConsent);
    }

    [Fact]
    public async Task UpdateAsync_Deactivated_HiddenFromSearchAndListButOnFile()
    {
        await Clients.UpdateAsync(new UpdateClient(_clinic.Noah.Id.Value, new ClientDetails("Noah Patel", "07911 222333"), false, Callers.Desk));

        Assert.Empty(await Clients.SearchAsync("noah"));
        Assert.Equal(2, (await Clients.PageAsync(null, 0, 50)).Total);
        Assert.Equal(3, (await Clients.PageAsync(null, 0, 50, includeInactive: true)).Total);
        Assert.False((await Clients.FindAsync(_clinic.Noah.Id.Value))!.Active);
    }

    [Fact]
    public async Task BookAsync_InactiveClient_RefusedWithReason()
    {
        await Clients.UpdateAsync(new UpdateClient(_clinic.Noah.Id.Value, new ClientDetails("Noah Patel", "07911 222333"), false, Callers.Desk));

        var ex = await Assert.ThrowsAsync<DomainException>(() => BookAsync(_clinic.Noah.Id.Value, 8, 10));

        Assert.Contains("inactive", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _db.CountAppointmentsAsync());
    }

    [Fact]
    public async Task AcquireAsync_InactiveClient_Refused()
    {
        await Clients.UpdateAsync(new UpdateClient(_clinic.Noah.Id.Value, new ClientDetails("Noah Patel", "07911 222333"), false, Callers.Desk));

        await Assert.ThrowsAsync<DomainException>(() => SellAsync(_clinic.Noah));

        Assert.Equal(0, await _db.CountInvoicesAsync());
    }

    [Fact]
    public async Task MergeAsync_Duplicate_MovesAppointmentsPackagesAndSalesKeepingBalancesAndLiability()
    {
        var paid = await SellAsync(_clinic.Noah);
        await SellAsync(_clinic.Noah, AcquisitionMode.Unpaid);
        await BookAsync(_clinic.Noah.Id.Value, 8, 10, paid.Id);
        await BookAsync(_clinic.Olivia.Id.Value, 8, 12);
        var liability = await PackageQueries.LiabilityAsync(A.At(9, 0));
        var history = await PackageQueries.HistoryAsync(paid.Id);
        var owedBefore = (await Files.FileAsync(_clinic.Noah.Id.Value))!.Owed;

        await Clients.MergeAsync(_clinic.Noah.Id.Value, _clinic.Olivia.Id.Value, Callers.Desk);

        var noah = (await Files.FileAsync(_clinic.Noah.Id.Value))!;
        var olivia = (await Files.FileAsync(_clinic.Olivia.Id.Value))!;
        Assert.Empty(noah.Upcoming.Concat(noah.Past));
        Assert.Empty((await Files.ExportAsync(_clinic.Noah.Id.Value)).Invoices);
        Assert.Equal(2, olivia.Upcoming.Count);
        Assert.Equal(2, (await Files.ExportAsync(_clinic.Olivia.Id.Value)).Invoices.Count);
        Assert.Equal(owedBefore, olivia.Owed);
        Assert.Equal(2, (await PackageQueries.ClientRecordsAsync(_clinic.Olivia.Id.Value)).Count);
        Assert.Empty(await PackageQueries.ClientRecordsAsync(_clinic.Noah.Id.Value));
        Assert.Equal(liability, await PackageQueries.LiabilityAsync(A.At(9, 0)));
        Assert.Equal(history, await PackageQueries.HistoryAsync(paid.Id));
        Assert.Equal(_clinic.Olivia.Id.Value, noah.Client.MergedIntoId);
        Assert.Equal("Olivia Smith", noah.MergedIntoName);
        Assert.False(noah.Client.Active);
    }

    [Fact]
    public async Task MergeAsync_DuplicateHoldsUsedMembership_HolderSaleAndVisitMoveToKeptClient()
    {
        var before = await MembershipUsedByAsync(_clinic.Noah, "NOAH-1");

        await Clients.MergeAsync(_clinic.Noah.Id.Value, _clinic.Olivia.Id.Value, Callers.Desk);

        var after = await MembershipQueries.ByCodeAsync("NOAH-1");
        Assert.Equal((_clinic.Olivia.Id.Value, "Olivia Smith"), (after.HolderClientId, after.HolderName));
        Assert.Equal(_clinic.Olivia.Id.Value, Assert.Single(after.History).ClientId);
        Assert.Equal(before.VisitsUsed, after.VisitsUsed);
        Assert.Empty(await MembershipQueries.ClientMembershipsAsync(_clinic.Noah.Id.Value));
        var sale = Assert.Single(await MembershipQueries.DocumentsAsync(), d => d.Operation == InventoryOperation.SaleOfProduct);
        Assert.Equal(_clinic.Olivia.Id.Value, sale.ClientId);
        Assert.Equal(_clinic.Olivia.Id.Value, Assert.Single(sale.Lines).HolderClientId);
    }

    [Fact]
    public async Task EraseAsync_HolderOfUsedMembership_MembershipAndVisitsKeptUnderErasedName()
    {
        var before = await MembershipUsedByAsync(_clinic.Noah, "NOAH-2");

        await Clients.EraseAsync(_clinic.Noah.Id.Value, Callers.Desk);

        var after = await MembershipQueries.ByCodeAsync("NOAH-2");
        Assert.Equal((_clinic.Noah.Id.Value, Client.ErasedName), (after.HolderClientId, after.HolderName));
        Assert.Equal(before.History, after.History);
        Assert.Equal(before.VisitsLeft, after.VisitsLeft);
    }

    [Fact]
    public async Task MergeAsync_IntoInactiveClient_RefusedAndNothingMoves()
    {
        await BookAsync(_clinic.Noah.Id.Value, 8, 10);
        await Clients.UpdateAsync(new UpdateClient(_clinic.Olivia.Id.Value, new ClientDetails("Olivia Smith", "07700 900123", "olivia.smith@example.com"), false, Callers.Desk));

        await Assert.ThrowsAsync<DomainException>(() => Clients.MergeAsync(_clinic.Noah.Id.Value, _clinic.Olivia.Id.Value, Callers.Desk));

        Assert.Single((await Files.FileAsync(_clinic.Noah.Id.Value))!.Upcoming);
        Assert.True((await Clients.FindAsync(_clinic.Noah.Id.Value))!.Active);
    }

    [Fact]
    public async Task MergeAsync_IntoSelf_RefusedAsInvalid()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => Clients.MergeAsync(_clinic.Noah.Id.Value, _clinic.Noah.Id.Value, Callers.Desk));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public async Task EraseAsync_ClientWithPackagesAndSales_AnonymisedTotalsAndLiabilityUnchanged()
    {
        var paid = await SellAsync(_clinic.Noah);
        await SellAsync(_clinic.Noah, AcquisitionMode.Unpaid);
        await BookAsync(_clinic.Noah.Id.Value, 8, 10, paid.Id);
        var liability = await PackageQueries.LiabilityAsync(A.At(9, 0));
        var before = (await Files.FileAsync(_clinic.Noah.Id.Value))!;
        var soldBefore = (await Files.ExportAsync(_clinic.Noah.Id.Value)).Invoices.Sum(s => s.Total);

        await Clients.EraseAsync(_clinic.Noah.Id.Value, Callers.Desk);

        var after = (await Files.FileAsync(_clinic.Noah.Id.Value))!;
        Assert.Equal((Client.ErasedName, "", ""), (after.Client.Name, after.Client.Phone, after.Client.Email));
        Assert.Equal(soldBefore, (await Files.ExportAsync(_clinic.Noah.Id.Value)).Invoices.Sum(s => s.Total));
        Assert.Equal(before.Owed, after.Owed);
        Assert.Equal(before.Upcoming.Count, after.Upcoming.Count);
        Assert.Equal(liability, await PackageQueries.LiabilityAsync(A.At(9, 0)));
        Assert.Empty(await Clients.SearchAsync("noah"));
    }

    [Fact]
    public async Task EraseAsync_ThenBook_Refused()
    {
        await Clients.EraseAsync(_clinic.Noah.Id.Value, Callers.Desk);

        var ex = await Assert.ThrowsAsync<DomainException>(() => BookAsync(_clinic.Noah.Id.Value, 8, 10));

        Assert.Contains("erased", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_ClientWithHistory_HoldsProfileAppointmentsPackagesWithHistoryAndInvoices()
    {
        var paid = await SellAsync(_clinic.Noah);
        await BookAsync(_clinic.Noah.Id.Value, 8, 10, paid.Id);

        var export = await Files.ExportAsync(_clinic.Noah.Id.Value);

        Assert.Equal("Noah Patel", export.Profile.Name);
        Assert.Equal("Swedish massage", Assert.Single(export.Appointments).Service);
        var package = Assert.Single(export.Packages);
        Assert.Equal(await PackageQueries.HistoryAsync(paid.Id), package.History);
        Assert.Equal(250m, Assert.Single(export.Invoices).Total);
    }

    [Fact]
    public async Task FileAsync_LongHistory_TheLatestPastVisitsTheirTotalEveryUpcomingOneAndWhatOpenInvoicesOwe()
    {
        var noah = _clinic.Noah.Id.Value;
        for (var day = 8; day <= 25; day++)
        {
            foreach (var hour in new[] { 9, 11, 13 })
            {
                await BookAsync(noah, day, hour);
            }
        }
        await SellAsync(_clinic.Noah);
        await SellAsync(_clinic.Noah, AcquisitionMode.Unpaid);
        _db.Clock.Advance(A.At(26, 0) - _db.Clock.GetUtcNow());
        await BookAsync(noah, 27, 9);
        await BookAsync(noah, 28, 9);

        var file = (await Files.FileAsync(noah))!;

        Assert.Equal(ClientFileQueries.PastShown, file.Past.Count);
        Assert.Equal(54, file.PastTotal);
        Assert.Equal(A.At(25, 13), file.Past[0].Start);
        Assert.True(file.Past.Zip(file.Past.Skip(1)).All(p => p.First.Start > p.Second.Start));
        Assert.Equal([A.At(27, 9), A.At(28, 9)], file.Upcoming.Select(v => v.Start));
        Assert.Equal(250m, file.Owed);
        Assert.Equal(56, (await Files.ExportAsync(noah)).Appointments.Count);
    }
}
