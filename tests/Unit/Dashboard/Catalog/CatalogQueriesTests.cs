using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Business;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FrontDesk.Tests.Unit.Dashboard.Catalog;

public sealed class CatalogQueriesTests : IAsyncLifetime
{
    private static readonly DateOnly Tuesday = new(2030, 1, 8);
    private SqliteDatabase _db = default!;

    public async Task InitializeAsync() => _db = await SqliteDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private CatalogQueries Queries(string zone = "Europe/London")
    {
        var contexts = _db.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        var profiles = new BusinessProfileStore(contexts, Options.Create(new BusinessOptions { TimeZone = zone }), new RecordingLiveFeed(), _db.Clock);
        return new(contexts, new BusinessClock(_db.Clock, profiles));
    }

    [Fact]
    public async Task WorkingPeriodsAsync_BreakDayOffAndClosure_PeriodsAndStatusPerDate()
    {
        var service = A.Service();
        var amira = A.Provider("Amira", A.Weekdays(new(9, 0), new(17, 0)).Select(s => s with { Breaks = [new TimeRange(new(12, 0), new(12, 30))] }), service);
        amira.SetSchedule(amira.Shifts, [new ScheduleException(Tuesday.AddDays(1), "Dentist")]);
        await _db.AddAsync(service, amira, new BusinessClosure(Tuesday.AddDays(2), "Holiday"));

        var days = await Queries().WorkingPeriodsAsync(Tuesday, Tuesday.AddDays(2));

        Assert.Equal([new WorkingPeriodView(new(9, 0), new(12, 0)), new WorkingPeriodView(new(12, 30), new(17, 0))], days[0].Periods);
        Assert.Equal((DayStatus.DayOff, "Dentist"), (days[1].Status, days[1].Reason));
        Assert.Equal((DayStatus.Closed, "Holiday"), (days[2].Status, days[2].Reason));
    }

    [Fact]
    public async Task AvailabilityAsync_SantiagoDayWhoseMidnightIsSkipped_StartsAtOneOClock()
    {
        var service = A.Service("Short", 30);
        await _db.AddAsync(service, A.Provider("Night", A.EveryDay(TimeOnly.MinValue, TimeOnly.MaxValue), service));

        var starts = await Queries("America/Santiago").AvailabilityAsync(service.Id.Value, null, new DateOnly(2030, 9, 8), new DateOnly(2030, 9, 8));

        Assert.Equal(new DateTimeOffset(2030, 9, 8, 1, 0, 0, TimeSpan.FromHours(-3)), starts[0].Start);
        Assert.Equal(TimeSpan.FromHours(-3), starts[0].Start.Offset);
    }

    [Fact]
    public async Task AvailabilityAsync_MoreThan31Days_RefusedAsInvalid()
    {
        var ex = await Assert.ThrowsAsync<FrontDesk.Domain.Common.DomainException>(() => Queries().AvailabilityAsync(Guid.NewGuid(), null, Tuesday, Tuesday.AddDays(31)));

        Assert.Equal("to", ex.Field);
    }
}
