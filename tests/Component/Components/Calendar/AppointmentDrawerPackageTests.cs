using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Calendar;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Packages;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Tests.Component.Components.Calendar;

/// <summary>The appointment drawer's package part: converting, giving back, the redeem prompt at check-in, what is due at check-out.</summary>
public sealed class AppointmentDrawerPackageTests : PackageTestContext
{
    private async Task<IRenderedComponent<AppointmentDrawer>> OpenAsync(AppointmentView appointment)
    {
        await ShowTomorrowAsync();
        var cut = Render<AppointmentDrawer>(p => p.Add(d => d.AppointmentId, appointment.Id));
        cut.WaitForAssertion(() => Assert.Equal("Jane Cooper", cut.Find("h2").TextContent), Patience);
        return cut;
    }

    private static string Status(IRenderedComponent<AppointmentDrawer> cut) => cut.Find(".status-badge[role=status]").GetAttribute("aria-label")!;

    private static Task ClickAsync(IRenderedComponent<AppointmentDrawer> cut, string button) =>
        cut.Button(button).ClickAsync(new MouseEventArgs());

    private static string? PaidFrom(IRenderedComponent<AppointmentDrawer> cut) =>
        cut.FindAll("dt").FirstOrDefault(dt => dt.TextContent == "Paid from")?.NextElementSibling?.TextContent;

    [Fact]
    public async Task ClickGreenCircle_SingleBooking_ConvertsToThatSession()
    {
        var record = await SellJaneCourseAsync();
        var booked = await BookJaneAsync();
        var cut = await OpenAsync(booked);
        Assert.Null(PaidFrom(cut));

        await ClickAsync(cut, "Massage course, session 1 of 3: free");

        Assert.Null(cut.AlertText());
        Assert.Equal("Massage course, session 1", PaidFrom(cut));
        Assert.Equal("true", cut.Button("Massage course, session 1 of 3: booked, selected").GetAttribute("aria-pressed"));
        var saved = await AppointmentInDatabaseAsync(booked.Id);
        Assert.Equal(record.Id, saved.PackageRecordId?.Value);
        Assert.Equal(1, saved.PackageSession);
        Assert.Equal(SessionState.Booked, (await RecordInDatabaseAsync(record.Id)).Sessions.Single(s => s.Number == 1).State);
    }

    [Fact]
    public async Task PayNormallyInstead_SessionBooking_GivesSessionBack()
    {
        var record = await SellJaneCourseAsync();
        var booked = await BookJaneFromAsync(record.Id, 2, hour: 10);
        var cut = await OpenAsync(booked);
        Assert.Equal("Massage course, session 2", PaidFrom(cut));

        await ClickAsync(cut, "Pay normally instead (give the session back)");

        Assert.Null(cut.AlertText());
        Assert.Null(PaidFrom(cut));
        Assert.False(cut.HasButton("Pay normally instead (give the session back)"));
        Assert.True(cut.HasButton("Massage course, session 2 of 3: free"));
        Assert.Null((await AppointmentInDatabaseAsync(booked.Id)).PackageRecordId);
        Assert.All((await RecordInDatabaseAsync(record.Id)).Sessions, s => Assert.Equal(SessionState.Free, s.State));
    }

    [Fact]
    public async Task CheckIn_SingleBookingWithUsableCourse_AsksWhetherToRedeem()
    {
        await SellJaneCourseAsync();
        var booked = await BookJaneAsync();
        var cut = await OpenAsync(booked);

        await ClickAsync(cut, "Check in");

        Assert.Equal("Redeem service from course?", cut.Find("[role=alertdialog] h3").TextContent);
        Assert.True(cut.HasButton("Yes, use Massage course"));
        Assert.True(cut.HasButton("No, keep it single"));
        Assert.Equal("Status: Booked", Status(cut));
        Assert.Equal(AppointmentStatus.Booked, (await AppointmentInDatabaseAsync(booked.Id)).Status);
    }

    [Fact]
    public async Task CheckIn_AnswerYes_ChecksInBookedFromCourse()
    {
        var record = await SellJaneCourseAsync();
        var booked = await BookJaneAsync();
        var cut = await OpenAsync(booked);
        await ClickAsync(cut, "Check in");

        await ClickAsync(cut, "Yes, use Massage course");

        Assert.Null(cut.AlertText());
        Assert.Equal("Status: Checked in", Status(cut));
        Assert.Equal("Massage course, session 1", PaidFrom(cut));
        Assert.Empty(cut.FindAll("[role=alertdialog]"));
        var saved = await AppointmentInDatabaseAsync(booked.Id);
        Assert.Equal(AppointmentStatus.CheckedIn, saved.Status);
        Assert.Equal(record.Id, saved.PackageRecordId?.Value);
        Assert.Equal(SessionState.Booked, (await RecordInDatabaseAsync(record.Id)).Sessions.Single(s => s.Number == saved.PackageSession).State);
    }

    [Fact]
    public async Task CheckIn_AnswerNo_ChecksInAsSingleAndLeavesCourseUntouched()
    {
        var record = await SellJaneCourseAsync();
        var booked = await BookJaneAsync();
        var cut = await OpenAsync(booked);
        await ClickAsync(cut, "Check in");

        await ClickAsync(cut, "No, keep it single");

        Assert.Null(cut.AlertText());
        Assert.Equal("Status: Checked in", Status(cut));
        Assert.Null(PaidFrom(cut));
        Assert.Empty(cut.FindAll("[role=alertdialog]"));
        var saved = await AppointmentInDatabaseAsync(booked.Id);
        Assert.Equal(AppointmentStatus.CheckedIn, saved.Status);
        Assert.Null(saved.PackageRecordId);
        Assert.All((await RecordInDatabaseAsync(record.Id)).Sessions, s => Assert.Equal(SessionState.Free, s.State));
    }

    [Fact]
    public async Task CheckIn_CourseNotValidForThisBooking_ChecksInWithoutAsking()
    {
        await SellAsync(Seed.JaneId, await CreateCourseAsync("Physio course", serviceId: Seed.PhysioId));
        var booked = await BookJaneAsync();
        var cut = await OpenAsync(booked);

        await ClickAsync(cut, "Check in");

        Assert.Empty(cut.FindAll("[role=alertdialog]"));
        Assert.Equal("Status: Checked in", Status(cut));
    }

    [Fact]
    public async Task CheckOut_CourseSession_ShowsNothingDue()
    {
        var record = await SellJaneCourseAsync();
        var booked = await BookJaneFromAsync(record.Id, 1, hour: 10);
        var cut = await OpenAsync(booked);

        await ClickAsync(cut, "Check out");

        Assert.Equal("Payment · due 0.00 GBP", cut.Find("#pay-heading").TextContent);
        Assert.Equal("0.00", cut.Labelled("Card amount").GetAttribute("value"));
    }

    [Fact]
    public async Task CheckOut_CourseSessionTakePayment_CompletesAndRedeemsSession()
    {
        var record = await SellJaneCourseAsync();
        var booked = await BookJaneFromAsync(record.Id, 1, hour: 10);
        var cut = await OpenAsync(booked);
        await ClickAsync(cut, "Check out");

        await ClickAsync(cut, "Take payment and check out");

        Assert.Null(cut.AlertText());
        Assert.Equal("Status: Checked out", Status(cut));
        Assert.Equal(AppointmentStatus.Completed, (await AppointmentInDatabaseAsync(booked.Id)).Status);
        Assert.Equal(SessionState.Redeemed, (await RecordInDatabaseAsync(record.Id)).Sessions.Single(s => s.Number == 1).State);
    }

    [Fact]
    public async Task CheckOut_MoneyPackageCoversPart_ShowsTheRestDue()
    {
        var template = await PackageService.CreateTemplateAsync(new SaveTemplate(
            "Spa credit", PackageKind.AnyFromList, PackageValueType.Amount, [], [Seed.MassageId], false,
            40m, 40m, 0m, true, null, null, ExpiryUnit.Days, null, OtherDesk));
        var record = await SellAsync(Seed.JaneId, template);
        var booked = await BookJaneFromAsync(record.Id, null, hour: 10);
        var cut = await OpenAsync(booked);

        await ClickAsync(cut, "Check out");

        Assert.Equal($"Payment · due {Seed.MassagePrice - 40m:0.00} GBP", cut.Find("#pay-heading").TextContent);
    }
}
