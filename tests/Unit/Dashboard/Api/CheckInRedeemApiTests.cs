using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>POST /appointments/{id}/check-in with a redemption: one command, refused as a whole.</summary>
public sealed class CheckInRedeemApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private HttpClient Http => app.Http;

    private static string Id(JsonElement appointment) => appointment.GetProperty("id").GetString()!;

    private async Task<string> StatusOfAsync(string id) =>
        (await (await Http.GetAsync($"/api/v1/appointments/{id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;

    [Fact]
    public async Task PostCheckIn_RedeemUnknownRecord_404AndStillBooked()
    {
        var created = await app.BookAsync(app.NextTodaySlot());

        var response = await Http.PostAsync($"/api/v1/appointments/{Id(created)}/check-in", ApiFactory.Json(new { redeem = new { recordId = Guid.NewGuid() } }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Booked", await StatusOfAsync(Id(created)));
    }

    [Fact]
    public async Task PostCheckIn_RedeemWithoutRecordId_400NamingTheField()
    {
        var created = await app.BookAsync(app.NextTodaySlot());

        var response = await Http.PostAsync($"/api/v1/appointments/{Id(created)}/check-in", ApiFactory.Json(new { redeem = new { session = 2 } }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("redeem.recordId", problem.GetProperty("field").GetString());
        Assert.Equal("Booked", await StatusOfAsync(Id(created)));
    }

    [Fact]
    public async Task GetAmountDue_SingleBooking_ThePrice()
    {
        var created = await app.BookAsync(app.NextFutureSlot());

        var due = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/appointments/{Id(created)}/amount-due");

        Assert.Equal(created.GetProperty("price").GetDecimal(), due.GetProperty("amount").GetDecimal());
    }
}
