using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FsCheck;
using FsCheck.Fluent;

namespace FrontDesk.Tests.Unit.Domain.Packages;

/// <summary>
/// Random sequences of what happens to a prepaid record at a busy desk (book, redeem, release,
/// adjust, freeze, transfer, expire, cancel) must never break the money rules: balances equal
/// their ledger, nothing goes negative, no session is redeemed twice, cancelled stays cancelled.
/// </summary>
public sealed class PackageRecordProperties
{
    private static readonly Actor Desk = Actor.Staff("desk", "Desk");
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly ServiceId Massage = ServiceId.New();
    private static readonly ServiceId Facial = ServiceId.New();
    private static readonly ProviderId Amira = ProviderId.New();

    private static PackageTemplate Template(int kind) => kind switch
    {
        0 => PackageTemplate.Create(PackageTemplateId.New(), new TemplateTerms("Massage course", PackageKind.Course, PackageValueType.Sessions,
            [new PackageLine(Massage, 5)], [], false, 0m, new Money(250m, "GBP"), 0m, true, null, new Expiry(60, ExpiryUnit.Days), UsageRestrictions.None), T0, Desk),
        1 => PackageTemplate.Create(PackageTemplateId.New(), new TemplateTerms("Mix", PackageKind.Fixed, PackageValueType.Sessions,
            [new PackageLine(Massage, 1), new PackageLine(Facial, 2)], [], false, 0m, new Money(150m, "GBP"), 0m, true, null, null, UsageRestrictions.None), T0, Desk),
        2 => PackageTemplate.Create(PackageTemplateId.New(), new TemplateTerms("Minutes", PackageKind.AnyFromList, PackageValueType.Minutes,
            [], [], true, 240m, new Money(200m, "GBP"), 0m, true, null, new Expiry(1, ExpiryUnit.Months), UsageRestrictions.None), T0, Desk),
        _ => PackageTemplate.Create(PackageTemplateId.New(), new TemplateTerms("Credit", PackageKind.AnyFromList, PackageValueType.Amount,
            [], [Massage, Facial], false, 300m, new Money(250m, "GBP"), 0m, true, null, null, UsageRestrictions.None), T0, Desk),
    };

    private static Gen<(int Op, int A, int B)> Step =>
        from op in Gen.Choose(0, 9)
        from a in Gen.Choose(0, 12)
        from b in Gen.Choose(-3, 6)
        select (op, a, b);

    [Fact]
    public void RandomHistories_KeepBalancesEqualToLedger_NeverNegative_NoDoubleRedeem()
    {
        var histories = from kind in Gen.Choose(0, 3)
                        from atBooking in Gen.Elements(false, true)
                        from steps in Gen.ListOf(Step)
                        select (kind, atBooking, steps);

        Prop.ForAll(Arb.From(histories), h =>
        {
            Run(h.kind, h.atBooking ? RedemptionPolicy.AtBooking : RedemptionPolicy.AtCheckOut, h.steps);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static void Run(int kind, RedemptionPolicy policy, IEnumerable<(int Op, int A, int B)> steps)
    {
        var template = Template(kind);
        var record = PackageRecord.Acquire(PackageRecordId.New(), template, ClientId.New(), AcquisitionMode.Paid, null, null, T0, DateOnly.FromDateTime(T0.DateTime), Desk);
        var appointments = Enumerable.Range(0, 13).Select(_ => Guid.NewGuid()).ToArray();
        var redeemedAt = new Dictionary<Guid, int>();
        var now = T0;
        var cancelled = false;
        foreach (var (op, a, b) in steps)
        {
            now = now.AddHours(1);
            var appointment = appointments[a];
            var day = DateOnly.FromDateTime(now.DateTime).AddDays(a);
            var start = day.ToDateTime(new TimeOnly(10, 0));
            var use = new PackageUse(appointment, a % 2 == 0 ? Massage : Facial, Amira, start, start.AddMinutes(30 + 15 * (a % 4)), 40m + 10 * a);
            var usedBefore = record.Used;
            try
            {
                switch (op)
                {
                    case 0 or 1:
                        record.Book(template, use, b > 0 && record.CountBased ? b : null, policy, now, Desk);
                        break;
                    case 2 or 3:
                        record.Redeem(appointment, now, Desk);
                        break;
                    case 4:
                        record.Release(appointment, now, Desk, "no-show");
                        break;
                    case 5:
                        record.Adjust(b, "goodwill", now, Desk);
                        break;
                    case 6:
                        record.Freeze(day, day.AddDays(Math.Abs(b)), [], now, Desk);
                        break;
                    case 7:
                        var other = record.TransferTo(PackageRecordId.New(), ClientId.New(), now, Desk);
                        AssertConsistent(other);
                        Assert.Equal(other.InitialUnits, other.Available);
                        break;
                    case 8:
                        record.ExpireIfDue(DateOnly.FromDateTime(now.DateTime).AddDays(a * 10), now, Desk);
                        break;
                    default:
                        record.Cancel("client asked", now, Desk);
                        cancelled = true;
                        break;
                }
            }
            catch (DomainException)
            {
                // A refused command is a normal answer at the desk; the invariants must hold all the same.
            }
            if (record.Used > usedBefore && op is 2 or 3)
            {
                redeemedAt[appointment] = redeemedAt.GetValueOrDefault(appointment) + 1;
            }
            AssertConsistent(record);
            Assert.Equal(cancelled, record.Status == RecordStatus.Cancelled);
        }
        Assert.All(redeemedAt.Values, count => Assert.Equal(1, count));
    }

    private static void AssertConsistent(PackageRecord record)
    {
        Assert.Equal(record.Available, record.Ledger.Sum(e => e.AvailableDelta));
        Assert.Equal(record.Held, record.Ledger.Sum(e => e.HeldDelta));
        Assert.Equal(record.Used, record.Ledger.Sum(e => e.UsedDelta));
        Assert.True(record.Available >= 0m && record.Held >= 0m && record.Used >= 0m);
        Assert.True(record.LiabilityAt(DateTimeOffset.MaxValue) >= 0m);
        if (record.CountBased)
        {
            Assert.Equal(record.Available, record.Sessions.Count(s => s.State == SessionState.Free));
            Assert.Equal(record.Held, record.Sessions.Count(s => s.State == SessionState.Booked));
            Assert.Equal(record.Sessions.Count, record.Sessions.Select(s => s.Number).Distinct().Count());
            var linked = record.Sessions.Where(s => s.AppointmentId is not null).Select(s => s.AppointmentId).ToList();
            Assert.Equal(linked.Count, linked.Distinct().Count());
        }
        else
        {
            Assert.Equal(record.Held, record.Holds.Where(h => !h.Captured).Sum(h => h.Amount));
        }
        if (record.Status == RecordStatus.Cancelled)
        {
            Assert.Equal(0m, record.Available);
        }
    }
}
