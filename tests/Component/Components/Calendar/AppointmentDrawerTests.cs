using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Calendar;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Domain.Calendar;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Tests.Component.Components.Calendar;

public sealed class AppointmentDrawerTests : ClinicTestContext
{
    private static readonly string[] BookedActions = ["Check in", "Check out", "Move", "No-show", "Cancel appointment"];

    /// <summary>Jane's massage tomorrow, shown on this desk's calendar, with its drawer open.</summary>
    private async Task<(AppointmentView Booked, IRenderedComponent<AppointmentDrawer> Drawer)> OpenBookedAsync()
    {
        var booked = await BookJaneAsync();
        await ShowTomorrowAsync();
        var cut = Render<AppointmentDrawer>(p => p.Add(d => d.AppointmentId, booked.Id));
        cut.WaitForAssertion(() => Assert.Equal("Jane Cooper", cut.Find("h2").TextContent), Patience);
        return (booked, cut);
    }

    private static string Status(IRenderedComponent<AppointmentDrawer> cut) => cut.Find(".status-badge[role=status]").GetAttribute("aria-label")!;

    private static Task ClickAsync(IRenderedComponent<AppointmentDrawer> cut, string button) =>
        cut.Button(button).ClickAsync(new MouseEventArgs());

    private async Task<Appointment> InDatabaseAsync(Guid id)
    {
        await using var db = Clinic.OpenDatabase(Services);
        return await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == new FrontDesk.Domain.Common.AppointmentId(id));
    }

    [Fact]
    public async Task Render_BookedAppointment_ShowsEveryActionForBooked()
    {
        var (_, cut) = await OpenBookedAsync();

        Assert.Equal("Status: Booked", Status(cut));
        Assert.All(BookedActions, name => Assert.True(cut.HasButton(name), $"no '{name}' button"));
        Assert.Contains("60.00 GBP", cut.Markup);
    }

    [Fact]
    public async Task CheckIn_Booked_ShowsCheckedInAndHidesCheckIn()
    {
        var (booked, cut) = await OpenBookedAsync();

        await ClickAsync(cut, "Check in");

        Assert.Equal("Status: Checked in", Status(cut));
        Assert.False(cut.HasButton("Check in"));
        Assert.False(cut.HasButton("No-show"));
        Assert.True(cut.HasButton("Check out"));
        Assert.Null(cut.AlertText());
        Assert.Equal(AppointmentStatus.CheckedIn, (await InDatabaseAsync(booked.Id)).Status);
        Assert.Equal(AppointmentStatus.CheckedIn, Store.State.Appointments[booked.Id].Status);
    }

    [Fact]
    public async Task CheckOut_Open_ShowsPaymentDueWithCardPrefilled()
    {
        var (_, cut) = await OpenBookedAsync();

        await ClickAsync(cut, "Check out");

        Assert.Equal("Payment · due 60.00 GBP", cut.Find("#pay-heading").TextContent);
        Assert.Equal("60.00", cut.Labelled("Card amount").GetAttribute("value"));
        Assert.True(cut.HasButton("Take payment and check out"));
    }

    [Fact]
    public async Task CheckOut_WrongTotal_ShowsMessageInlineAndChangesNothing()
    {
        var (booked, cut) = await OpenBookedAsync();
        await ClickAsync(cut, "Check out");
        await cut.Labelled("Card amount").ChangeAsync(new ChangeEventArgs { Value = "10" });

        await ClickAsync(cut, "Take payment and check out");

        Assert.Equal("Payments add up to 10.00 GBP but the total is 60.00 GBP (short by 50.00 GBP).", cut.AlertText());
        Assert.Equal("Status: Booked", Status(cut));
        var saved = await InDatabaseAsync(booked.Id);
        Assert.Equal(AppointmentStatus.Booked, saved.Status);
        Assert.Null(saved.InvoiceId);
    }

    [Fact]
    public async Task CheckOut_RightTotalAfterWrongOne_CompletesAndPays()
    {
        var (booked, cut) = await OpenBookedAsync();
        await ClickAsync(cut, "Check out");
        await cut.Labelled("Card amount").ChangeAsync(new ChangeEventArgs { Value = "10" });
        await ClickAsync(cut, "Take payment and check out");

        await cut.Labelled("Cash amount").ChangeAsync(new ChangeEventArgs { Value = "50" });
        await ClickAsync(cut, "Take payment and check out");

        Assert.Null(cut.AlertText());
        Assert.Equal("Status: Checked out", Status(cut));
        Assert.DoesNotContain(BookedActions, cut.HasButton);
        await using var db = Clinic.OpenDatabase(Services);
        var saved = await InDatabaseAsync(booked.Id);
        Assert.Equal(AppointmentStatus.Completed, saved.Status);
        var invoice = await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == saved.InvoiceId);
        Assert.True(invoice.IsPaid);
        Assert.Equal(60m, invoice.Payments.Sum(p => p.Amount));
    }

    [Fact]
    public async Task LiveEvent_CheckedInAtAnotherDesk_ShowsNewStatusWithoutAnyClick()
    {
        var (booked, cut) = await OpenBookedAsync();

        await AppointmentService.CheckInAsync(booked.Id, OtherDesk);

        cut.WaitForAssertion(() => Assert.Equal("Status: Checked in", Status(cut)), Patience);
        Assert.False(cut.HasButton("Check in"));
        Assert.Contains("Updated: now checked in.", cut.Markup);
    }

    [Fact]
    public async Task AppointmentSaved_CancelledElsewhere_ShowsCancelledAndNoActions()
    {
        var (booked, cut) = await OpenBookedAsync();

        Store.Dispatch(new AppointmentSaved(booked with { Status = AppointmentStatus.Cancelled, Version = booked.Version + 1 }));

        cut.WaitForAssertion(() => Assert.Equal("Status: Cancelled", Status(cut)), Patience);
        Assert.DoesNotContain(BookedActions, cut.HasButton);
    }

    [Fact]
    public async Task CheckIn_CancelledElsewhereBeforeNewsArrived_ShowsClearMessageAndRealStatus()
    {
        var (booked, cut) = await OpenBookedAsync();
        Feed.Hold(); // the other desk's change has not reached this screen yet
        await AppointmentService.CancelAsync(booked.Id, "Client phoned", OtherDesk);
        Assert.True(cut.HasButton("Check in"));

        await ClickAsync(cut, "Check in");

        Assert.Equal("This appointment is already cancelled and cannot be checked in.", cut.AlertText());
        Assert.Equal("Status: Cancelled", Status(cut));
        Assert.False(cut.HasButton("Check in"));
        Assert.Equal(AppointmentStatus.Cancelled, (await InDatabaseAsync(booked.Id)).Status);

        Feed.Release();

        cut.WaitForAssertion(() => Assert.Equal(AppointmentStatus.Cancelled, Store.State.Appointments[booked.Id].Status), Patience);
        Assert.Equal("Status: Cancelled", Status(cut));
    }

    [Fact]
    public async Task Render_UnknownAppointment_SaysItNoLongerExists()
    {
        await ShowTomorrowAsync();

        var cut = Render<AppointmentDrawer>(p => p.Add(d => d.AppointmentId, Guid.NewGuid()));

        cut.WaitForAssertion(() => Assert.Equal("This appointment no longer exists.", cut.Find("[role=status]").TextContent), Patience);
    }
}
