using Bunit;
using FrontDesk.Dashboard.Components.Clients;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FrontDesk.Tests.Component.Components.Audit;

/// <summary>The audit trail on the client's profile (the client, its appointments and package records) and on a package record.</summary>
public sealed class AuditHistoryTests : PackageTestContext
{
    private static DateTimeOffset At(int day, int hour) => new(2025, 1, day, hour, 0, 0, TimeSpan.Zero);

    private IRenderedComponent<IComponent> RenderProfile(Guid clientId)
    {
        var cut = Render(MudQueries.WithProviders<ClientProfilePage>(("Id", clientId)));
        cut.WaitForAssertion(() => Assert.DoesNotContain(cut.StatusTexts(), s => s.StartsWith("Loading", StringComparison.Ordinal)), Patience);
        return cut;
    }

    [Fact]
    public async Task ClientProfile_ChangesToTheClientAndItsAppointment_ListedNewestFirstWithoutOthers()
    {
        var visit = await BookJaneAsync();
        await AuditRowFactory.AddAsync(Clinic, Services,
            AuditRowFactory.Row(At(6, 9), "Ella Hart", "Clients.Edit", "Client", Seed.JaneId, before: "{\"Phone\":\"07700 900000\"}", after: "{\"Phone\":\"07700 900123\"}"),
            AuditRowFactory.Row(At(7, 10), "Noah Patel", "Appointments.Book", "Appointment", visit.Id, before: null, after: "{\"Status\":\"Booked\"}"),
            AuditRowFactory.Row(At(7, 11), "Noah Patel", "Clients.Edit", "Client", Seed.JohnId));

        var cut = RenderProfile(Seed.JaneId);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.Rows("History of Jane Cooper").Count), Patience);
        var rows = cut.Rows("History of Jane Cooper");
        Assert.Equal(["7 Jan 2025 10:00", "Noah Patel", "Appointments.Book · Appointment", "created"], rows[0].Take(4));
        Assert.Equal(["6 Jan 2025 09:00", "Ella Hart", "Clients.Edit · Client", "Phone"], rows[1].Take(4));
    }

    [Fact]
    public void ClientProfile_NoChangesYet_SaysSo()
    {
        var cut = RenderProfile(Seed.MariaId);

        cut.WaitForAssertion(() => Assert.Contains("No changes recorded yet.", cut.StatusTexts()), Patience);
    }

    [Fact]
    public async Task ClientProfile_MoreChangesThanAPage_PagesThroughThem()
    {
        var rows = Enumerable.Range(0, 12).Select(i => AuditRowFactory.Row(At(7, 8).AddMinutes(i), "Ella Hart", $"Clients.Edit{i}", "Client", Seed.MariaId)).ToArray();
        await AuditRowFactory.AddAsync(Clinic, Services, rows);
        var cut = RenderProfile(Seed.MariaId);
        cut.WaitForAssertion(() => Assert.Equal(10, cut.Rows("History of Maria Garcia").Count), Patience);

        await cut.Role("button", "Next page").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal(["Clients.Edit1 · Client", "Clients.Edit0 · Client"], cut.Rows("History of Maria Garcia").Select(r => r[2])), Patience);
    }

    [Fact]
    public async Task PackageRecordHistory_ChangesToThatRecord_ListedWithTheirAuthor()
    {
        var record = await SellJaneCourseAsync("Massage course", sessions: 2);
        await AuditRowFactory.AddAsync(Clinic, Services,
            AuditRowFactory.Row(At(7, 9), "Ella Hart", "Packages.Adjust", "PackageRecord", record.Id, before: "{\"Sessions\":2}", after: "{\"Sessions\":4}"),
            AuditRowFactory.Row(At(7, 10), "Noah Patel", "Packages.Freeze", "PackageRecord", Guid.NewGuid()));
        var cut = RenderProfile(Seed.JaneId);

        await cut.Button("History of Massage course").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Single(cut.Rows("Changes made to Massage course")), Patience);
        Assert.Equal(["7 Jan 2025 09:00", "Ella Hart", "Packages.Adjust · PackageRecord", "Sessions"], cut.Rows("Changes made to Massage course")[0].Take(4));
    }
}
