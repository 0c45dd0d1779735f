using System.Net;

namespace FrontDesk.Tests.E2E.Infrastructure;

/// <summary>The E2E harness itself: the app started from its build output serves what a browser needs, and restarts.</summary>
[Collection(E2ECollection.Name)]
public sealed class AppServerTests(ClinicServer server) : IClassFixture<ClinicServer>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/Components/Layout/ReconnectModal.razor.js")]
    [InlineData("/app.css")]
    public async Task Get_WhatTheCalendarPageLoads_Answers200(string path)
    {
        using var http = server.CreateClient();
        using var response = await http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}.\n{server.Log}");
    }

    [Fact]
    public async Task StopThenStart_OnTheSamePortAndFile_KeepsTheData()
    {
        using var api = server.Api;
        var client = await api.CreateClientAsync("Restart Survivor", "07700 900199");
        var port = server.Port;

        await server.StopAsync();
        Assert.False(server.IsRunning);
        using (var http = server.CreateClient())
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("api/v1/providers"));
        }
        await server.StartAsync();

        Assert.Equal(port, server.Port);
        using var again = server.Api;
        var appointment = await again.BookAsync(client.Id, ClinicServer.Facial, ClinicServer.Tess, ClinicServer.TodayAt(new TimeOnly(19, 0)));
        Assert.Equal("Restart Survivor", appointment.ClientName);
    }
}
