using System.Net.Http.Json;
using System.Text.Json;
using FrontDesk.Dashboard.Api;
using FrontDesk.Dashboard.Packages;

namespace FrontDesk.Tests.E2E.Infrastructure;

/// <summary>The app's public JSON API (/api/v1), as an integration would call it.</summary>
public sealed class FrontDeskApi(HttpClient http) : IDisposable
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>A room (or machine) and a service of <paramref name="minutes"/> that needs it, performed by <paramref name="provider"/>.</summary>
    public async Task<ClinicService> CreateRoomServiceAsync(string room, string service, int minutes, decimal price, ClinicProvider provider)
    {
        using var created = await http.PostAsJsonAsync("api/v1/resources", new { name = room, kind = "Room", active = true }, Json);
        created.EnsureSuccessStatusCode();
        var roomId = (await created.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        using var made = await http.PostAsJsonAsync("api/v1/services", new
        {
            name = service, activity = "Spa", tags = Array.Empty<string>(), durationMinutes = minutes, price, bufferMinutes = 0,
            resourceIds = new[] { roomId }, providerIds = new[] { provider.Id }, bookableOnline = true, active = true,
        }, Json);
        made.EnsureSuccessStatusCode();
        var serviceId = (await made.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        return new ClinicService(serviceId, service, minutes, price);
    }

    public async Task<ClientDto> CreateClientAsync(string name, string phone)
    {
        using var response = await http.PostAsJsonAsync("api/v1/clients", new CreateClientRequest(name, phone, null, null), Json);
        return await ReadAsync<ClientDto>(response);
    }

    /// <param name="recordId">A package record to book from, with <paramref name="session"/> the circle (a course's session number).</param>
    public async Task<AppointmentDto> BookAsync(Guid clientId, ClinicService service, ClinicProvider provider, DateTimeOffset start, Guid? recordId = null, int? session = null)
    {
        var request = new BookAppointmentRequest(clientId, service.Id, provider.Id, start.ToString("yyyy-MM-dd'T'HH:mm:sszzz"), false, null, recordId, session);
        using var response = await http.PostAsJsonAsync("api/v1/appointments", request, Json);
        return await ReadAsync<AppointmentDto>(response);
    }

    public async Task<AppointmentDto> GetAppointmentAsync(Guid id)
    {
        using var response = await http.GetAsync($"api/v1/appointments/{id}");
        return await ReadAsync<AppointmentDto>(response);
    }

    public async Task<IReadOnlyList<AppointmentDto>> AppointmentsTodayAsync()
    {
        var from = ClinicServer.TodayAt(TimeOnly.MinValue);
        var to = from.AddDays(1);
        using var response = await http.GetAsync($"api/v1/appointments?from={Uri.EscapeDataString(from.ToString("yyyy-MM-dd'T'HH:mm:sszzz"))}&to={Uri.EscapeDataString(to.ToString("yyyy-MM-dd'T'HH:mm:sszzz"))}");
        return await ReadAsync<List<AppointmentDto>>(response);
    }

    /// <summary>A course template: <paramref name="sessions"/> x one service, for sale at <paramref name="price"/>.</summary>
    public async Task<TemplateView> CreateCourseAsync(string name, ClinicService service, int sessions, decimal price)
    {
        using var response = await http.PostAsJsonAsync("api/v1/package-templates", new { name, kind = "Course", serviceIds = new[] { service.Id }, sessions, price }, Json);
        return await ReadAsync<TemplateView>(response);
    }

    /// <summary>Sells a template to a client, paid in full by card.</summary>
    public async Task<RecordView> SellAsync(Guid clientId, TemplateView template)
    {
        using var response = await http.PostAsJsonAsync($"api/v1/clients/{clientId}/packages",
            new { templateId = template.Id, mode = "Paid", payments = new[] { new { method = "Card", amount = template.Price } } }, Json);
        return await ReadAsync<RecordView>(response);
    }

    /// <summary>Lets API (online) bookings use package records; redemption stays at check-out.</summary>
    public async Task AllowOnlineRedemptionAsync()
    {
        using var response = await http.PutAsJsonAsync("api/v1/settings/packages", new { redemptionPolicy = "AtCheckOut", redeemOnline = true }, Json);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"PUT settings/packages answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async Task<IReadOnlyList<RecordView>> ClientPackagesAsync(Guid clientId)
    {
        using var response = await http.GetAsync($"api/v1/clients/{clientId}/packages");
        return await ReadAsync<List<RecordView>>(response);
    }

    public void Dispose() => http.Dispose();

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return await response.Content.ReadFromJsonAsync<T>(Json) ?? throw new InvalidOperationException("Empty response body.");
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }
}
