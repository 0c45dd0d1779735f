using System.Text.Json;
using System.Text.Json.Serialization;

namespace FrontDesk.Dashboard.Api;

public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        // {"delta": 1, "delta": 10000}: which one did the caller mean? Refuse (400) rather than guess.
        options.AllowDuplicateProperties = false;
    }
}
