using BenchmarkDotNet.Attributes;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Benchmarks;

/// <summary>Client search as the booking drawer runs it, on 20,000 clients in SQLite.</summary>
[MemoryDiagnoser]
public class ClientSearchBenchmarks
{
    private BenchDatabase _db = null!;
    private ClientService _clients = null!;

    [Params("smi", "olivia smith", "0712 34")]
    public string Query { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _db = new BenchDatabase();
        var random = new Random(1);
        string[] first = ["Olivia", "Amelia", "Isla", "Ava", "Noah", "Oliver", "George", "Leo", "Priya", "Aisha", "Mateo", "Lucia"];
        string[] last = ["Smith", "Jones", "Taylor", "Brown", "Patel", "Wright", "Evans", "Walker", "Novak", "Garcia", "Ahmed", "Kowalski"];
        using (var db = _db.NewContext())
        {
            for (var i = 0; i < 20_000; i++)
            {
                var name = $"{first[random.Next(first.Length)]} {last[random.Next(last.Length)]} {i}";
                db.Clients.Add(Client.Register(ClientId.New(), name, $"07{random.Next(100, 999)} {random.Next(100000, 999999)}", null, null, DateTimeOffset.UtcNow, Actor.System));
            }
            db.SaveChanges();
        }
        _clients = _db.Services.GetRequiredService<ClientService>();
    }

    [Benchmark]
    public Task<IReadOnlyList<ClientView>> Search() => _clients.SearchAsync(Query, 8);

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();
}
