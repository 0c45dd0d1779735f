using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Common;
using FrontDesk.Tests.Unit.Dashboard.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Sales.Receipts;

/// <summary>The receipt's endpoints: the PDF, emailing it, and the receipt settings.</summary>
public sealed class ReceiptApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private async Task<Guid> PaidSaleAsync()
    {
        var appointment = (await app.BookAsync(app.NextTodaySlot())).GetProperty("id").GetGuid();
        using var paid = await app.Http.PostAsJsonAsync($"/api/v1/appointments/{appointment}/check-out", new { payments = new[] { new { method = "Card", amount = 60m } } });
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var id = new AppointmentId(appointment);
        return (await db.Invoices.AsNoTracking().SingleAsync(i => i.AppointmentId == id)).Id.Value;
    }

    private HttpClient WithKey(string? secret)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Remove("X-Api-Key");
        if (secret is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", secret);
        }
        return http;
    }

    [Fact]
    public async Task GetReceiptPdf_PaidSale_IsAPdfFile()
    {
        var sale = await PaidSaleAsync();

        using var response = await app.Http.GetAsync($"/api/v1/sales/{sale}/receipt.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.StartsWith("receipt-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReceiptPdf_UnknownSale_404Problem()
    {
        using var response = await app.Http.GetAsync($"/api/v1/sales/{Guid.NewGuid()}/receipt.pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No sale has that id.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReceiptPdf_WithoutAKey_401Problem()
    {
        using var anonymous = WithKey(null);

        using var response = await anonymous.GetAsync($"/api/v1/sales/{await PaidSaleAsync()}/receipt.pdf");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetReceiptPdf_DisplayKey_403()
    {
        using var created = await app.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = $"Wall {Guid.NewGuid():N}", role = "Display" });
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString();
        using var display = WithKey(secret);

        using var response = await display.GetAsync($"/api/v1/sales/{await PaidSaleAsync()}/receipt.pdf");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GetReceiptPdf_UnknownPaper_400Problem()
    {
        using var response = await app.Http.GetAsync($"/api/v1/sales/{await PaidSaleAsync()}/receipt.pdf?paper=letter");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("paper", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task PostReceiptEmail_SmtpNotConfigured_409SayingWhatIsMissing()
    {
        using var response = await app.Http.PostAsync($"/api/v1/sales/{await PaidSaleAsync()}/receipt/email", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Smtp:Host", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutReceiptSettings_ValidSettings_AreReadBack()
    {
        var body = new { address = "1 High Street", phone = "0113 496 0000", taxName = "GST", taxRatePercent = 15m, pricesIncludeTax = false };

        using var saved = await app.Http.PutAsJsonAsync("/api/v1/settings/receipts", body);
        var read = await app.Http.GetFromJsonAsync<JsonElement>("/api/v1/settings/receipts");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(("GST", 15m, false), (read.GetProperty("taxName").GetString(), read.GetProperty("taxRatePercent").GetDecimal(), read.GetProperty("pricesIncludeTax").GetBoolean()));
    }

    [Fact]
    public async Task PutReceiptSettings_RateAbove100_4xxProblemAndNothingChanged()
    {
        var before = await app.Http.GetStringAsync("/api/v1/settings/receipts");

        using var response = await app.Http.PutAsJsonAsync("/api/v1/settings/receipts", new { address = (string?)null, phone = (string?)null, taxName = "VAT", taxRatePercent = 120m, pricesIncludeTax = true });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("taxRatePercent", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(before, await app.Http.GetStringAsync("/api/v1/settings/receipts"));
    }
}
