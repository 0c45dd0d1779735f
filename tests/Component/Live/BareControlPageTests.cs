using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Live.Diagnostics;
using FrontDesk.Domain.Calendar;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace FrontDesk.Tests.Component.Live;

/// <summary>The fan-out benchmark's control page: one value pushed from the live feed, nothing else.</summary>
public sealed class BareControlPageTests : DashboardTestContext
{
    private readonly FakeLiveFeed _feed = new();

    public BareControlPageTests()
    {
        Services.AddSingleton<ILiveFeed>(_feed);
        Services.AddSingleton<IHostEnvironment>(new Environment { EnvironmentName = Environments.Development });
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
    }

    private static AppointmentChanged Booked(string client)
    {
        var start = DateTimeOffset.UtcNow;
        var view = new AppointmentView(Guid.NewGuid(), Guid.NewGuid(), client, Guid.NewGuid(), "Massage", "Massage", Guid.NewGuid(), "Amira",
            start, start.AddHours(1), AppointmentStatus.Booked, 60m, "GBP", string.Empty, null, null, null, 0);
        return new AppointmentChanged(view, AppointmentChange.Booked, start, "Front desk");
    }

    [Fact]
    public void LiveFeed_AppointmentChanged_ShowsItsClientName()
    {
        var page = Render<BareControlPage>();

        _feed.Publish([Booked("Olivia Smith")]);

        page.WaitForAssertion(() => Assert.Equal("Olivia Smith", page.Find("[aria-label='Latest change']").TextContent));
    }

    [Fact]
    public async Task Dispose_Page_EndsItsSubscription()
    {
        Render<BareControlPage>();
        Assert.Equal(1, _feed.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, _feed.SubscriberCount);
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "FrontDesk.Dashboard";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
