using System.Net;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FrontDesk.Tests.Unit.Dashboard.Operations;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_ScreensListening_TheyHearServerRestartingAndTheFeedReportsStopped()
    {
        var clock = TimeProvider.System;
        var feed = new InMemoryLiveFeed(new LiveFeedOptions(), clock, NullLogger<InMemoryLiveFeed>.Instance);
        using var notices = new ServerNotices(feed);
        var heard = new TaskCompletionSource<ServerRestarting>(TaskCreationOptions.RunContinuationsAsynchronously);
        notices.Restarting += n => heard.TrySetResult(n);
        var shutdown = new GracefulShutdown(feed, notices, new ShutdownOptions { NoticeDelay = TimeSpan.Zero }, clock, NullLogger<GracefulShutdown>.Instance);

        await shutdown.StoppingAsync(CancellationToken.None);

        await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(feed.IsRunning);
    }

    [Fact]
    public async Task Stop_RequestInFlight_CompletesBeforeTheServerStops()
    {
        await using var app = new KestrelApp();
        app.UseKestrel(0);
        app.StartServer();
        using var http = app.CreateClient();
        var timeout = app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;

        var inFlight = http.GetAsync("/test/slow");
        await app.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var stopping = app.Host!.StopAsync();
        await Task.Delay(300);
        Assert.False(stopping.IsCompleted, "the server waits for the request in flight");
        app.Release.SetResult();
        using var response = await inFlight.WaitAsync(TimeSpan.FromSeconds(10));
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("done", await response.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromSeconds(20), timeout);
    }

    /// <summary>The app on Kestrel (a real socket), with one test endpoint that holds its request until released.</summary>
    private sealed class KestrelApp : WebApplicationFactory<Program>
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "frontdesk-unit", "stop-" + Guid.NewGuid().ToString("N")[..12]);

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public IHost? Host { get; private set; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(_directory);
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Dashboard", $"Data Source={Path.Combine(_directory, "dashboard.db")}");
            builder.UseSetting("DemoData:Enabled", "false");
            builder.UseSetting("Backup:StartDelay", "1.00:00:00");
            builder.UseSetting("Shutdown:NoticeDelay", "00:00:00");
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new SlowEndpoint(this)));
        }

        protected override IHost CreateHost(IHostBuilder builder)
        {
            Host = base.CreateHost(builder);
            return Host;
        }

        public override async ValueTask DisposeAsync()
        {
            Release.TrySetResult();
            await base.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // cleaned with the temp folder
            }
        }

        private sealed class SlowEndpoint(KestrelApp app) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
            {
                builder.Map("/test/slow", slow => slow.Run(async context =>
                {
                    app.Entered.TrySetResult();
                    await app.Release.Task;
                    await context.Response.WriteAsync("done");
                }));
                next(builder);
            };
        }
    }
}
