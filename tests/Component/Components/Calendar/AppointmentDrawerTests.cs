using AngleSharp.Dom;
using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Calendar;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Tests.Component.Components.Sales;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Domain.Calendar;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FrontDesk.Tests.Component.Components.Calendar;

public sealed class AppointmentDrawerTests : ClinicTestContext
{
    private static readonly string[] OpenActions = ["Check in", "Check out", "Move", "No-show", "Cancel appointment"];

    /// <summary>The desk's clock: now, until a test moves it on.</summary>
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private int _closed;

    /// <summary>The selling side, recorded (the check-out window prices and sells through it).</summary>
    private readonly FakeSaleService _sales = new();

    public AppointmentDrawerTests()
    {
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton<ISaleService>(_sales);
    }

    /// <summary>Jane's massage tomorrow at 10:00, shown on this desk's calendar, with its drawer open.</summary>
    private async Task<(AppointmentView Booked, IRenderedComponent<IComponent> Drawer)> OpenBookedAsync()
    {
        var booked = await BookJaneAsync();
        await ShowTomorrowAsync();
        var cut = RenderWithProviders<AppointmentDrawer>(p => p
            .Add(d => d.AppointmentId, booked.Id)
            .Add(d => d.OnClose, () => _closed++));
        cut.WaitForAssertion(() => Assert.Equal("Jane Cooper", cut.Find("h2").TextContent), Patience);
        return (booked, cut);
    }

    private static IElement Drawer(IRenderedComponent<IComponent> cut) => cut.ByRole("region", "Appointment");

    /// <summary>Clicks Check out without waiting for its handler: it waits for the check-out window to close.</summary>
    private static void OpenCheckOutWindow(IRenderedComponent<IComponent> cut) => Drawer(cut).Button("Check out").Click();

    private static string Status(IRenderedComponent<IComponent> cut) => cut.Find(".status-badge[role=status]").GetAttribute("aria-label")!;

    private static Task ClickAsync(IRenderedComponent<IComponent> cut, string button) =>
        Drawer(cut).Button(button).ClickAsync(new MouseEventArgs());

    private async Task<Appointment> InDatabaseAsync(Guid id)
    {
        await using var db = Clinic.OpenDatabase(Services);
        return await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == new FrontDesk.Domain.Common.AppointmentId(id));
    }

    [Fact]
    public async Task Render_BookedBeforeItsStart_OffersEverythingButNoShow()
    {
        var (_, cut) = await OpenBookedAsync();

        Assert.Equal("Status: Booked", Status(cut));
        Assert.All(OpenActions.Except(["No-show"]), name => Assert.True(Drawer(cut).HasButton(name), $"no '{name}' button"));
        Assert.False(Drawer(cut).HasButton("No-show"));
        Assert.Contains("60.00 GBP", cut.Markup);
    }

    [Fact]
    public async Task TimePasses_StartReachedWhileOpen_OffersNoShow()
    {
        var (booked, cut) = await OpenBookedAsync();

        _time.SetUtcNow(booked.Start.AddMinutes(1));

        cut.WaitForAssertion(() => Assert.True(Drawer(cut).HasButton("No-show")), Patience);
    }

    [Fact]
    public async Task NoShow_AfterStart_MarksNoShowAndOffersNothingMore()
    {
        var (booked, cut) = await OpenBookedAsync();
        _time.SetUtcNow(booked.Start.AddMinutes(20));
        cut.WaitForAssertion(() => Assert.True(Drawer(cut).HasButton("No-show")), Patience);

        await ClickAsync(cut, "No-show");

        Assert.Null(Drawer(cut).AlertText());
        Assert.Equal("Status: No-show", Status(cut));
        Assert.DoesNotContain(OpenActions, Drawer(cut).HasButton);
        Assert.Equal(AppointmentStatus.NoShow, (await InDatabaseAsync(booked.Id)).Status);
    }

    [Fact]
    public async Task CheckIn_Booked_ShowsCheckedInHidesCheckInAndConfirms()
    {
        var (booked, cut) = await OpenBookedAsync();

        await ClickAsync(cut, "Check in");

        Assert.Equal("Status: Checked in", Status(cut));
        Assert.False(Drawer(cut).HasButton("Check in"));
        Assert.True(Drawer(cut).HasButton("Check out"));
        Assert.Null(Drawer(cut).AlertText());
        Assert.Equal(AppointmentStatus.CheckedIn, (await InDatabaseAsync(booked.Id)).Status);
        Assert.Equal(AppointmentStatus.CheckedIn, Store.State.Appointments[booked.Id].Status);
        Assert.Contains("Checked in: Jane Cooper, Swedish massage 60.", cut.Snackbars());
    }

    [Fact]
    public async Task CheckOut_AmountDue_OpensTheCheckOutWindowPricedForTheAppointment()
    {
        var (booked, cut) = await OpenBookedAsync();

        OpenCheckOutWindow(cut);

        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Confirm sale")), Patience);
        Assert.Equal("Check out · Jane Cooper", cut.Find("#checkout-title").TextContent);
        var preview = Assert.Single(_sales.Previews);
        Assert.Equal((booked.Id, Seed.JaneId), (preview.AppointmentId, preview.ClientId));
        Assert.False(Drawer(cut).HasButton("Take payment and check out"));
    }

    [Fact]
    public async Task CheckOut_WindowConfirmed_SendsOneSaleForTheAppointmentPaidByCard()
    {
        var (booked, cut) = await OpenBookedAsync();
        OpenCheckOutWindow(cut);
        cut.WaitForAssertion(() => Assert.Equal("60.00", cut.Input("Payment 1 amount").GetAttribute("value")), Patience);

        await cut.InvokeAsync(() => cut.Button("Confirm sale").ClickAsync(new MouseEventArgs()));

        cut.WaitForAssertion(() => Assert.False(cut.HasButton("Confirm sale")), Patience);
        var sale = Assert.Single(_sales.Creates);
        Assert.Equal(booked.Id, sale.AppointmentId);
        Assert.Equal([new PaymentLine(FrontDesk.Domain.Sales.PaymentMethod.Card, 60m)], sale.Payments);
    }

    [Fact]
    public async Task CheckOut_WindowCancelled_LeavesTheAppointmentAsItWas()
    {
        var (booked, cut) = await OpenBookedAsync();
        OpenCheckOutWindow(cut);
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Confirm sale")), Patience);

        await cut.InvokeAsync(() => cut.Find(".mud-dialog").Button("Cancel").ClickAsync(new MouseEventArgs()));

        cut.WaitForAssertion(() => Assert.False(cut.HasButton("Confirm sale")), Patience);
        Assert.Empty(_sales.Creates);
        Assert.Equal("Status: Booked", Status(cut));
        Assert.Equal(AppointmentStatus.Booked, (await InDatabaseAsync(booked.Id)).Status);
    }

    [Fact]
    public async Task LiveEvent_CheckedInAtAnotherDesk_ShowsNewStatusAndSaysWhoWithoutAnyClick()
    {
        var (booked, cut) = await OpenBookedAsync();

        await AppointmentService.CheckInAsync(booked.Id, TestCallers.Manager(OtherDesk));

        cut.WaitForAssertion(() => Assert.Equal("Status: Checked in", Status(cut)), Patience);
        Assert.False(Drawer(cut).HasButton("Check in"));
        Assert.Contains("Updated: now checked in.", cut.Markup);
        Assert.Contains("Swedish massage 60 at 10:00 was checked in by the other desk.", cut.Snackbars());
    }

    [Fact]
    public async Task LiveEvent_MovedAtAnotherDesk_SaysItWasMovedAndWhereTo()
    {
        var (booked, cut) = await OpenBookedAsync();

        await AppointmentService.MoveAsync(new MoveAppointment(booked.Id, booked.Start.AddHours(2), Seed.ProviderId, false, TestCallers.Manager(OtherDesk)));

        var now = TestClinic.TomorrowAt(12);
        cut.WaitForAssertion(() => Assert.Contains(
            $"Swedish massage 60 at 10:00 was moved by the other desk: now {now:ddd d MMM HH:mm} with {Seed.ProviderName}.", cut.Snackbars()), Patience);
        Assert.Contains("12:00", Drawer(cut).TextContent);
    }

    [Fact]
    public async Task CheckIn_ThisDesk_IsNotReportedAsAnotherDesksChange()
    {
        var (_, cut) = await OpenBookedAsync();

        await ClickAsync(cut, "Check in");

        Assert.DoesNotContain(cut.Snackbars(), m => m.Contains("other desk", StringComparison.Ordinal));
        Assert.DoesNotContain("Updated: now", cut.Markup);
    }

    [Fact]
    public async Task AppointmentSaved_CancelledElsewhere_ShowsCancelledAndNoActions()
    {
        var (booked, cut) = await OpenBookedAsync();

        Store.Dispatch(new AppointmentSaved(booked with { Status = AppointmentStatus.Cancelled, Version = booked.Version + 1 }));

        cut.WaitForAssertion(() => Assert.Equal("Status: Cancelled", Status(cut)), Patience);
        Assert.DoesNotContain(OpenActions, Drawer(cut).HasButton);
    }

    [Fact]
    public async Task CheckIn_CancelledElsewhereBeforeNewsArrived_ShowsClearMessageAndRealStatus()
    {
        var (booked, cut) = await OpenBookedAsync();
        Feed.Hold(); // the other desk's change has not reached this screen yet
        await AppointmentService.CancelAsync(booked.Id, "Client phoned", TestCallers.Manager(OtherDesk));
        Assert.True(Drawer(cut).HasButton("Check in"));

        await ClickAsync(cut, "Check in");

        Assert.Equal("This appointment is already cancelled and cannot be checked in.", Drawer(cut).AlertText());
        Assert.Equal("Status: Cancelled", Status(cut));
        Assert.False(Drawer(cut).HasButton("Check in"));
        Assert.Equal(AppointmentStatus.Cancelled, (await InDatabaseAsync(booked.Id)).Status);

        Feed.Release();

        cut.WaitForAssertion(() => Assert.Equal(AppointmentStatus.Cancelled, Store.State.Appointments[booked.Id].Status), Patience);
        Assert.Equal("Status: Cancelled", Status(cut));
    }

    [Fact]
    public async Task Close_AppointmentGone_RaisesOnClose()
    {
        await ShowTomorrowAsync();
        var cut = RenderWithProviders<AppointmentDrawer>(p => p
            .Add(d => d.AppointmentId, Guid.NewGuid())
            .Add(d => d.OnClose, () => _closed++));
        cut.WaitForAssertion(() => Assert.NotNull(Drawer(cut).QuerySelector("[role=status]")), Patience);

        await ClickAsync(cut, "Close");

        Assert.Equal(1, _closed);
    }

    [Fact]
    public async Task Render_UnknownAppointment_SaysItNoLongerExists()
    {
        await ShowTomorrowAsync();

        var cut = RenderWithProviders<AppointmentDrawer>(p => p.Add(d => d.AppointmentId, Guid.NewGuid()));

        cut.WaitForAssertion(() => Assert.Equal("This appointment no longer exists.", Drawer(cut).QuerySelector("[role=status]")!.TextContent), Patience);
    }
}
