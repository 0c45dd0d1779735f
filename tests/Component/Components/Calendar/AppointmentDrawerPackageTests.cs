using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Tests.Component.Components.Sales;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Calendar;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Packages;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Tests.Component.Components.Calendar;

/// <summary>The appointment drawer's package part: converting, giving back, the redeem prompt at check-in, what is due at check-out.</summary>
public sealed class AppointmentDrawerPackageTests : PackageTestContext
{
    /// <summary>The selling side, recorded (the check-out window prices and sells through it).</summary>
    private readonly FakeSaleService _sales = new();

    public AppointmentDrawerPackageTests() => Services.AddSingleton<ISaleService>(_sales);

    private const string RedeemTitle = "Redeem service from course?";

    private async Task<IRenderedComponent<IComponent>> OpenAsync(AppointmentView appointment)
    {
        await ShowTomorrowAsync();
        var cut = RenderWithProviders<AppointmentDrawer>(p => p.Add(d => d.AppointmentId, appointment.Id));
        cut.WaitForAssertion(() => Assert.Equal("Jane Cooper", cut.Find("h2").TextContent), Patience);
        return cut;
    }

    private static IElement Drawer(IRenderedComponent<IComponent> cut) => cut.ByRole("region", "Appointment");

    /// <summary>Clicks Check out without waiting for its handler: it waits for the check-out window to close.</summary>
    private static void OpenCheckOutWindow(IRenderedComponent<IComponent> cut) => Drawer(cut).Button("Check out").Click();

    private static IElement RedeemDialog(IRenderedComponent<IComponent> cut) => cut.ByRole("dialog", RedeemTitle);

    private static string Status(IRenderedComponent<IComponent> cut) => cut.Find(".status-badge[role=status]").GetAttribute("aria-label")!;

    private static Task ClickAsync(IRenderedComponent<IComponent> cut, string button) =>
        Drawer(cut).Button(button).ClickAsync(new MouseEventArgs());

    /// <summary>Clicks Check in, which waits for the answer to the redeem dialog; returns once the dialog shows.</summary>
    private static Task StartCheckInAsync(IRenderedComponent<IComponent> cut)
    {
        var checkIn = ClickAsync(cut, "Check in");
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("dialog", RedeemTitle)), Patience);
        return checkIn;
    }

    private static string? PaidFrom(IRenderedComponent<IComponent> cut) =>
        cut.FindAll("dt").FirstOrDefault(dt => dt.TextContent == "Paid from")?.NextElementSibling?.TextContent;

    [Fact]
    public async Task ClickGreenCircle_SingleBooking_ConvertsToThatSession()
    {
        var record = await SellJaneCourseAsync();
        var booked = await BookJaneAsync();
        var cut = await OpenAsync(booked);
        Assert.Null(PaidFrom(cut));

        await ClickAsync(cut, "Massage course, session 1 of 3: free");

        Assert.Null(Drawer(cut).AlertText());
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

        Assert.Null(Drawer(cut).AlertText());
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

        _ = StartCheckInAsync(cut);

        var dialog = RedeemDialog(cut);
        Assert.Contains("Massage course: 3 of 3 sessions free", dialog.TextContent);
        Assert.True(dialog.HasButton("Redeem from Massage course"));
        Assert.True(dialog.HasButton("Not now"));
        Assert.Equal("Status: Booked", Status(cut));
        Assert.Equal(AppointmentStatus.Booked, (await AppointmentInDatabaseAsync(booked.Id)).Status);
    }

    [Fact]
    public async Task CheckIn_AnswerRedeem_ChecksInBookedFromCourse()
    {
        var record = await SellJaneCourseAsync();
        var booked = await BookJaneAsync();
        var cut = await OpenAsync(booked);
        var checkIn = StartCheckInAsync(cut);

        await RedeemDialog(cut).Button("Redeem from Massage course").ClickAsync(new MouseEventArgs());
        await checkIn;

        cut.WaitForAssertion(() => Assert.Equal("Status: Checked in", Status(cut)), Patience);
        Assert.Null(Drawer(cut).AlertText());
        Assert.Equal("Massage course, session 1", PaidFrom(cut));
        Assert.False(cut.HasRole("dialog", RedeemTitle));
        var saved = await AppointmentInDatabaseAsync(booked.Id);
        Assert.Equal(AppointmentStatus.CheckedIn, saved.Status);
        Assert.Equal(record.Id, saved.PackageRecordId?.Value);
        Assert.Equal(SessionState.Booked, (await RecordInDatabaseAsync(record.Id)).Sessions.Single(s => s.Number == saved.PackageSession).State);
    }

    [Fact]
    public async Task CheckIn_AnswerNotNow_ChecksInAsSingleAndLeavesCourseUntouched()
    {
        var record = await SellJaneCourseAsync();
        var booked = await BookJaneAsync();
        var cut = await OpenAsync(booked);
        var checkIn = StartCheckInAsync(cut);

        await RedeemDialog(cut).Button("Not now").ClickAsync(new MouseEventArgs());
        await checkIn;

        cut.WaitForAssertion(() => Assert.Equal("Status: Checked in", Status(cut)), Patience);
        Assert.Null(Drawer(cut).AlertText());
        Assert.Null(PaidFrom(cut));
        Assert.False(cut.HasRole("dialog", RedeemTitle));
        var saved = await AppointmentInDatabaseAsync(booked.Id);
        Assert.Equal(AppointmentStatus.CheckedIn, saved.Status);
        Assert.Null(saved.PackageRecordId);
        Assert.All((await RecordInDatabaseAsync(record.Id)).Sessions, s => Assert.Equal(SessionState.Free, s.State));
    }

    [Fact]
    public async Task CheckIn_TwoUsableCourses_RedeemsFromTheOneChosen()
    {
        await SellJaneCourseAsync("Massage course");
        var second = await SellJaneCourseAsync("Spring massages", sessions: 5);
        var booked = await BookJaneAsync();
        var cut = await OpenAsync(booked);
        var checkIn = StartCheckInAsync(cut);

        await RedeemDialog(cut).QuerySelectorAll("input[type=radio]")[1].ClickAsync(new MouseEventArgs());
        await RedeemDialog(cut).Button("Redeem from Spring massages").ClickAsync(new MouseEventArgs());
        await checkIn;

        cut.WaitForAssertion(() => Assert.Equal("Status: Checked in", Status(cut)), Patience);
        Assert.Equal(second.Id, (await AppointmentInDatabaseAsync(booked.Id)).PackageRecordId?.Value);
    }

    [Fact]
    public async Task CheckIn_CourseNotValidForThisBooking_ChecksInWithoutAsking()
    {
        await SellAsync(Seed.JaneId, await CreateCourseAsync("Physio course", serviceId: Seed.PhysioId));
        var booked = await BookJaneAsync();
        var cut = await OpenAsync(booked);

        await ClickAsync(cut, "Check in");

        Assert.False(cut.HasRole("dialog", RedeemTitle));
        Assert.Equal("Status: Checked in", Status(cut));
    }

    [Fact]
    public async Task CheckOut_CourseSession_SaysCoveredWithOneCheckOutAndNoPaymentForm()
    {
        var record = await SellJaneCourseAsync();
        var booked = await BookJaneFromAsync(record.Id, 1, hour: 10);
        var cut = await OpenAsync(booked);

        await ClickAsync(cut, "Check out");

        Assert.Equal("Covered by Massage course, nothing to pay", cut.Find("#pay-heading").TextContent);
        Assert.True(Drawer(cut).HasButton("Check out"));
        Assert.False(Drawer(cut).HasButton("Take payment and check out"));
        Assert.Empty(cut.FindAll("[aria-label='Payment 1 amount']"));
    }

    [Fact]
    public async Task CheckOut_CourseSessionConfirmed_CompletesAndRedeemsSession()
    {
        var record = await SellJaneCourseAsync();
        var booked = await BookJaneFromAsync(record.Id, 1, hour: 10);
        var cut = await OpenAsync(booked);
        await ClickAsync(cut, "Check out");

        await ClickAsync(cut, "Check out");

        Assert.Null(Drawer(cut).AlertText());
        Assert.Equal("Status: Checked out", Status(cut));
        Assert.Equal(AppointmentStatus.Completed, (await AppointmentInDatabaseAsync(booked.Id)).Status);
        Assert.Equal(SessionState.Redeemed, (await RecordInDatabaseAsync(record.Id)).Sessions.Single(s => s.Number == 1).State);
    }

    [Fact]
    public async Task CheckOut_MoneyPackageCoversPart_WindowShowsWhatItCoversAndTheRestDue()
    {
        var template = await PackageService.CreateTemplateAsync(new SaveTemplate(
            "Spa credit", PackageKind.AnyFromList, PackageValueType.Amount, [], [Seed.MassageId], false,
            40m, 40m, 0m, true, null, null, ExpiryUnit.Days, null, TestCallers.Manager(OtherDesk)));
        var record = await SellAsync(Seed.JaneId, template);
        var booked = await BookJaneFromAsync(record.Id, null, hour: 10);
        var cut = await OpenAsync(booked);

        _sales.AppointmentLine = (Seed.MassageName, Seed.MassagePrice, 40m);

        OpenCheckOutWindow(cut);

        cut.WaitForAssertion(() => Assert.Contains("Covered by Spa credit", cut.Find(".totals").TextContent), Patience);
        Assert.Equal(booked.Id, Assert.Single(_sales.Previews).AppointmentId);
        Assert.Equal($"{Seed.MassagePrice - 40m:0.00}", cut.Input("Payment 1 amount").GetAttribute("value"));
    }
}
