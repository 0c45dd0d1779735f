using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Sales;
using FrontDesk.Dashboard.Memberships;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Memberships;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Component.Components.Memberships;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace FrontDesk.Tests.Component.Components.Sales;

/// <summary>
/// The check-out window's "Membership code": the real sale and membership services on a clinic
/// database, so the window prices what the service prices once the visit is used.
/// </summary>
public sealed class CheckOutMembershipTests : MembershipTestContext
{
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private Task<SaleView?>? _result;

    public CheckOutMembershipTests() => Services.AddSingleton<TimeProvider>(_time);

    private ISaleService Sales => Services.GetRequiredService<ISaleService>();

    private async Task<IRenderedComponent<IComponent>> OpenAsync(AppointmentView appointment)
    {
        var cut = RenderWithProviders<EmptyScreen>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await cut.InvokeAsync(() => { _result = CheckOutDialog.ShowAsync(dialogs, CheckOutRequest.ForAppointment(appointment, null)); }); // ends when the window closes
        cut.WaitForAssertion(() => Assert.NotEqual("(no total)", Total(cut)), Patience);
        return cut;
    }

    private static string Total(IRenderedComponent<IComponent> cut) =>
        cut.FindAll(".totals dd.total").SingleOrDefault()?.TextContent.Trim() ?? "(no total)";

    private static async Task UseCodeAsync(IRenderedComponent<IComponent> cut, string code)
    {
        await cut.InvokeAsync(() => cut.Input("Membership code").InputAsync(new ChangeEventArgs { Value = code }));
        await cut.InvokeAsync(() => cut.Button("Use membership").ClickAsync(new MouseEventArgs()));
    }

    private async Task<AppointmentView> BookPhysioAsync() =>
        await AppointmentService.BookAsync(new BookAppointment(
            Seed.JaneId, Seed.PhysioId, Seed.ProviderId, Clock.ToUtc(TestClinic.TomorrowAt(14)), false, null, TestCallers.Manager(OtherDesk)));

    [Fact]
    public async Task UseMembership_ValidCode_PricesToNothingAndChecksOutWithoutPayment()
    {
        await SellAsync(await MassageCardAsync(), "JANE-1126");
        var appointment = await BookJaneAsync();
        var cut = await OpenAsync(appointment);
        Assert.Equal("60.00 GBP", Total(cut));

        await UseCodeAsync(cut, "  jane-1126 ");

        cut.WaitForAssertion(() => Assert.Equal("0.00 GBP", Total(cut)), Patience);
        Assert.Contains(cut.Role("table", "Sale lines").QuerySelectorAll("td"), c => c.TextContent.Trim().StartsWith("Paid from membership JANE-1126", StringComparison.Ordinal));
        var used = cut.Role("status", "Membership JANE-1126 used").TextContent;
        Assert.Contains("4 visits left", used, StringComparison.Ordinal);
        Assert.Contains("valid until", used, StringComparison.Ordinal);
        Assert.DoesNotContain(cut.FindAll("input"), i => MudQueries.Name(cut, i) == "Payment 1 amount");

        await cut.InvokeAsync(() => cut.Button("Confirm sale").ClickAsync(new MouseEventArgs()));

        var sale = await _result!.WaitAsync(Patience);
        Assert.Equal((0m, true), (sale!.Total, sale.IsPaid));
        Assert.Empty(sale.Payments);
        Assert.Equal(AppointmentStatus.Completed, (await Services.GetRequiredService<CalendarQueries>().FindAsync(appointment.Id))!.Status);
        Assert.Equal(1, (await MembershipQueries.ByCodeAsync("JANE-1126")).VisitsUsed);
    }

    [Fact]
    public async Task GiveBack_AVisitUsedInTheWindow_TheServiceIsToPayAgainAndTheVisitCountsNoMore()
    {
        await SellAsync(await MassageCardAsync(), "BACK-1126");
        var appointment = await BookJaneAsync();
        var cut = await OpenAsync(appointment);
        await UseCodeAsync(cut, "back-1126");
        cut.WaitForAssertion(() => Assert.Equal("0.00 GBP", Total(cut)), Patience);

        await cut.InvokeAsync(() => cut.Button("Give back the visit of membership BACK-1126").ClickAsync(new MouseEventArgs()));

        cut.WaitForAssertion(() => Assert.Equal("60.00 GBP", Total(cut)), Patience);
        Assert.False(cut.HasRole("status", "Membership BACK-1126 used"));
        Assert.Equal("BACK-1126", cut.Input("Membership code").GetAttribute("value"));
        Assert.Contains(cut.FindAll("input"), i => MudQueries.Name(cut, i) == "Payment 1 amount");
        var membership = await MembershipQueries.ByCodeAsync("BACK-1126");
        Assert.Equal(0, membership.VisitsUsed);
        Assert.NotNull(Assert.Single(membership.History).ReturnedAt);
    }

    [Fact]
    public async Task GiveBack_AVisitUsedBeforeTheWindowOpened_OfferedAndGivenBack()
    {
        await SellAsync(await MassageCardAsync(), "EARLIER-1");
        var appointment = await BookJaneAsync();
        await Services.GetRequiredService<MembershipService>().UseAsync("EARLIER-1", appointment.Id, TestCallers.Manager(OtherDesk));
        var cut = await OpenAsync(appointment);
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("status", "Membership EARLIER-1 used")), Patience);

        await cut.InvokeAsync(() => cut.Button("Give back the visit of membership EARLIER-1").ClickAsync(new MouseEventArgs()));

        cut.WaitForAssertion(() => Assert.Equal("60.00 GBP", Total(cut)), Patience);
        Assert.Equal(0, (await MembershipQueries.ByCodeAsync("EARLIER-1")).VisitsUsed);
    }

    [Fact]
    public async Task Drawer_CheckOutPaidByAMembershipVisit_OffersToGiveTheVisitBack()
    {
        await SellAsync(await MassageCardAsync(), "DRAWER-BACK");
        var appointment = await BookJaneAsync();
        await Services.GetRequiredService<MembershipService>().UseAsync("DRAWER-BACK", appointment.Id, TestCallers.Manager(OtherDesk));
        var cut = RenderWithProviders<FrontDesk.Dashboard.Components.Calendar.AppointmentDrawer>(p => p.Add(d => d.AppointmentId, appointment.Id));
        cut.WaitForAssertion(() => Assert.Equal("Jane Cooper", cut.Find("h2").TextContent), Patience);

        await cut.InvokeAsync(() => cut.ByRole("region", "Appointment").Button("Check out").ClickAsync(new MouseEventArgs()));
        cut.WaitForAssertion(() => Assert.Equal("Paid from membership DRAWER-BACK, nothing to pay", cut.Find("#pay-heading").TextContent), Patience);
        await cut.InvokeAsync(() => cut.Button("Give back the visit of membership DRAWER-BACK").ClickAsync(new MouseEventArgs()));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#pay-heading")), Patience);
        Assert.Equal(0, (await MembershipQueries.ByCodeAsync("DRAWER-BACK")).VisitsUsed);
        Assert.Equal(60m, await AppointmentService.AmountDueAsync(appointment.Id));
    }

    [Fact]
    public async Task UseMembership_EnterInTheField_UsesTheCode()
    {
        await SellAsync(await MassageCardAsync(), "ENTER-1");
        var cut = await OpenAsync(await BookJaneAsync());

        await cut.InvokeAsync(() => cut.Input("Membership code").InputAsync(new ChangeEventArgs { Value = "enter-1" }));
        await cut.InvokeAsync(() => cut.Input("Membership code").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" }));

        cut.WaitForAssertion(() => Assert.Equal("0.00 GBP", Total(cut)), Patience);
        Assert.Equal(1, (await MembershipQueries.ByCodeAsync("ENTER-1")).VisitsUsed);
    }

    [Fact]
    public async Task UseMembership_ServiceNotCovered_SaysSoUnderTheFieldAndNothingChanges()
    {
        await SellAsync(await MassageCardAsync(), "MASSAGE-ONLY");
        var cut = await OpenAsync(await BookPhysioAsync());
        cut.WaitForAssertion(() => Assert.Equal("45.00 GBP", Total(cut)), Patience);

        await UseCodeAsync(cut, "massage-only");

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".checkout-membership [role=alert]"), a => a.TextContent.Contains("does not cover this service", StringComparison.Ordinal)), Patience);
        Assert.Equal("massage-only", cut.Input("Membership code").GetAttribute("value"));
        Assert.Equal("45.00 GBP", Total(cut));
        Assert.Equal(0, (await MembershipQueries.ByCodeAsync("MASSAGE-ONLY")).VisitsUsed);
        Assert.True(cut.HasButton("Use membership"));
    }

    [Fact]
    public async Task UseMembership_Expired_SaysSoUnderTheFieldAndNothingChanges()
    {
        var dayPass = await Memberships.CreateProductAsync(new SaveProduct("Day pass", 50m, new MembershipTermsInput(1, ValidityStart.Sale, [Seed.MassageId], 1, null), TestCallers.Manager(OtherDesk)));
        await Memberships.ReceiveAsync([new StockLine(dayPass.Id, 1)], null, TestCallers.Manager(OtherDesk));
        await SellAsync(dayPass, "DAY-1");
        var appointment = await BookJaneAsync();
        _time.Advance(TimeSpan.FromDays(2));
        var cut = await OpenAsync(appointment);

        await UseCodeAsync(cut, "DAY-1");

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".checkout-membership [role=alert]"), a => a.TextContent.Contains("expired on", StringComparison.Ordinal)), Patience);
        Assert.Equal("DAY-1", cut.Input("Membership code").GetAttribute("value"));
        Assert.Equal("60.00 GBP", Total(cut));
        Assert.Equal(0, (await MembershipQueries.ByCodeAsync("DAY-1")).VisitsUsed);
    }

    [Fact]
    public async Task Open_VisitAlreadyUsedOnTheAppointment_ShowsTheMembershipWithoutTheCodeField()
    {
        await SellAsync(await MassageCardAsync(), "USED-EARLIER");
        var appointment = await BookJaneAsync();
        await Memberships.UseAsync("USED-EARLIER", appointment.Id, TestCallers.Manager(OtherDesk));

        var cut = RenderWithProviders<EmptyScreen>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await cut.InvokeAsync(() => { _result = CheckOutDialog.ShowAsync(dialogs, CheckOutRequest.ForAppointment(appointment, null)); });

        cut.WaitForAssertion(() => Assert.Equal("0.00 GBP", Total(cut)), Patience);
        Assert.Contains("4 visits left", cut.Role("status", "Membership USED-EARLIER used").TextContent, StringComparison.Ordinal);
        Assert.False(cut.HasButton("Use membership"));
        Assert.DoesNotContain(cut.FindAll("input"), i => MudQueries.Name(cut, i) == "Membership code");
    }

    [Fact]
    public async Task UseMembership_UnknownCodeThenTheRightOne_TheMessageGoesAndOneVisitIsUsed()
    {
        await SellAsync(await MassageCardAsync(), "RETRY-1");
        var cut = await OpenAsync(await BookJaneAsync());
        await UseCodeAsync(cut, "RETRY-X");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".checkout-membership [role=alert]")), Patience);

        await UseCodeAsync(cut, "RETRY-1");

        cut.WaitForAssertion(() => Assert.Equal("0.00 GBP", Total(cut)), Patience);
        Assert.Empty(cut.FindAll(".checkout-membership [role=alert]"));
        Assert.Equal(1, (await MembershipQueries.ByCodeAsync("RETRY-1")).VisitsUsed);
    }
}
