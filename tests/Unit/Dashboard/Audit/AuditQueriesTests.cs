using System.Text;
using FrontDesk.Dashboard.Audit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Domain.Common;
using FrontDesk.Tests.Unit.Support;
using Microsoft.Extensions.DependencyInjection;
using static FrontDesk.Tests.Unit.Dashboard.Audit.AuditRows;

namespace FrontDesk.Tests.Unit.Dashboard.Audit;

/// <summary>The audit trail's read side on a real SQLite file: filters, business days, paging, a client's history, the CSV.</summary>
public sealed class AuditQueriesTests : IAsyncLifetime
{
    private SqliteDatabase _db = default!;

    private AuditQueries Audit => _db.Services.GetRequiredService<AuditQueries>();

    public async Task InitializeAsync() => _db = await SqliteDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<IReadOnlyList<AuditView>> FindAsync(AuditFilter filter) => (await Audit.PageAsync(filter, 0, 100)).Items;

    [Fact]
    public async Task PageAsync_NoFilter_NewestFirst()
    {
        await _db.AddAsync(Row(A.At(7, 9), command: "First"), Row(A.At(7, 11), command: "Third"), Row(A.At(7, 10), command: "Second"));

        var found = await FindAsync(AuditFilter.None);

        Assert.Equal(["Third", "Second", "First"], found.Select(e => e.Command));
    }

    [Fact]
    public async Task PageAsync_ActorPartOfNameInOtherCase_FindsOnlyThatPerson()
    {
        await _db.AddAsync(Row(A.At(7, 9), actorName: "Ella Hart", actorId: "staff-1"), Row(A.At(7, 10), actorName: "Noah Patel", actorId: "staff-2"));

        var found = await FindAsync(new AuditFilter(Actor: "hART"));

        Assert.Equal(["Ella Hart"], found.Select(e => e.ActorName));
    }

    [Fact]
    public async Task PageAsync_ActorId_FindsThatIdOnly()
    {
        await _db.AddAsync(Row(A.At(7, 9), actorName: "Ella Hart", actorId: "staff-1"), Row(A.At(7, 10), actorName: "Noah Patel", actorId: "staff-2"));

        var found = await FindAsync(new AuditFilter(Actor: "staff-2"));

        Assert.Equal(["Noah Patel"], found.Select(e => e.ActorName));
    }

    [Fact]
    public async Task PageAsync_ActorWithWildcardCharacters_MatchesThemLiterally()
    {
        await _db.AddAsync(Row(A.At(7, 9), actorName: "Ella Hart"), Row(A.At(7, 10), actorName: "Key 100% sync", actorId: "key-1", kind: ActorKind.ApiKey));

        Assert.Equal(["Key 100% sync"], (await FindAsync(new AuditFilter(Actor: "0%"))).Select(e => e.ActorName));
        Assert.Empty(await FindAsync(new AuditFilter(Actor: "_")));
    }

    [Fact]
    public async Task PageAsync_PartOfCommand_FindsTheCommandsContainingIt()
    {
        await _db.AddAsync(Row(A.At(7, 9), command: "Appointments.CheckIn"), Row(A.At(7, 10), command: "Packages.Adjust"), Row(A.At(7, 11), command: "Appointments.Cancel"));

        var found = await FindAsync(new AuditFilter(Command: "appointments."));

        Assert.Equal(["Appointments.Cancel", "Appointments.CheckIn"], found.Select(e => e.Command));
    }

    [Fact]
    public async Task PageAsync_ObjectTypeAndId_FindsOnlyThatObject()
    {
        var record = Guid.NewGuid().ToString("D");
        await _db.AddAsync(
            Row(A.At(7, 9), objectType: "PackageRecord", objectId: record, command: "Packages.Adjust"),
            Row(A.At(7, 10), objectType: "PackageRecord", command: "Packages.Freeze"),
            Row(A.At(7, 11), objectType: "Appointment", objectId: record, command: "Odd"));

        var found = await FindAsync(new AuditFilter(ObjectType: "packagerecord", ObjectId: record.ToUpperInvariant()));

        Assert.Equal(["Packages.Adjust"], found.Select(e => e.Command));
    }

    [Fact]
    public async Task PageAsync_OneDayInSummer_TakesTheDayOnTheBusinessClock()
    {
        // London is on UTC+1 in July: 23:30 UTC on the 7th is 00:30 on the 8th at the clinic.
        var lateEvening = new DateTimeOffset(2030, 7, 7, 22, 30, 0, TimeSpan.Zero);
        var afterMidnight = new DateTimeOffset(2030, 7, 7, 23, 30, 0, TimeSpan.Zero);
        await _db.AddAsync(Row(lateEvening, command: "On the 7th"), Row(afterMidnight, command: "On the 8th"));

        var seventh = await FindAsync(new AuditFilter(From: new DateOnly(2030, 7, 7), To: new DateOnly(2030, 7, 7)));
        var eighth = await FindAsync(new AuditFilter(From: new DateOnly(2030, 7, 8), To: new DateOnly(2030, 7, 8)));

        Assert.Equal(["On the 7th"], seventh.Select(e => e.Command));
        Assert.Equal(["On the 8th"], eighth.Select(e => e.Command));
    }

    [Fact]
    public async Task PageAsync_ToBeforeFrom_RefusedNamingTo()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Audit.PageAsync(new AuditFilter(From: new DateOnly(2030, 1, 8), To: new DateOnly(2030, 1, 7)), 0, 10));

        Assert.Equal("to", refused.Field);
    }

    [Fact]
    public async Task PageAsync_SecondPage_ContinuesWhereTheFirstEndedWithTheTotal()
    {
        await _db.AddAsync(Enumerable.Range(0, 7).Select(i => (object)Row(A.At(7, 9, i), command: $"C{i}")).ToArray());

        var first = await Audit.PageAsync(AuditFilter.None, 0, 3);
        var third = await Audit.PageAsync(AuditFilter.None, 2, 3);

        Assert.Equal(["C6", "C5", "C4"], first.Items.Select(e => e.Command));
        Assert.Equal(["C0"], third.Items.Select(e => e.Command));
        Assert.Equal(7, third.Total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(AuditQueries.MaxPageSize + 1)]
    public async Task PageAsync_PageSizeOutOfRange_RefusedNamingPageSize(int pageSize)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Audit.PageAsync(AuditFilter.None, 0, pageSize));

        Assert.Equal("pageSize", refused.Field);
    }

    [Fact]
    public async Task ClientHistoryAsync_RowsAboutTheClientAndItsAppointment_ListedWithoutOtherClients()
    {
        var clinic = new Clinic();
        await clinic.SeedAsync(_db);
        var visit = await _db.Appointments.BookAsync(new BookAppointment(clinic.Olivia.Id.Value, clinic.Massage.Id.Value, clinic.AllDay.Id.Value, A.At(8, 10), false, null, Callers.Desk));
        var olivia = clinic.Olivia.Id.Value.ToString("D");
        await _db.AddAsync(
            Row(A.At(7, 9), command: "Clients.Edit", objectType: "Client", objectId: olivia),
            Row(A.At(7, 10), command: "Appointments.Book", objectId: visit.Id.ToString("D")),
            Row(A.At(7, 11), command: "Packages.Adjust", objectType: "PackageRecord", clientId: olivia),
            Row(A.At(7, 12), command: "Clients.Edit", objectType: "Client", objectId: clinic.Noah.Id.Value.ToString("D")));

        var history = await Audit.ClientHistoryAsync(clinic.Olivia.Id.Value, 0, 10);

        // The last is the booking's own entry, written by the command itself (at the test clock's earlier now).
        Assert.Equal(["Packages.Adjust", "Appointments.Book", "Clients.Edit", "Appointments.Book"], history.Items.Select(e => e.Command));
    }

    [Fact]
    public async Task ObjectHistoryAsync_PackageRecord_ListsOnlyItsRows()
    {
        var record = Guid.NewGuid();
        await _db.AddAsync(
            Row(A.At(7, 9), command: "Packages.Adjust", objectType: AuditObjectTypes.PackageRecord, objectId: record.ToString("D")),
            Row(A.At(7, 10), command: "Packages.Freeze", objectType: AuditObjectTypes.PackageRecord));

        var history = await Audit.ObjectHistoryAsync(AuditObjectTypes.PackageRecord, record, 0, 10);

        Assert.Equal(["Packages.Adjust"], history.Items.Select(e => e.Command));
    }

    [Fact]
    public async Task WriteCsvAsync_FormulaLikeCells_NeutralisedUnderAHeaderInUtf8()
    {
        await _db.AddAsync(
            Row(A.At(7, 9), actorName: "=HYPERLINK(\"http://x\")", command: "+Packages.Adjust", before: "{\"Note\":\"-1\"}", after: "{\"Note\":\"@SUM(A1)\"}"),
            Row(A.At(7, 10), actorName: "Zoë Brontë", actorId: "staff-zoe", command: "Appointments.CheckIn"));
        using var output = new MemoryStream();

        await Audit.WriteCsvAsync(new AuditFilter(Actor: "HYPERLINK"), output);

        var bytes = output.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AuditQueries.CsvHeader, lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\")\",'+Packages.Adjust,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2030-01-07 09:00:00,Staff,staff-ella,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteCsvAsync_NonAsciiName_WrittenAsUtf8()
    {
        await _db.AddAsync(Row(A.At(7, 10), actorName: "Zoë Brontë", actorId: "staff-zoe"));
        using var output = new MemoryStream();

        await Audit.WriteCsvAsync(AuditFilter.None, output);

        Assert.Contains(",Zoë Brontë,", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
    }
}
