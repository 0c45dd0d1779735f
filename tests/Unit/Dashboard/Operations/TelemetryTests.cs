using System.Diagnostics.Metrics;
using FrontDesk.Dashboard.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Operations;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Meter_BookingMadeThroughTheApi_ReportsOneBooking()
    {
        await using var app = new OpsApp();
        await app.SeedAsync();
        var meter = app.Services.GetRequiredService<FrontDeskMetrics>().Meter;
        long bookings = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this app's meter: other tests in the run have their own.
            if (instrument.Meter == meter && instrument.Name == "frontdesk.bookings")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref bookings, value));
        listener.Start();
        using var http = app.ApiClient();
        var client = await OpsApp.CreateAsync(http, "/api/v1/clients", new { name = "Metric Mia" });

        await OpsApp.CreateAsync(http, "/api/v1/appointments", new
        {
            clientId = client,
            serviceId = app.Laser,
            providerId = app.Amira,
            start = DateTimeOffset.UtcNow.AddDays(2).Date.AddHours(10).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        });

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Interlocked.Read(ref bookings) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        await Task.Delay(200); // a second, wrong count would arrive with the same batch
        Assert.Equal(1, Interlocked.Read(ref bookings));
    }

    [Fact]
    public async Task Meter_BookingMadeThroughTheApi_CountsTheWritersCommit()
    {
        await using var app = new OpsApp();
        await app.SeedAsync();
        var meter = app.Services.GetRequiredService<FrontDeskMetrics>().Meter;
        long? commits = null;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter && instrument.Name == "frontdesk.writes.commits")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => commits = value);
        listener.Start();
        using var http = app.ApiClient();
        var client = await OpsApp.CreateAsync(http, "/api/v1/clients", new { name = "Metric Max" });
        listener.RecordObservableInstruments();
        var before = commits!.Value;

        await OpsApp.CreateAsync(http, "/api/v1/appointments", new
        {
            clientId = client,
            serviceId = app.Laser,
            providerId = app.Amira,
            start = DateTimeOffset.UtcNow.AddDays(2).Date.AddHours(11).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        });

        listener.RecordObservableInstruments();
        Assert.Equal(before + 1, commits);
    }

    [Fact]
    public async Task Telemetry_NoOtlpEndpointConfigured_NoExportPipelineIsBuilt()
    {
        await using var app = new OpsApp(new Dictionary<string, string?> { [Telemetry.OtlpEndpointKey] = "", [Telemetry.OtlpEnvironmentKey] = "" });

        Assert.Null(app.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.Null(app.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    [Fact]
    public async Task Telemetry_OtlpEndpointConfigured_TracesAndMetricsAreExported()
    {
        // Nothing listens there: the exporter fails quietly in the background.
        await using var app = new OpsApp(new Dictionary<string, string?> { [Telemetry.OtlpEndpointKey] = "http://127.0.0.1:9" });

        Assert.NotNull(app.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.NotNull(app.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }
}
