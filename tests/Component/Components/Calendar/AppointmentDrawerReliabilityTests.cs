using System.Collections.Concurrent;
using AngleSharp.Dom;
using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Calendar;
using FrontDesk.Domain.Common;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FrontDesk.Tests.Component.Components.Calendar;

/// <summary>The drawer asks before a move drops the package, and shows a failure as a reference, never as the exception's text.</summary>
public sealed class AppointmentDrawerReliabilityTests : PackageTestContext
{
    private const string DropTitle = "Move without the package?";
    private readonly CapturingLogs _logs = new();

    public AppointmentDrawerReliabilityTests()
    {
        Services.AddSingleton<ILoggerFactory>(new LoggerFactory([_logs]));
        Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
    }

    private async Task<IRenderedComponent<IComponent>> OpenAsync(AppointmentView appointment)
    {
        await ShowTomorrowAsync();
        var cut = RenderWithProviders<AppointmentDrawer>(p => p.Add(d => d.AppointmentId, appointment.Id));
        cut.WaitForAssertion(() => Assert.Equal("Jane Cooper", cut.Find("h2").TextContent), Patience);
        return cut;
    }

    private static IElement Drawer(IRenderedComponent<IComponent> cut) => cut.ByRole("region", "Appointment");

    private static Task ClickAsync(IRenderedComponent<IComponent> cut, string button) =>
        Drawer(cut).Button(button).ClickAsync(new MouseEventArgs());

    /// <summary>Jane's course session tomorrow at 10:00, whose course has since expired today: a move cannot keep it.</summary>
    private async Task<(Guid RecordId, AppointmentView Booked)> BookFromACourseThatThenExpiresAsync()
    {
        var record = await SellJaneCourseAsync();
        var booked = await BookJaneFromAsync(record.Id, 1, hour: 10);
        await using var db = Clinic.OpenDatabase(Services);
        await db.PackageRecords.Where(r => r.Id == new PackageRecordId(record.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresOn, (DateOnly?)Clock.Today));
        return (record.Id, booked);
    }

    /// <summary>Opens Move and saves it as it stands; returns the pending click once the question shows.</summary>
    private static async Task<Task> StartMoveAsync(IRenderedComponent<IComponent> cut)
    {
        await ClickAsync(cut, "Move");
        var save = ClickAsync(cut, "Save move");
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("dialog", DropTitle)), Patience);
        return save;
    }

    [Fact]
    public async Task SaveMove_PackageCannotBeKept_AsksNamingThePackage()
    {
        var (_, booked) = await BookFromACourseThatThenExpiresAsync();
        var cut = await OpenAsync(booked);

        var save = await StartMoveAsync(cut);

        Assert.Contains("Moving drops Massage course 1/3 from this visit", cut.ByRole("dialog", DropTitle).TextContent);
        await cut.ByRole("dialog", DropTitle).Button("No, keep it").ClickAsync(new MouseEventArgs());
        await save;
    }

    [Fact]
    public async Task SaveMove_AnsweredNo_NothingChanges()
    {
        var (recordId, booked) = await BookFromACourseThatThenExpiresAsync();
        var cut = await OpenAsync(booked);
        var save = await StartMoveAsync(cut);

        await cut.ByRole("dialog", DropTitle).Button("No, keep it").ClickAsync(new MouseEventArgs());
        await save;

        var stored = await AppointmentInDatabaseAsync(booked.Id);
        Assert.Equal((recordId, 1), (stored.PackageRecordId!.Value.Value, stored.PackageSession!.Value));
        Assert.Null(Drawer(cut).AlertText());
        Assert.DoesNotContain(cut.Snackbars(), s => s.StartsWith("Moved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaveMove_AnsweredMoveAnyway_MovesAndPaysNormally()
    {
        var (_, booked) = await BookFromACourseThatThenExpiresAsync();
        var cut = await OpenAsync(booked);
        var save = await StartMoveAsync(cut);

        await cut.ByRole("dialog", DropTitle).Button("Move anyway").ClickAsync(new MouseEventArgs());
        await save;

        var stored = await AppointmentInDatabaseAsync(booked.Id);
        Assert.Null(stored.PackageRecordId);
        cut.WaitForAssertion(() => Assert.Contains(cut.Snackbars(), s => s.Contains("to be paid normally", StringComparison.Ordinal)), Patience);
    }

    [Fact]
    public async Task CheckIn_DatabaseFails_ShowsTheReferenceNotTheExceptionText()
    {
        var booked = await BookJaneAsync();
        var cut = await OpenAsync(booked);
        await using (var db = Clinic.OpenDatabase(Services))
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Appointments\" RENAME TO \"AppointmentsGone\"");
        }

        await ClickAsync(cut, "Check in");

        var alert = Drawer(cut).AlertText();
        Assert.NotNull(alert);
        Assert.StartsWith("Something went wrong (ref ", alert);
        Assert.Contains("Nothing was saved", alert);
        Assert.DoesNotContain("no such table", alert, StringComparison.OrdinalIgnoreCase);
        var shown = alert["Something went wrong (ref ".Length..alert.IndexOf(')', StringComparison.Ordinal)];
        var logged = Assert.Single(_logs.Errors, e => e.Message.Contains(shown, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("no such table", logged.Exception!.Message, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class CapturingLogs : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public IEnumerable<(LogLevel Level, string Message, Exception? Exception)> Errors => Entries.Where(e => e.Level >= LogLevel.Error);

        public ILogger CreateLogger(string categoryName) => new Capture(this);

        public void Dispose()
        {
        }

        private sealed class Capture(CapturingLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((logLevel, formatter(state, exception), exception));
        }
    }
}
