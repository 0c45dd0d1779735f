using Microsoft.EntityFrameworkCore;
using Bunit;
using FrontDesk.Dashboard.Components.Audit;
using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Common;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FrontDesk.Tests.Component.Components.Audit;

/// <summary>Audit rows as the commands write them, inserted straight into the clinic's database.</summary>
internal static class AuditRowFactory
{
    public static AuditEntry Row(DateTimeOffset at, string actorName, string command, string objectType = "Appointment", Guid? objectId = null,
        Guid? clientId = null, string? before = "{\"Status\":\"Booked\",\"Room\":\"Blue\"}", string? after = "{\"Status\":\"CheckedIn\",\"Room\":\"Blue\"}") => new()
        {
            At = at,
            ActorKind = ActorKind.Staff,
            ActorId = "staff-" + actorName.Replace(' ', '-').ToLowerInvariant(),
            ActorName = actorName,
            Command = command,
            ObjectType = objectType,
            ObjectId = (objectId ?? Guid.NewGuid()).ToString("D"),
            ClientId = clientId?.ToString("D"),
            Before = before,
            After = after,
        };

    /// <summary>
    /// Starts the trail with exactly <paramref name="rows"/>: the clinic's seeding wrote entries of
    /// its own (every command does), which these tests clear so they can name every row on screen.
    /// </summary>
    public static async Task AddAsync(TestClinic clinic, IServiceProvider services, params AuditEntry[] rows)
    {
        await using var db = clinic.OpenDatabase(services);
        await db.AuditTrail.ExecuteDeleteAsync();
        db.AuditTrail.AddRange(rows);
        await db.SaveChangesAsync();
    }
}

/// <summary>The managers' audit screen: rows newest first with their authors, filters, the before/after view, the CSV link.</summary>
public sealed class AuditTrailPageTests : ClinicTestContext
{
    private const string Table = "Audit trail entries";

    /// <summary>Tuesday 7 January 2025, on the clinic's clock (London is on UTC in January).</summary>
    private static DateTimeOffset At(int hour, int minute = 0) => new(2025, 1, 7, hour, minute, 0, TimeSpan.Zero);

    private async Task<IRenderedComponent<IComponent>> RenderWithRowsAsync()
    {
        await AuditRowFactory.AddAsync(Clinic, Services,
            AuditRowFactory.Row(At(9), "Ella Hart", "Appointments.CheckIn"),
            AuditRowFactory.Row(At(10), "Noah Patel", "Packages.Adjust", "PackageRecord", before: "{\"Sessions\":3}", after: "{\"Sessions\":5}"),
            AuditRowFactory.Row(At(11), "Ella Hart", "Appointments.Cancel", before: "{\"Status\":\"Booked\"}", after: "{\"Status\":\"Cancelled\"}"));
        var cut = RenderWithProviders<AuditTrailPage>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.Rows(Table).Count), Patience);
        return cut;
    }

    private static List<string> Authors(IRenderedComponent<IComponent> cut) => cut.Rows(Table).Select(r => r[1]).ToList();

    [Fact]
    public async Task Render_ADaysChanges_ListsThemNewestFirstWithTheirAuthors()
    {
        var cut = await RenderWithRowsAsync();

        var rows = cut.Rows(Table);
        Assert.Equal(["7 Jan 2025 11:00:00", "7 Jan 2025 10:00:00", "7 Jan 2025 09:00:00"], rows.Select(r => r[0]));
        Assert.Equal(["Ella Hart", "Noah Patel", "Ella Hart"], Authors(cut));
        Assert.Equal(["Appointments.Cancel", "Packages.Adjust", "Appointments.CheckIn"], rows.Select(r => r[2]));
        Assert.Equal("Sessions", rows[1][4]);
    }

    [Fact]
    public async Task FilterByPerson_PartOfAName_ShowsOnlyTheirChanges()
    {
        var cut = await RenderWithRowsAsync();

        cut.Input("Person").Input("noah");

        cut.WaitForAssertion(() => Assert.Equal(["Noah Patel"], Authors(cut)), Patience);
    }

    [Fact]
    public async Task FilterByCommand_PartOfACommand_ShowsOnlyThoseCommands()
    {
        var cut = await RenderWithRowsAsync();

        cut.Input("Command").Input("Appointments.");

        cut.WaitForAssertion(() => Assert.Equal(["Appointments.Cancel", "Appointments.CheckIn"], cut.Rows(Table).Select(r => r[2])), Patience);
    }

    [Fact]
    public async Task FilterByDays_AnotherDay_SaysNothingMatches()
    {
        var cut = await RenderWithRowsAsync();

        await cut.Input("From").ChangeAsync(new ChangeEventArgs { Value = "2025-01-08" });

        cut.WaitForAssertion(() => Assert.Contains("No change matches these filters.", cut.StatusTexts()), Patience);
        Assert.Empty(cut.Rows(Table));
    }

    [Fact]
    public async Task FilterByDays_ToBeforeFrom_SaysWhyInlineAndShowsNothing()
    {
        var cut = await RenderWithRowsAsync();

        await cut.Input("From").ChangeAsync(new ChangeEventArgs { Value = "2025-01-07" });
        await cut.Input("To").ChangeAsync(new ChangeEventArgs { Value = "2025-01-06" });

        cut.WaitForAssertion(() => Assert.Equal("The last day (to) is before the first day (from).", cut.AlertText()), Patience);
        Assert.Empty(cut.Rows(Table));
    }

    [Fact]
    public async Task DownloadCsv_AfterFilteringByPerson_LinksToThoseRows()
    {
        var cut = await RenderWithRowsAsync();

        cut.Input("Person").Input("Ella Hart");

        cut.WaitForAssertion(() => Assert.Equal("audit/export.csv?actor=Ella%20Hart", cut.Role("link", "Download CSV").GetAttribute("href")), Patience);
    }

    [Fact]
    public async Task Details_ARow_ShowsItsFieldsWithTheChangedOneMarked()
    {
        var cut = await RenderWithRowsAsync();

        await cut.Button("Details of Appointments.CheckIn by Ella Hart at 7 Jan 2025 09:00:00").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.True(cut.HasRole("table", "Fields before and after")), Patience);
        var fields = cut.Role("table", "Fields before and after").QuerySelectorAll("tbody tr")
            .Select(r => (r.GetAttribute("aria-label"), string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()))))
            .ToList();
        Assert.Equal([("Status, changed", "Booked | CheckedIn"), ("Room, unchanged", "Blue | Blue")], fields);
        Assert.DoesNotContain("{", cut.Role("table", "Fields before and after").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Rows_OfferNoWayToEditOrDelete()
    {
        var cut = await RenderWithRowsAsync();

        var names = cut.FindAll("button, a[href]").Select(b => MudQueries.Name(cut, b)).ToList();
        Assert.DoesNotContain(names, n => n.Contains("Edit", StringComparison.OrdinalIgnoreCase) || n.Contains("Delete", StringComparison.OrdinalIgnoreCase) || n.Contains("Remove", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(names, n => n.StartsWith("Details of", StringComparison.Ordinal));
    }
}
