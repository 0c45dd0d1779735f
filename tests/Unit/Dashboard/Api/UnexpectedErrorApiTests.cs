using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>A failure that is not a refused command: 500 problem details with a reference, never the exception's text.</summary>
public sealed class UnexpectedErrorApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task GetAppointment_DatabaseBroken_500ProblemWithTraceIdAndNoExceptionText()
    {
        var created = await app.BookAsync(app.NextFutureSlot());
        await using (var connection = new SqliteConnection($"Data Source={app.DatabaseFile};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var rename = connection.CreateCommand();
            rename.CommandText = "ALTER TABLE \"Appointments\" RENAME TO \"AppointmentsGone\"";
            await rename.ExecuteNonQueryAsync();
        }

        var response = await app.Http.GetAsync($"/api/v1/appointments/{created.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("no such table", text, StringComparison.OrdinalIgnoreCase);
        var problem = JsonDocument.Parse(text).RootElement;
        var traceId = problem.GetProperty("traceId").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.Equal(traceId[..8].ToUpperInvariant(), problem.GetProperty("ref").GetString());
        Assert.Contains(traceId[..8].ToUpperInvariant(), problem.GetProperty("detail").GetString());
    }
}
