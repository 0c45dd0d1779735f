using FrontDesk.Dashboard.Data.Demo;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Tests.Unit.Dashboard.Data.Demo;

public sealed class DemoDataTests : IAsyncLifetime
{
    private SqliteDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await SqliteDatabase.CreateAsync(); // now: Monday 7 January 2030, 08:00 in London
        await DemoData.SeedIfEmptyAsync(_db.Services);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Task<List<Appointment>> AppointmentsAsync() => _db.QueryAsync(db => db.Appointments.AsNoTracking().ToListAsync());

    [Fact]
    public async Task SeedIfEmptyAsync_EmptyDatabase_SeedsTheDemoClinic()
    {
        Assert.Equal(6, await _db.QueryAsync(db => db.Providers.CountAsync()));
        Assert.Equal(30, await _db.QueryAsync(db => db.Services.CountAsync()));
        Assert.Equal(200, await _db.CountClientsAsync());
        Assert.True(await _db.CountAppointmentsAsync() > 100);
    }

    [Fact]
    public async Task SeedIfEmptyAsync_EmptyDatabase_AppointmentsOnEachOfFifteenDaysAroundToday()
    {
        var days = (await AppointmentsAsync())
            .Select(a => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a.Start, A.London).DateTime))
            .Distinct()
            .Order()
            .ToList();

        var today = new DateOnly(2030, 1, 7);
        Assert.Equal(Enumerable.Range(-7, 15).Select(today.AddDays), days);
    }

    [Fact]
    public async Task SeedIfEmptyAsync_RunAgain_AddsNothing()
    {
        var appointments = await _db.CountAppointmentsAsync();
        var invoices = await _db.CountInvoicesAsync();

        await DemoData.SeedIfEmptyAsync(_db.Services);

        Assert.Equal(200, await _db.CountClientsAsync());
        Assert.Equal(30, await _db.QueryAsync(db => db.Services.CountAsync()));
        Assert.Equal(6, await _db.QueryAsync(db => db.Providers.CountAsync()));
        Assert.Equal(appointments, await _db.CountAppointmentsAsync());
        Assert.Equal(invoices, await _db.CountInvoicesAsync());
    }

    [Fact]
    public async Task SeedIfEmptyAsync_EmptyDatabase_NoProviderIsDoubleBooked()
    {
        var live = (await AppointmentsAsync()).Where(a => a.Status.OccupiesSlot()).ToList();

        var clashes = live.SelectMany(a => live.Where(b => b.Id.Value.CompareTo(a.Id.Value) < 0 && b.Slot.Overlaps(a.Slot)
            && (b.ProviderId == a.ProviderId || b.Resources.Intersect(a.Resources).Any()))).Count();

        Assert.Equal(0, clashes);
    }

    [Fact]
    public async Task SeedIfEmptyAsync_EmptyDatabase_OnlyPastAppointmentsAreFinishedAndCompletedOnesArePaidNetOfPackages()
    {
        var appointments = await AppointmentsAsync();
        var invoices = await _db.QueryAsync(db => db.Invoices.AsNoTracking().ToListAsync());

        Assert.All(appointments.Where(a => a.Start > A.Now), a => Assert.True(a.Status is AppointmentStatus.Booked or AppointmentStatus.Cancelled));
        var completed = appointments.Where(a => a.Status == AppointmentStatus.Completed).ToList();
        Assert.NotEmpty(completed);
        Assert.All(completed, a =>
        {
            var invoice = Assert.Single(invoices, i => i.Id == a.InvoiceId);
            Assert.Equal(InvoiceStatus.Paid, invoice.Status);
            // What a prepaid package covered is credited on the invoice; the rest was paid.
            Assert.Equal(a.Price.Amount - a.PackageCovers, invoice.Paid.Amount);
            Assert.Equal(invoice.Total, invoice.Paid);
        });
    }
}
