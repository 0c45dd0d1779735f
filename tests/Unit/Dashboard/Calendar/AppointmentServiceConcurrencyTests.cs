using FrontDesk.Dashboard.Calendar;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Tests.Unit.Dashboard.Calendar;

/// <summary>Several desks at once against one SQLite file: exactly one of them may win.</summary>
public sealed class AppointmentServiceConcurrencyTests : IAsyncLifetime
{
    private const int Desks = 24;
    private static readonly DateTimeOffset Ten = A.At(8, 10);

    private readonly Clinic _clinic = new();
    private SqliteDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await SqliteDatabase.CreateAsync();
        await _clinic.SeedAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>Starts every call together and collects each outcome: null for success, else the exception.</summary>
    private static async Task<Exception?[]> AllAtOnce(int count, Func<int, Task> call)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await go.Task;
            try
            {
                await call(i);
                return (Exception?)null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        })).ToArray();
        go.SetResult();
        return await Task.WhenAll(tasks);
    }

    private static void AssertOneWinnerRestConflict(Exception?[] outcomes)
    {
        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(DomainErrorKind.Conflict, Assert.IsType<DomainException>(o).Kind));
    }

    [Fact]
    public async Task BookAsync_ManyDesksSameProviderAndSlot_ExactlyOneBooked()
    {
        var clients = new[] { _clinic.Olivia, _clinic.Noah, _clinic.Amelia };

        var outcomes = await AllAtOnce(Desks, i => _db.Appointments.BookAsync(new BookAppointment(
            clients[i % clients.Length].Id.Value, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, Ten.AddMinutes(i % 4 * 10), false, null, Callers.Desk)));

        AssertOneWinnerRestConflict(outcomes);
        Assert.Equal(1, await _db.CountAppointmentsAsync());
    }

    [Fact]
    public async Task BookAsync_ManyDesksSameMachineDifferentProviders_ExactlyOneBooked()
    {
        var providers = new[] { _clinic.AllDay, _clinic.Weekdays };

        var outcomes = await AllAtOnce(Desks, i => _db.Appointments.BookAsync(new BookAppointment(
            _clinic.Olivia.Id.Value, _clinic.Laser.Id.Value, providers[i % 2].Id.Value, Ten, false, null, Callers.Desk)));

        AssertOneWinnerRestConflict(outcomes);
        Assert.Equal(1, await _db.CountAppointmentsAsync());
    }

    [Fact]
    public async Task BookAsync_ManyDesksNewClientsSameSlot_OnlyTheWinnersClientStored()
    {
        var outcomes = await AllAtOnce(Desks, i => _db.Appointments.BookAsync(new BookAppointment(
            Guid.Empty, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, Ten, false, null, Callers.Desk)
        { NewClient = new NewClientDetails($"Walk-in {i}", null, null) }));

        AssertOneWinnerRestConflict(outcomes);
        Assert.Equal(3 + 1, await _db.CountClientsAsync());
    }

    [Fact]
    public async Task CheckOutAsync_ManyDesksSameAppointment_ExactlyOneInvoice()
    {
        var booked = await _db.Appointments.BookAsync(new BookAppointment(
            _clinic.Olivia.Id.Value, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, Ten, false, null, Callers.Desk));

        var outcomes = await AllAtOnce(Desks, i => _db.Appointments.CheckOutAsync(new CheckOutAppointment(
            booked.Id, [new PaymentLine(i % 2 == 0 ? PaymentMethod.Card : PaymentMethod.Cash, 60m)], Callers.Desk)));

        AssertOneWinnerRestConflict(outcomes);
        Assert.Equal(1, await _db.CountInvoicesAsync());
        Assert.Equal(1, await _db.QueryAsync(db => db.Set<FrontDesk.Domain.Sales.Invoice>().SelectMany(i => i.Payments).CountAsync()));
    }

    [Fact]
    public async Task CheckInAndCancelAsync_RacingOnOneAppointment_StoredStateMatchesWinners()
    {
        var booked = await _db.Appointments.BookAsync(new BookAppointment(
            _clinic.Olivia.Id.Value, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, Ten, false, null, Callers.Desk));
        _db.Clock.SetUtcNow(Ten.AddMinutes(-5)); // check-in opens on the appointment's day

        var outcomes = await AllAtOnce(Desks, i => i % 2 == 0
            ? _db.Appointments.CheckInAsync(booked.Id, Callers.Desk)
            : _db.Appointments.CancelAsync(booked.Id, null, Callers.Desk));

        var stored = await _db.Calendar.FindAsync(booked.Id);
        var wins = outcomes.Count(o => o is null);
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(DomainErrorKind.Conflict, Assert.IsType<DomainException>(o).Kind));
        Assert.InRange(wins, 1, 2); // a check-in may be followed by a cancel, never more
        Assert.Equal(wins, stored!.Version);
    }
}
