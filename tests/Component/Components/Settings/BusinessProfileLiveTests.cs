using FrontDesk.Dashboard.Business;
using FrontDesk.Tests.Component.Infrastructure;

namespace FrontDesk.Tests.Component.Components.Settings;

/// <summary>Business settings saved on another server reach this one through the live feed.</summary>
public sealed class BusinessProfileLiveTests : NewInstallationTestContext
{
    [Fact]
    public void LiveChange_AnnouncedByAnotherServer_BecomesCurrentAndIsRaised()
    {
        var remote = Business.Current with { Name = "Renamed elsewhere" };
        BusinessProfile? raised = null;
        Business.Changed += p => raised = p;

        Feed.Publish([new BusinessProfileChangedLive(remote, DateTimeOffset.UtcNow, "Manager")]);

        Assert.Equal("Renamed elsewhere", Business.Current.Name);
        Assert.Same(remote, raised);
    }

    [Fact]
    public async Task SaveAsync_ItsOwnAnnouncement_RaisedOnce()
    {
        var raised = 0;
        Business.Changed += _ => raised++;

        await Business.SaveAsync(Business.Current with { Name = "Harbour Physio" }, TestCallers.Manager(FrontDesk.Domain.Common.Actor.Staff("m", "Manager")));

        Assert.Equal(1, raised);
    }
}
