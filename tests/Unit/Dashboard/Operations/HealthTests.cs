using System.Net;
using System.Text.Json.Nodes;
using FrontDesk.Dashboard.Live;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Operations;

public sealed class HealthTests
{
    private static async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(OpsApp app, string path)
    {
        using var http = await app.ClientAsAsync(null);
        using var response = await http.GetAsync(path);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static string? CheckStatus(JsonNode body, string name) =>
        body["checks"]!.AsArray().SingleOrDefault(c => c!["name"]!.GetValue<string>() == name)?["status"]?.GetValue<string>();

    [Fact]
    public async Task Ready_EverythingUp_Answers200WithEachCheckHealthy()
    {
        await using var app = new OpsApp();

        var (status, body) = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Equal("Healthy", CheckStatus(body, "database"));
        Assert.Equal("Healthy", CheckStatus(body, "migrations"));
        Assert.Equal("Healthy", CheckStatus(body, "live-feed"));
    }

    [Fact]
    public async Task Ready_DatabaseFileUnreadable_Answers503WithTheDatabaseUnhealthy()
    {
        await using var app = new OpsApp();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/health/ready")).Status);

        SqliteConnection.ClearAllPools();
        foreach (var companion in new[] { "-wal", "-shm" })
        {
            File.Delete(app.DatabaseFile + companion);
        }
        await File.WriteAllBytesAsync(app.DatabaseFile, Enumerable.Repeat((byte)'x', 8192).ToArray());
        var (status, body) = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body["status"]!.GetValue<string>());
        Assert.Equal("Unhealthy", CheckStatus(body, "database"));
    }

    [Fact]
    public async Task Ready_MigrationNotApplied_Answers503WithMigrationsUnhealthy()
    {
        await using var app = new OpsApp();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/health/ready")).Status);

        await using (var connection = new SqliteConnection($"Data Source={app.DatabaseFile};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM __EFMigrationsHistory WHERE MigrationId = (SELECT max(MigrationId) FROM __EFMigrationsHistory)";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        var (status, body) = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", CheckStatus(body, "migrations"));
        Assert.Equal("Healthy", CheckStatus(body, "database"));
    }

    [Fact]
    public async Task Ready_LiveFeedStopping_Answers503WithTheLiveFeedUnhealthy()
    {
        await using var app = new OpsApp();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/health/ready")).Status);

        ((ILiveFeedStatus)app.Services.GetRequiredService<ILiveFeed>()).MarkStopping();
        var (status, body) = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", CheckStatus(body, "live-feed"));
    }

    [Fact]
    public async Task Live_DatabaseFileUnreadable_StillAnswers200()
    {
        await using var app = new OpsApp();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/health/live")).Status);

        SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(app.DatabaseFile, Enumerable.Repeat((byte)'x', 8192).ToArray());
        var (status, body) = await GetAsync(app, "/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
    }
}
