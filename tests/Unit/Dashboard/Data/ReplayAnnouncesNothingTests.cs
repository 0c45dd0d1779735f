using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Memberships;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Quotes;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Dashboard.Support;
using FrontDesk.Tests.Unit.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FrontDesk.Tests.Unit.Dashboard.Data;

/// <summary>
/// A retried command (same idempotency key) replays the first result and changed nothing, so its
/// service announces nothing: one case per service family, each with a feed that records what it
/// is given. The feed itself knows nothing of idempotency: it delivers what it is given.
/// </summary>
public sealed class ReplayAnnouncesNothingTests : IAsyncLifetime
{
    private SqliteDatabase _db = null!;
    private readonly Clinic _clinic = new();

    public async Task InitializeAsync()
    {
        _db = await SqliteDatabase.CreateAsync(A.Now);
        await _clinic.SeedAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private T Get<T>() where T : notnull => _db.Services.GetRequiredService<T>();

    private static List<PaymentLine> Card(decimal amount) => [new PaymentLine(PaymentMethod.Card, amount)];

    /// <summary>Runs <paramref name="command"/> twice; answers what the first and the retry published.</summary>
    private async Task<(int First, int Retry)> TwiceAsync(Func<Task> command)
    {
        var before = _db.Feed.Published.Count;
        await command();
        var afterFirst = _db.Feed.Published.Count;
        await command();
        return (afterFirst - before, _db.Feed.Published.Count - afterFirst);
    }

    [Fact]
    public async Task RegisterAsync_RetriedWithTheSameKey_AnnouncedOnce()
    {
        var published = await TwiceAsync(async () =>
        {
            using (IdempotencyScope.Begin("client-1"))
            {
                await _db.Clients.RegisterAsync(new RegisterClient("Grace Hall", "07123 456789", null, null, Callers.Desk));
            }
        });

        Assert.Equal((1, 0), published);
    }

    [Fact]
    public async Task BookAsync_RetriedWithTheSameKey_AnnouncedOnce()
    {
        var published = await TwiceAsync(() => _db.Appointments.BookAsync(
            new BookAppointment(_clinic.Olivia.Id.Value, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, A.At(8, 10), false, null, Callers.Desk) { IdempotencyKey = "book-1" }));

        Assert.True(published.First > 0, "the first booking was not announced");
        Assert.Equal(0, published.Retry);
    }

    [Fact]
    public async Task CreateServiceAsync_RetriedWithTheSameKey_AnnouncedOnce()
    {
        var published = await TwiceAsync(() => Get<CatalogService>().CreateServiceAsync(
            new SaveService("Facial", "Beauty", [], 30, 50m, 0, [], [], true, true, null, Callers.Desk) { IdempotencyKey = "service-1" }));

        Assert.Equal((1, 0), published);
    }

    [Fact]
    public async Task SellServicesAsync_RetriedWithTheSameKey_AnnouncedOnce()
    {
        var published = await TwiceAsync(() => Get<QuoteService>().SellServicesAsync(
            new SellServices(_clinic.Noah.Id.Value, [_clinic.Massage.Id.Value], Card(60m), Callers.Desk) { IdempotencyKey = "credits-1" }));

        Assert.Equal((1, 0), published);
    }

    [Fact]
    public async Task SellAsync_MembershipRetriedWithTheSameKey_AnnouncedOnce()
    {
        var memberships = Get<MembershipService>();
        var type = await memberships.CreateProductAsync(new SaveProduct("Massage x5", 200m, new MembershipTermsInput(30, FrontDesk.Domain.Memberships.ValidityStart.Sale, [_clinic.Massage.Id.Value], 5, null), Callers.Desk));
        await memberships.ReceiveAsync([new StockLine(type.Id, 3)], "Printer", Callers.Desk);

        var published = await TwiceAsync(() => memberships.SellAsync(
            new SellProducts(null, null, [new SellLine(type.Id, 1, "GIFT-1", false, null)], Card(200m), Callers.Desk) { IdempotencyKey = "membership-1" }));

        Assert.Equal((1, 0), published);
    }

    [Fact]
    public async Task AcquireAsync_RetriedWithTheSameKey_AnnouncedOnce()
    {
        await using var desk = await PackageDesk.OpenAsync();
        var course = await desk.AddCourseAsync();
        var before = desk.Feed.Events.Count;

        await desk.SellAsync(course, key: "course-1");
        var afterFirst = desk.Feed.Events.Count;
        await desk.SellAsync(course, key: "course-1");

        Assert.Equal(1, afterFirst - before);
        Assert.Equal(afterFirst, desk.Feed.Events.Count);
    }

    [Fact]
    public async Task Publish_InsideAReplayedScope_StillDelivers()
    {
        // The feed is a pipe: whether to announce is the service's decision, so a feed over
        // another transport needs no knowledge of idempotency.
        var feed = new InMemoryLiveFeed(new LiveFeedOptions { CoalesceWindow = TimeSpan.Zero }, TimeProvider.System, NullLogger<InMemoryLiveFeed>.Instance);
        var delivered = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = feed.Subscribe(batch => { delivered.TrySetResult(batch.Count); return Task.CompletedTask; });
        using (IdempotencyScope.Begin("client-2"))
        {
            await _db.Clients.RegisterAsync(new RegisterClient("Ivy Ward", null, null, null, Callers.Desk));
        }
        using (IdempotencyScope.Begin("client-2"))
        {
            await _db.Clients.RegisterAsync(new RegisterClient("Ivy Ward", null, null, null, Callers.Desk));

            feed.Publish([new ServerRestarting(A.Now)]);
        }

        Assert.Equal(1, await delivered.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
