using FrontDesk.Domain.Common;
using FrontDesk.Domain.Memberships;
using FsCheck;
using FsCheck.Fluent;

namespace FrontDesk.Tests.Unit.Domain.Memberships;

public sealed class MembershipTests
{
    [Fact]
    public void Use_CoveredServiceWithinValidity_KeepsVisitWithAppointmentAndActor()
    {
        var membership = M.Sold(M.Type(visits: 5));
        var appointment = Guid.NewGuid();

        var visit = membership.Use(appointment, M.Massage, Guid.NewGuid(), M.Now, M.Today, M.Desk);

        Assert.Equal(1, visit.Number);
        Assert.Equal(appointment, visit.AppointmentId);
        Assert.Equal("Front desk 1", visit.ActorName);
        Assert.Equal(4, membership.VisitsLeft);
    }

    [Fact]
    public void Use_ServiceNotCovered_IsRefused()
    {
        var membership = M.Sold(M.Type());

        var error = Assert.Throws<DomainException>(() => membership.Use(Guid.NewGuid(), M.Facial, null, M.Now, M.Today, M.Desk));

        Assert.Contains("does not cover", error.Message);
        Assert.Empty(membership.Visits);
    }

    [Fact]
    public void Use_AfterValidityFromSale_IsRefusedAsExpired()
    {
        var membership = M.Sold(M.Type(days: 30));

        var error = Assert.Throws<DomainException>(() => membership.Use(Guid.NewGuid(), M.Massage, null, M.Now.AddDays(30), M.Today.AddDays(30), M.Desk));

        Assert.Contains("expired on 5 Feb 2030", error.Message);
    }

    [Fact]
    public void Use_LastValidDay_IsAccepted()
    {
        var membership = M.Sold(M.Type(days: 30));

        membership.Use(Guid.NewGuid(), M.Massage, null, M.Now.AddDays(29), M.Today.AddDays(29), M.Desk);

        Assert.Equal(1, membership.VisitsUsed);
    }

    [Fact]
    public void ValidUntil_FromFirstUse_CountsFromTheFirstVisit()
    {
        var membership = M.Sold(M.Type(days: 10, from: ValidityStart.FirstUse));
        Assert.Null(membership.ValidUntil);

        membership.Use(Guid.NewGuid(), M.Massage, null, M.Now.AddDays(100), M.Today.AddDays(100), M.Desk);

        Assert.Equal(M.Today.AddDays(109), membership.ValidUntil);
    }

    [Fact]
    public void Use_NoVisitsLeft_IsRefused()
    {
        var membership = M.Sold(M.Type(visits: 1));
        membership.Use(Guid.NewGuid(), M.Massage, null, M.Now, M.Today, M.Desk);

        var error = Assert.Throws<DomainException>(() => membership.Use(Guid.NewGuid(), M.Massage, null, M.Now, M.Today, M.Desk));

        Assert.Contains("no visits left", error.Message);
    }

    [Fact]
    public void Use_SameAppointmentTwice_IsRefused()
    {
        var membership = M.Sold(M.Type(visits: null));
        var appointment = Guid.NewGuid();
        membership.Use(appointment, M.Massage, null, M.Now, M.Today, M.Desk);

        Assert.Throws<DomainException>(() => membership.Use(appointment, M.Massage, null, M.Now, M.Today, M.Desk));
    }

    [Fact]
    public void Use_AssignedMembershipByAnotherClient_IsRefused()
    {
        var membership = M.Sold(M.Type(), holder: Guid.NewGuid());

        var error = Assert.Throws<DomainException>(() => membership.Use(Guid.NewGuid(), M.Massage, Guid.NewGuid(), M.Now, M.Today, M.Desk));

        Assert.Contains("only its holder", error.Message);
    }

    [Fact]
    public void Use_BearerMembership_AnyClientMayUse()
    {
        var membership = M.Sold(M.Type());

        membership.Use(Guid.NewGuid(), M.Massage, Guid.NewGuid(), M.Now, M.Today, M.Desk);
        membership.Use(Guid.NewGuid(), M.Massage, Guid.NewGuid(), M.Now, M.Today, M.Desk);

        Assert.Equal(2, membership.VisitsUsed);
    }

    [Fact]
    public void AssignTo_BearerMembership_SetsHolder()
    {
        var membership = M.Sold(M.Type());
        var client = Guid.NewGuid();

        membership.AssignTo(client, M.Now, M.Desk);

        Assert.Equal(client, membership.HolderClientId);
    }

    [Fact]
    public void AssignTo_HeldByAnother_IsRefused()
    {
        var membership = M.Sold(M.Type(), holder: Guid.NewGuid());

        var error = Assert.Throws<DomainException>(() => membership.AssignTo(Guid.NewGuid(), M.Now, M.Desk));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Use_RandomVisits_NeverMoreThanAllowedAndNumbersAreConsecutive()
    {
        var gen = from visits in Gen.Choose(1, 6)
                  from attempts in Gen.ListOf(from day in Gen.Choose(0, 40) from covered in Gen.Elements(true, false) select (day, covered))
                  select (visits, attempts);
        Prop.ForAll(Arb.From(gen), h =>
        {
            var membership = M.Sold(M.Type(visits: h.visits, days: 30));
            var day = 0;
            foreach (var (step, covered) in h.attempts)
            {
                day = Math.Max(day, step);
                try
                {
                    membership.Use(Guid.NewGuid(), covered ? M.Massage : M.Facial, null, M.Now.AddDays(day), M.Today.AddDays(day), M.Desk);
                }
                catch (DomainException)
                {
                }
            }
            return membership.VisitsUsed <= h.visits
                && membership.VisitsLeft == h.visits - membership.VisitsUsed
                && membership.Visits.Select(v => v.Number).SequenceEqual(Enumerable.Range(1, membership.VisitsUsed))
                && membership.Visits.All(v => v.ServiceId == M.Massage && v.At < M.Now.AddDays(30));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ReturnVisit_UsedVisit_StaysInHistoryMarkedReturnedAndNoLongerCounts()
    {
        var membership = M.Sold(M.Type(visits: 5));
        var appointment = Guid.NewGuid();
        membership.Use(appointment, M.Massage, null, M.Now, M.Today, M.Desk);
        var manager = Actor.Staff("manager-1", "Mia Manager");

        var returned = membership.ReturnVisit(appointment, M.Now.AddHours(1), manager);

        var visit = Assert.Single(membership.Visits);
        Assert.Same(visit, returned);
        Assert.Equal((appointment, M.Now.AddHours(1), "manager-1", "Mia Manager"), (visit.AppointmentId, visit.ReturnedAt!.Value, visit.ReturnedById, visit.ReturnedByName));
        Assert.Equal((0, 5), (membership.VisitsUsed, membership.VisitsLeft!.Value));
        Assert.Contains(membership.DomainEvents, e => e is MembershipVisitReturned r && r.AppointmentId == appointment && r.Visit == 1);
    }

    [Fact]
    public void ReturnVisit_NoVisitForThatAppointment_ChangesNothing()
    {
        var membership = M.Sold(M.Type(visits: 5));
        membership.Use(Guid.NewGuid(), M.Massage, null, M.Now, M.Today, M.Desk);

        var returned = membership.ReturnVisit(Guid.NewGuid(), M.Now, M.Desk);

        Assert.Null(returned);
        Assert.Equal(1, membership.VisitsUsed);
        Assert.DoesNotContain(membership.DomainEvents, e => e is MembershipVisitReturned);
    }

    [Fact]
    public void Use_LastVisitGivenBack_CanBeUsedAgain()
    {
        var membership = M.Sold(M.Type(visits: 1));
        var cancelled = Guid.NewGuid();
        membership.Use(cancelled, M.Massage, null, M.Now, M.Today, M.Desk);
        membership.ReturnVisit(cancelled, M.Now, M.Desk);

        var again = membership.Use(Guid.NewGuid(), M.Massage, null, M.Now.AddDays(1), M.Today.AddDays(1), M.Desk);

        Assert.Equal(1, again.Number);
        Assert.Equal((1, 0), (membership.VisitsUsed, membership.VisitsLeft!.Value));
        Assert.Equal(2, membership.Visits.Count);
    }

    [Fact]
    public void ReturnVisit_OnlyVisitOfAFirstUseMembership_ValidityHasNotStarted()
    {
        var membership = M.Sold(M.Type(days: 10, from: ValidityStart.FirstUse));
        var appointment = Guid.NewGuid();
        membership.Use(appointment, M.Massage, null, M.Now, M.Today, M.Desk);

        membership.ReturnVisit(appointment, M.Now, M.Desk);

        Assert.Null(membership.ValidUntil);
    }
}
