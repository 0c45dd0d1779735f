using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using static FrontDesk.Tests.Unit.Domain.Packages.Packages;

namespace FrontDesk.Tests.Unit.Domain.Packages;

public sealed class PackageRecordTests
{
    private static SessionState[] Circles(PackageRecord record) => record.Sessions.OrderBy(s => s.Number).Select(s => s.State).ToArray();

    [Fact]
    public void Acquire_Course_AllCirclesGreen()
    {
        var record = Sell(Course(sessions: 8));

        Assert.All(record.Sessions, s => Assert.Equal(SessionState.Free, s.State));
        Assert.Equal(8m, record.Available);
        Assert.Equal(LedgerKind.Purchase, Assert.Single(record.Ledger).Kind);
    }

    [Fact]
    public void Book_GreenCircleWithCheckOutPolicy_TurnsOrange()
    {
        var course = Course();
        var record = Sell(course);

        var coverage = record.Book(course, Use(Laser), 3, RedemptionPolicy.AtCheckOut, T0, Desk);

        Assert.Equal(3, coverage.SessionNumber);
        Assert.True(coverage.FullyCovered);
        Assert.Equal(new[] { SessionState.Free, SessionState.Free, SessionState.Booked, SessionState.Free, SessionState.Free }, Circles(record));
        Assert.Equal((4m, 1m, 0m), (record.Available, record.Held, record.Used));
    }

    [Fact]
    public void Redeem_OrangeCircle_TurnsRed()
    {
        var course = Course();
        var record = Sell(course);
        var use = Use(Laser);
        record.Book(course, use, 1, RedemptionPolicy.AtCheckOut, T0, Desk);

        record.Redeem(use.AppointmentId, T0.AddDays(1), Desk);

        Assert.Equal(SessionState.Redeemed, record.Sessions.Single(s => s.Number == 1).State);
        Assert.Equal((4m, 0m, 1m), (record.Available, record.Held, record.Used));
    }

    [Fact]
    public void Book_WithAtBookingPolicy_TurnsRedAtOnce()
    {
        var course = Course();
        var record = Sell(course);

        record.Book(course, Use(Laser), 1, RedemptionPolicy.AtBooking, T0, Desk);

        Assert.Equal(SessionState.Redeemed, record.Sessions.Single(s => s.Number == 1).State);
        Assert.Equal((4m, 0m, 1m), (record.Available, record.Held, record.Used));
    }

    [Fact]
    public void Redeem_SessionRedeemedAtBooking_ChangesNothing()
    {
        var course = Course();
        var record = Sell(course);
        var use = Use(Laser);
        record.Book(course, use, 1, RedemptionPolicy.AtBooking, T0, Desk);
        var entries = record.Ledger.Count;

        record.Redeem(use.AppointmentId, T0, Desk);

        Assert.Equal(entries, record.Ledger.Count);
        Assert.Equal(1m, record.Used);
    }

    [Fact]
    public void Circles_OneRedeemedOneBookedSixFree_ShowRedOrangeGreen()
    {
        var course = Course(sessions: 8);
        var record = Sell(course);
        var first = Use(Laser, dayOffset: 1);
        record.Book(course, first, null, RedemptionPolicy.AtCheckOut, T0, Desk);
        record.Redeem(first.AppointmentId, T0, Desk);
        record.Book(course, Use(Laser, dayOffset: 8), null, RedemptionPolicy.AtCheckOut, T0, Desk);

        Assert.Equal(1, record.Sessions.Count(s => s.State == SessionState.Redeemed));
        Assert.Equal(1, record.Sessions.Count(s => s.State == SessionState.Booked));
        Assert.Equal(6, record.Sessions.Count(s => s.State == SessionState.Free));
    }

    [Theory]
    [InlineData(RedemptionPolicy.AtCheckOut)]
    [InlineData(RedemptionPolicy.AtBooking)]
    public void Release_NoShow_GivesTheSessionBackGreen(RedemptionPolicy policy)
    {
        var course = Course();
        var record = Sell(course);
        var use = Use(Laser);
        record.Book(course, use, 2, policy, T0, Desk);

        record.Release(use.AppointmentId, T0, Desk, "no-show");

        var session = record.Sessions.Single(s => s.Number == 2);
        Assert.Equal(SessionState.Free, session.State);
        Assert.Null(session.AppointmentId);
        Assert.Equal((5m, 0m, 0m), (record.Available, record.Held, record.Used));
        Assert.Equal(LedgerKind.Release, record.Ledger[^1].Kind);
    }

    [Theory]
    [InlineData(RedemptionPolicy.AtCheckOut)]
    [InlineData(RedemptionPolicy.AtBooking)]
    public void Release_CancelledAppointmentOfABalance_GivesTheAmountBack(RedemptionPolicy policy)
    {
        var credit = Credit(300m);
        var record = Sell(credit);
        var use = Use(Swedish, price: 120m);
        record.Book(credit, use, null, policy, T0, Desk);

        record.Release(use.AppointmentId, T0, Desk, "appointment cancelled");

        Assert.Equal((300m, 0m, 0m), (record.Available, record.Held, record.Used));
        Assert.Empty(record.Holds);
    }

    [Fact]
    public void Release_Twice_ChangesNothingTheSecondTime()
    {
        var course = Course();
        var record = Sell(course);
        var use = Use(Laser);
        record.Book(course, use, 1, RedemptionPolicy.AtCheckOut, T0, Desk);
        record.Release(use.AppointmentId, T0, Desk, "no-show");
        var entries = record.Ledger.Count;

        record.Release(use.AppointmentId, T0, Desk, "no-show");

        Assert.Equal(entries, record.Ledger.Count);
        Assert.Equal(5m, record.Available);
    }

    [Fact]
    public void Book_AnOrangeCircle_IsAConflictAskingForAGreenOne()
    {
        var course = Course();
        var record = Sell(course);
        record.Book(course, Use(Laser), 5, RedemptionPolicy.AtCheckOut, T0, Desk);

        var error = Assert.Throws<DomainException>(() => record.Book(course, Use(Laser, dayOffset: 2), 5, RedemptionPolicy.AtCheckOut, T0, Desk));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
        Assert.Contains("session 5 is already booked", error.Message);
    }

    [Fact]
    public void Book_TheSameAppointmentTwice_IsAConflict()
    {
        var course = Course();
        var record = Sell(course);
        var use = Use(Laser);
        record.Book(course, use, 1, RedemptionPolicy.AtCheckOut, T0, Desk);

        var error = Assert.Throws<DomainException>(() => record.Book(course, use, 2, RedemptionPolicy.AtCheckOut, T0, Desk));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
        Assert.Equal(1m, record.Held);
    }

    [Fact]
    public void Book_FixedMixCircleOfAnotherService_IsRefused()
    {
        var mix = Template(PackageKind.Fixed, lines: [new PackageLine(Swedish, 1), new PackageLine(Thai, 2)]);
        var record = Sell(mix);

        var error = Assert.Throws<DomainException>(() => record.Book(mix, Use(Thai), 1, RedemptionPolicy.AtCheckOut, T0, Desk));

        Assert.Contains("session 1 is for another service", error.Message);
    }

    [Fact]
    public void Book_FixedMixWithoutACircle_TakesTheFirstGreenOfThatService()
    {
        var mix = Template(PackageKind.Fixed, lines: [new PackageLine(Swedish, 1), new PackageLine(Thai, 2)]);
        var record = Sell(mix);

        var coverage = record.Book(mix, Use(Thai), null, RedemptionPolicy.AtCheckOut, T0, Desk);

        Assert.Equal(2, coverage.SessionNumber);
    }

    [Fact]
    public void Book_AmountCreditFor120_Leaves180()
    {
        var credit = Credit(300m);
        var record = Sell(credit);

        var coverage = record.Book(credit, Use(Swedish, price: 120m), null, RedemptionPolicy.AtCheckOut, T0, Desk);

        Assert.Equal(120m, coverage.Units);
        Assert.True(coverage.FullyCovered);
        Assert.Equal((180m, 120m), (record.Available, record.Held));
    }

    [Fact]
    public void Book_AmountCreditShortOfThePrice_Takes180AndLeaves20ToPay()
    {
        var credit = Credit(300m);
        var record = Sell(credit);
        var first = Use(Swedish, price: 120m);
        record.Book(credit, first, null, RedemptionPolicy.AtCheckOut, T0, Desk);
        record.Redeem(first.AppointmentId, T0, Desk);
        var second = Use(Thai, dayOffset: 2, price: 200m);

        var coverage = record.Book(credit, second, null, RedemptionPolicy.AtCheckOut, T0, Desk);

        Assert.Equal(180m, coverage.Units);
        Assert.False(coverage.FullyCovered);
        Assert.Equal(20m, second.Price - coverage.Units);
        Assert.Equal((0m, 180m, 120m), (record.Available, record.Held, record.Used));
    }

    [Fact]
    public void Book_MinutesPackageFor90Minutes_Holds90()
    {
        var minutes = Minutes(240m);
        var record = Sell(minutes);

        var coverage = record.Book(minutes, Use(Swedish, minutes: 90), null, RedemptionPolicy.AtCheckOut, T0, Desk);

        Assert.Equal(90m, coverage.Units);
        Assert.Equal((150m, 90m), (record.Available, record.Held));
        Assert.Equal("150 min", record.Units(record.Available));
    }

    [Fact]
    public void Book_MinutesPackageLongerThanWhatIsLeft_TakesTheRest()
    {
        var minutes = Minutes(60m);
        var record = Sell(minutes);

        var coverage = record.Book(minutes, Use(Swedish, minutes: 90), null, RedemptionPolicy.AtCheckOut, T0, Desk);

        Assert.Equal(60m, coverage.Units);
        Assert.False(coverage.FullyCovered);
        Assert.Equal(0m, record.Available);
    }

    [Fact]
    public void Book_UnlimitedPackage_CoversEveryVisitWithoutABalance()
    {
        var sauna = Template(PackageKind.AnyFromList, PackageValueType.Unlimited, services: [Sauna], name: "Sauna week");
        var record = Sell(sauna);

        for (var day = 1; day <= 5; day++)
        {
            Assert.True(record.Book(sauna, Use(Sauna, dayOffset: day), null, RedemptionPolicy.AtCheckOut, T0, Desk).FullyCovered);
        }

        Assert.Equal(5, record.Holds.Count);
        Assert.Equal((0m, 0m, 0m), (record.Available, record.Held, record.Used));
    }

    [Fact]
    public void Cancel_RecordWithABookedSession_ReleasesItAndLapsesTheRest()
    {
        var course = Course();
        var record = Sell(course);
        var booked = Use(Laser);
        record.Book(course, booked, 1, RedemptionPolicy.AtCheckOut, T0, Desk);

        var released = record.Cancel("client moved away", T0, Desk);

        Assert.Equal(new[] { booked.AppointmentId }, released);
        Assert.Equal(RecordStatus.Cancelled, record.Status);
        Assert.Equal((0m, 0m, 0m), (record.Available, record.Held, record.Used));
        Assert.Empty(record.Sessions);
        AssertBalancesEqualLedger(record);
    }

    [Fact]
    public void Cancel_RecordWithARedeemedSession_KeepsTheRedCircle()
    {
        var course = Course();
        var record = Sell(course);
        var done = Use(Laser);
        record.Book(course, done, 1, RedemptionPolicy.AtCheckOut, T0, Desk);
        record.Redeem(done.AppointmentId, T0, Desk);

        record.Cancel("client asked", T0, Desk);

        Assert.Equal(SessionState.Redeemed, Assert.Single(record.Sessions).State);
        Assert.Equal(1m, record.Used);
    }

    public static TheoryData<string> LaterCommands() => ["book", "redeem", "adjust", "expiry", "freeze", "transfer", "cancel"];

    [Theory]
    [MemberData(nameof(LaterCommands))]
    public void Cancelled_EveryLaterCommand_IsRefusedAndItStaysCancelled(string command)
    {
        var course = Course();
        var record = Sell(course);
        var done = Use(Laser);
        record.Book(course, done, 1, RedemptionPolicy.AtCheckOut, T0, Desk);
        record.Cancel("client asked", T0, Desk);
        var entries = record.Ledger.Count;

        Action act = command switch
        {
            "book" => () => record.Book(course, Use(Laser, dayOffset: 3), null, RedemptionPolicy.AtCheckOut, T0, Desk),
            "redeem" => () => record.Redeem(done.AppointmentId, T0, Desk),
            "adjust" => () => record.Adjust(3m, "goodwill", T0, Desk),
            "expiry" => () => record.ChangeExpiry(Today.AddYears(1), "goodwill", T0, Desk),
            "freeze" => () => record.Freeze(Today.AddDays(1), Today.AddDays(5), [], T0, Desk),
            "transfer" => () => record.TransferTo(PackageRecordId.New(), ClientId.New(), T0, Desk),
            _ => () => record.Cancel("again", T0, Desk),
        };

        var error = Assert.Throws<DomainException>(act);
        Assert.Contains("cancel", error.Message);
        Assert.Equal(RecordStatus.Cancelled, record.Status);
        Assert.Equal(entries, record.Ledger.Count);
        Assert.Equal(0m, record.Available);
    }

    [Fact]
    public void Cancelled_ExpiryRun_ChangesNothing()
    {
        var record = Sell(Course(expiry: new Expiry(1, ExpiryUnit.Days)));
        record.Cancel("client asked", T0, Desk);

        Assert.False(record.ExpireIfDue(Today.AddDays(30), T0.AddDays(30), Desk));
        Assert.Equal(RecordStatus.Cancelled, record.Status);
    }

    [Fact]
    public void Freeze_RecordWithExpiry_MovesExpiryByTheFrozenDays()
    {
        var record = Sell(Course(expiry: new Expiry(60, ExpiryUnit.Days)));
        var before = record.ExpiresOn!.Value;

        record.Freeze(Today.AddDays(10), Today.AddDays(16), [], T0, Desk);

        Assert.Equal(before.AddDays(7), record.ExpiresOn);
        Assert.Equal(LedgerKind.Freeze, record.Ledger[^1].Kind);
    }

    [Fact]
    public void Freeze_RecordThatNeverExpires_StaysWithoutExpiry()
    {
        var record = Sell(Course());

        record.Freeze(Today.AddDays(1), Today.AddDays(3), [], T0, Desk);

        Assert.Null(record.ExpiresOn);
    }

    [Fact]
    public void Freeze_OverABookedDay_IsRefused()
    {
        var record = Sell(Course(expiry: new Expiry(60, ExpiryUnit.Days)));
        var expires = record.ExpiresOn;

        var error = Assert.Throws<DomainException>(() => record.Freeze(Today.AddDays(1), Today.AddDays(5), [Today.AddDays(3)], T0, Desk));

        Assert.Equal(DomainErrorKind.RuleBroken, error.Kind);
        Assert.Equal(expires, record.ExpiresOn);
        Assert.Empty(record.Freezes);
    }

    [Fact]
    public void Freeze_OverlappingAnotherFreeze_IsAConflict()
    {
        var record = Sell(Course());
        record.Freeze(Today.AddDays(1), Today.AddDays(5), [], T0, Desk);

        var error = Assert.Throws<DomainException>(() => record.Freeze(Today.AddDays(5), Today.AddDays(9), [], T0, Desk));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Book_TheDayAfterAFreeze_IsAllowed()
    {
        var course = Course();
        var record = Sell(course);
        record.Freeze(Today.AddDays(1), Today.AddDays(5), [], T0, Desk);

        record.Book(course, Use(Laser, dayOffset: 6), null, RedemptionPolicy.AtCheckOut, T0, Desk);

        Assert.Equal(1m, record.Held);
    }

    [Fact]
    public void TransferTo_CourseWithABookedSession_MovesOnlyTheGreenCircles()
    {
        var course = Course();
        var record = Sell(course);
        record.Book(course, Use(Laser), 1, RedemptionPolicy.AtCheckOut, T0, Desk);
        var friend = ClientId.New();

        var received = record.TransferTo(PackageRecordId.New(), friend, T0, Desk);

        Assert.Equal(friend, received.ClientId);
        Assert.Equal(AcquisitionMode.Transfer, received.Mode);
        Assert.Equal(4, received.Sessions.Count);
        Assert.All(received.Sessions, s => Assert.Equal(SessionState.Free, s.State));
        Assert.Equal((0m, 1m), (record.Available, record.Held));
        Assert.Single(record.Sessions);
    }

    [Fact]
    public void TransferTo_Balance_BothLedgersShowTheSameAmount()
    {
        var credit = Credit(300m);
        var record = Sell(credit);
        record.Book(credit, Use(Swedish, price: 120m), null, RedemptionPolicy.AtCheckOut, T0, Desk);

        var received = record.TransferTo(PackageRecordId.New(), ClientId.New(), T0, Desk);

        var sent = record.Ledger[^1];
        var got = Assert.Single(received.Ledger);
        Assert.Equal((LedgerKind.TransferOut, -180m), (sent.Kind, sent.AvailableDelta));
        Assert.Equal((LedgerKind.TransferIn, 180m), (got.Kind, got.AvailableDelta));
        Assert.Contains(received.Id.ToString(), sent.Note);
        Assert.Contains(record.Id.ToString(), got.Note);
        Assert.Equal(180m, received.Available);
        AssertBalancesEqualLedger(record);
        AssertBalancesEqualLedger(received);
    }

    [Fact]
    public void TransferTo_KeepsTheExpiryAndTheUnitValue()
    {
        var record = Sell(Course(expiry: new Expiry(60, ExpiryUnit.Days), price: 250m));

        var received = record.TransferTo(PackageRecordId.New(), ClientId.New(), T0, Desk);

        Assert.Equal(record.ExpiresOn, received.ExpiresOn);
        Assert.Equal(250m, received.PricePaid);
        Assert.Equal(250m, received.LiabilityAt(T0));
        Assert.Equal(0m, record.LiabilityAt(T0));
    }

    [Fact]
    public void TransferTo_TheSameClient_IsRefused()
    {
        var record = Sell(Course());

        var error = Assert.Throws<DomainException>(() => record.TransferTo(PackageRecordId.New(), record.ClientId, T0, Desk));

        Assert.Equal("toClientId", error.Field);
    }

    [Fact]
    public void TransferTo_NothingLeft_IsRefused()
    {
        var course = Course(sessions: 1);
        var record = Sell(course);
        record.Book(course, Use(Laser), 1, RedemptionPolicy.AtCheckOut, T0, Desk);

        Assert.Throws<DomainException>(() => record.TransferTo(PackageRecordId.New(), ClientId.New(), T0, Desk));
    }

    [Fact]
    public void ExpireIfDue_AfterTheLastDay_LapsesGreenCirclesAndKeepsBookedOnes()
    {
        var course = Course(expiry: new Expiry(10, ExpiryUnit.Days));
        var record = Sell(course);
        record.Book(course, Use(Laser, dayOffset: 5), 1, RedemptionPolicy.AtCheckOut, T0, Desk);

        var expired = record.ExpireIfDue(Today.AddDays(11), T0.AddDays(11), Actor.System);

        Assert.True(expired);
        Assert.Equal((0m, 1m), (record.Available, record.Held));
        Assert.Equal(SessionState.Booked, Assert.Single(record.Sessions).State);
        Assert.Equal(LedgerKind.Expire, record.Ledger[^1].Kind);
    }

    [Fact]
    public void ExpireIfDue_OnTheLastDay_KeepsTheBalance()
    {
        var record = Sell(Course(expiry: new Expiry(10, ExpiryUnit.Days)));

        Assert.False(record.ExpireIfDue(Today.AddDays(10), T0.AddDays(10), Actor.System));
        Assert.Equal(5m, record.Available);
    }

    [Fact]
    public void LiabilityAt_PastDates_ReplaysTheLedger()
    {
        var course = Course(sessions: 5, price: 250m); // 50 a session
        var record = Sell(course, at: T0);
        var first = Use(Laser, dayOffset: 1);
        var second = Use(Laser, dayOffset: 2);
        record.Book(course, first, null, RedemptionPolicy.AtCheckOut, T0.AddHours(1), Desk);
        record.Redeem(first.AppointmentId, T0.AddDays(1), Desk);
        record.Book(course, second, null, RedemptionPolicy.AtCheckOut, T0.AddDays(1).AddHours(1), Desk);
        record.Redeem(second.AppointmentId, T0.AddDays(2), Desk);

        Assert.Equal(0m, record.LiabilityAt(T0.AddMinutes(-1)));
        Assert.Equal(250m, record.LiabilityAt(T0));
        Assert.Equal(250m, record.LiabilityAt(T0.AddHours(2))); // booked, not yet redeemed
        Assert.Equal(200m, record.LiabilityAt(T0.AddDays(1).AddMinutes(30)));
        Assert.Equal(150m, record.LiabilityAt(T0.AddDays(3)));
    }

    [Fact]
    public void LiabilityAt_Complimentary_IsZero()
    {
        var record = Sell(Course(), AcquisitionMode.Complimentary, "birthday");

        Assert.Equal(0m, record.LiabilityAt(T0.AddDays(1)));
    }

    [Fact]
    public void LiabilityAt_UnpaidUntilPaid_IsZeroThenCountsFromThePayment()
    {
        var record = Sell(Course(price: 250m), AcquisitionMode.Unpaid);

        record.MarkPaid(InvoiceId.New(), T0.AddDays(2), Desk);

        Assert.Equal(0m, record.LiabilityAt(T0.AddDays(1)));
        Assert.Equal(250m, record.LiabilityAt(T0.AddDays(2)));
    }

    [Fact]
    public void Adjust_TakingOffMoreThanIsFree_IsRefused()
    {
        var course = Course();
        var record = Sell(course);
        record.Book(course, Use(Laser), 1, RedemptionPolicy.AtCheckOut, T0, Desk);

        var error = Assert.Throws<DomainException>(() => record.Adjust(-5m, "mistake", T0, Desk));

        Assert.Equal(DomainErrorKind.RuleBroken, error.Kind);
        Assert.Equal(4m, record.Available);
    }
}
