using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using static FrontDesk.Tests.Unit.Domain.Packages.Packages;

namespace FrontDesk.Tests.Unit.Domain.Packages;

/// <summary>Forfeiting a missed session, and what an unlimited package owes.</summary>
public sealed class PackageRecordPolicyTests
{
    [Fact]
    public void Forfeit_BookedSession_TurnsRedAndHistorySaysForfeited()
    {
        var course = Course();
        var record = Sell(course);
        var use = Use(Laser);
        record.Book(course, use, 2, RedemptionPolicy.AtCheckOut, T0, Desk);

        record.Forfeit(use.AppointmentId, T0.AddDays(1), Desk, "no-show");

        Assert.Equal(SessionState.Redeemed, record.Sessions.Single(s => s.Number == 2).State);
        Assert.Equal((4m, 0m, 1m), (record.Available, record.Held, record.Used));
        Assert.Equal(LedgerKind.Forfeit, record.Ledger[^1].Kind);
        Assert.Equal("Session 2 forfeited: no-show", record.Ledger[^1].Note);
        AssertBalancesEqualLedger(record);
    }

    [Fact]
    public void Forfeit_HeldMinutes_AreTaken()
    {
        var minutes = Minutes(240m);
        var record = Sell(minutes);
        var use = Use(Swedish, minutes: 60);
        record.Book(minutes, use, null, RedemptionPolicy.AtCheckOut, T0, Desk);

        record.Forfeit(use.AppointmentId, T0.AddDays(1), Desk, "late cancellation");

        Assert.Equal((180m, 0m, 60m), (record.Available, record.Held, record.Used));
        AssertBalancesEqualLedger(record);
    }

    [Fact]
    public void Forfeit_AppointmentNotOnTheRecord_RefusedAsRuleBroken()
    {
        var record = Sell(Course());

        var error = Assert.Throws<DomainException>(() => record.Forfeit(Guid.NewGuid(), T0, Desk, "no-show"));

        Assert.Equal(DomainErrorKind.RuleBroken, error.Kind);
    }

    private static PackageTemplate UnlimitedSaunaMonth(int price = 99) =>
        Template(PackageKind.AnyFromList, PackageValueType.Unlimited, services: [Sauna], price: price, expiry: new Expiry(30, ExpiryUnit.Days), name: "Sauna month");

    [Fact]
    public void LiabilityAt_UnlimitedPaid99BeforeExpiry_CountsWhatWasPaid()
    {
        var record = Sell(UnlimitedSaunaMonth());

        Assert.Equal(99m, record.LiabilityAt(T0.AddDays(10), Today.AddDays(10)));
    }

    [Fact]
    public void LiabilityAt_UnlimitedAfterItsLastDay_IsNothing()
    {
        var record = Sell(UnlimitedSaunaMonth());

        Assert.Equal(0m, record.LiabilityAt(T0.AddDays(31), Today.AddDays(31)));
    }

    [Fact]
    public void LiabilityAt_UnlimitedAfterCancel_IsNothing()
    {
        var record = Sell(UnlimitedSaunaMonth());
        record.Cancel("moved away", T0.AddDays(2), Desk);

        Assert.Equal(0m, record.LiabilityAt(T0.AddDays(3), Today.AddDays(3)));
        Assert.Equal(99m, record.LiabilityAt(T0.AddDays(1), Today.AddDays(1)));
    }

    [Fact]
    public void LiabilityAt_UnlimitedGivenFree_IsNothing()
    {
        var record = Sell(UnlimitedSaunaMonth(), AcquisitionMode.Complimentary, "voucher");

        Assert.Equal(0m, record.LiabilityAt(T0.AddDays(1), Today.AddDays(1)));
    }
}
