using System.Net.Http.Json;
using System.Text.Json;
using FrontDesk.Dashboard.Api;

namespace FrontDesk.Tests.E2E.Infrastructure;

/// <summary>The app's public JSON API (/api/v1), as an integration would call it.</summary>
public sealed class FrontDeskApi(HttpClient http) : IDisposable
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    public async Task<ClientDto> CreateClientAsync(string name, string phone)
    {
        using var response = await http.PostAsJsonAsync("api/v1/clients", new CreateClientRequest(name, phone, null, null), Json);
        return await ReadAsync<ClientDto>(response);
    }

    public async Task<AppointmentDto> BookAsync(Guid clientId, ClinicService service, ClinicProvider provider, DateTimeOffset start)
    {
        var request = new BookAppointmentRequest(clientId, service.Id, provider.Id, start.ToString("yyyy-MM-dd'T'HH:mm:sszzz"), false, null);
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
