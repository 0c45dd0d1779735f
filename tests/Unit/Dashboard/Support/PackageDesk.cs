using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Dashboard.Support;

/// <summary>A live feed that only remembers what was announced.</summary>
public sealed class RecordingFeed : ILiveFeed
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<LiveEvent> _events = new();

    public IReadOnlyList<LiveEvent> Events => _events.ToList();

    public int SubscriberCount => 0;

    public void Publish(IReadOnlyList<LiveEvent> events)
    {
        foreach (var e in events)
        {
            _events.Enqueue(e);
        }
    }

    public IDisposable Subscribe(Func<IReadOnlyList<LiveEvent>, Task> onBatch) => new Nothing();

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}

/// <summary>
/// The dashboard's services wired as Program.cs wires them, on a real SQLite file in a temp
/// directory, with a provider who works every day 00:00-23:59, a few services and two clients.
/// Time is a <see cref="FakeTimeProvider"/> starting Monday 23 Nov 2026 08:00 in London (UTC+0).
/// </summary>
public sealed class PackageDesk : IAsyncDisposable
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    public static readonly Actor Receptionist = Actor.Staff("r1", "Rita at desk 1");

    private readonly ServiceProvider _services;
    private readonly string _directory;

    private PackageDesk(ServiceProvider services, string directory, FakeTimeProvider clock)
    {
        _services = services;
        _directory = directory;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }
    public RecordingFeed Feed => (RecordingFeed)_services.GetRequiredService<ILiveFeed>();
    public AppointmentService Appointments => _services.GetRequiredService<AppointmentService>();
    public PackageService Packages => _services.GetRequiredService<PackageService>();
    public FrontDesk.Dashboard.Clients.ClientService Clients => _services.GetRequiredService<FrontDesk.Dashboard.Clients.ClientService>();
    public PackageQueries Queries => _services.GetRequiredService<PackageQueries>();
    public SettingsService Settings => _services.GetRequiredService<SettingsService>();
    public string DatabasePath => Path.Combine(_directory, "dashboard.db");

    public Service Laser { get; } = new(ServiceId.New(), "Laser hair removal", TimeSpan.FromMinutes(60), new Money(80m, "GBP"), "Laser");
    public Service Massage { get; } = new(ServiceId.New(), "Swedish massage", TimeSpan.FromMinutes(60), new Money(120m, "GBP"), "Massage");
    public Service LongMassage { get; } = new(ServiceId.New(), "Hot stone massage", TimeSpan.FromMinutes(90), new Money(200m, "GBP"), "Massage");
    public Service Facial { get; } = new(ServiceId.New(), "Facial", TimeSpan.FromMinutes(30), new Money(50m, "GBP"), "Beauty");
    public Provider Amira { get; private set; } = null!;
    public Client Alice { get; } = Client.Register(ClientId.New(), "Alice Archer", "07700 900001", null, null, Monday, Actor.System);
    public Client Bob { get; } = Client.Register(ClientId.New(), "Bob Baker", "07700 900002", null, null, Monday, Actor.System);

    public static async Task<PackageDesk> OpenAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "fdl-pkgtests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Dashboard"] = $"Data Source={Path.Combine(directory, "dashboard.db")}" })
            .Build();
        var clock = new FakeTimeProvider(Monday);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(Options.Create(new BusinessOptions()));
        services.AddDashboardDatabase(configuration);
        services.AddSingleton<ILiveFeed, RecordingFeed>();
        services.AddSingleton<FrontDesk.Dashboard.Business.BusinessProfileStore>();
        services.AddSingleton<BusinessClock>();
        services.AddSingleton<AppointmentService>();
        services.AddSingleton<PackageService>();
        services.AddSingleton<FrontDesk.Dashboard.Clients.ClientService>();
        services.AddSingleton<PackageQueries>();
        services.AddSingleton<SettingsService>();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await DatabaseSetup.MigrateAsync(provider);
        var desk = new PackageDesk(provider, directory, clock);
        await desk.SeedAsync();
        return desk;
    }

    private async Task SeedAsync()
    {
        Amira = new Provider(ProviderId.New(), "Amira Haddad", [Laser.Id, Massage.Id, LongMassage.Id, Facial.Id],
            Enum.GetValues<DayOfWeek>().Select(d => new WorkingShift(d, new TimeOnly(0, 0), new TimeOnly(23, 59))));
        await using var db = await ContextAsync();
        db.Services.AddRange(Laser, Massage, LongMassage, Facial);
        db.Providers.Add(Amira);
        db.Clients.AddRange(Alice, Bob);
        await db.SaveChangesAsync();
    }

    public async Task<Client> AddClientAsync(string name)
    {
        var client = Client.Register(ClientId.New(), name, null, null, null, Monday, Actor.System);
        await using var db = await ContextAsync();
        db.Clients.Add(client);
        await db.SaveChangesAsync();
        return client;
    }

    public UnitOfWork UnitOfWork => _services.GetRequiredService<UnitOfWork>();

    public IDbContextFactory<DashboardDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();

    public async Task<DashboardDbContext> ContextAsync() =>
        await _services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();

    /// <summary>Saves a template made through the domain, as the template screen would.</summary>
    public async Task<PackageTemplate> AddTemplateAsync(PackageTemplate template)
    {
        await using var db = await ContextAsync();
        db.PackageTemplates.Add(template);
        await db.SaveChangesAsync();
        return template;
    }

    public Task<PackageTemplate> AddCourseAsync(int sessions = 5, decimal price = 250m, Expiry? expiry = null, string name = "Laser course", bool forSale = true) =>
        AddTemplateAsync(PackageTemplate.Create(PackageTemplateId.New(), new TemplateTerms(name, PackageKind.Course, PackageValueType.Sessions,
            [new PackageLine(Laser.Id, sessions)], [], false, 0m, new Money(price, "GBP"), 0m, forSale, null, expiry, UsageRestrictions.None), Monday, Receptionist));

    public Task<PackageTemplate> AddBalanceAsync(PackageValueType valueType, decimal value, decimal price, Expiry? expiry = null, string name = "Massage credit", decimal discount = 0m) =>
        AddTemplateAsync(PackageTemplate.Create(PackageTemplateId.New(), new TemplateTerms(name, PackageKind.AnyFromList, valueType,
            [], [Massage.Id, LongMassage.Id], false, value, new Money(price, "GBP"), discount, true, null, expiry, UsageRestrictions.None), Monday, Receptionist));

    public Task<RecordView> SellAsync(PackageTemplate template, Client? to = null, string? key = null) =>
        Packages.AcquireAsync(new AcquirePackage((to ?? Alice).Id.Value, template.Id.Value, AcquisitionMode.Paid, null,
            template.Price.Amount > 0m ? [new PaymentLine(PaymentMethod.Card, template.Price.Amount)] : [], Callers.Rita) { IdempotencyKey = key });

    /// <summary>Local (= UTC in November) time on a day after Monday.</summary>
    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(Monday.Date.AddDays(day).AddHours(hour).AddMinutes(minute), TimeSpan.Zero);

    public Task<AppointmentView> BookAsync(Service service, DateTimeOffset start, Guid? recordId = null, int? session = null, Client? client = null, string? key = null, bool useBest = false) =>
        Appointments.BookAsync(new BookAppointment((client ?? Alice).Id.Value, service.Id.Value, Amira.Id.Value, start, false, null, Callers.Rita)
        {
            PackageRecordId = recordId,
            SessionNumber = session,
            UseBestPackage = useBest,
            IdempotencyKey = key,
        });

    public Task<AppointmentView> CheckOutAsync(Guid appointment, decimal pay, string? key = null) =>
        Appointments.CheckOutAsync(new CheckOutAppointment(appointment, pay > 0m ? [new PaymentLine(PaymentMethod.Card, pay)] : [], Callers.Rita) { IdempotencyKey = key });

    /// <summary>The record as stored now, read back in a fresh context.</summary>
    public async Task<PackageRecord> RecordAsync(Guid id)
    {
        await using var db = await ContextAsync();
        return await db.PackageRecords.AsNoTracking().SingleAsync(r => r.Id == new PackageRecordId(id));
    }

    public async Task<FrontDesk.Domain.Calendar.Appointment?> AppointmentAsync(Guid id)
    {
        await using var db = await ContextAsync();
        return await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == new AppointmentId(id));
    }

    public async Task<Invoice> InvoiceOfAsync(Guid appointment)
    {
        await using var db = await ContextAsync();
        return await db.Invoices.AsNoTracking().SingleAsync(i => i.AppointmentId == new AppointmentId(appointment));
    }

    /// <summary>Reads every stored record back and checks Available/Held/Used against the sums of its ledger rows.</summary>
    public async Task<IReadOnlyList<PackageRecord>> AssertLedgersBalanceAsync()
    {
        await using var db = await ContextAsync();
        var records = await db.PackageRecords.AsNoTracking().ToListAsync();
        foreach (var record in records)
        {
            AssertBalanced(record);
        }
        return records;
    }

    public static void AssertBalanced(PackageRecord record)
    {
        Assert.Equal(record.Ledger.Sum(e => e.AvailableDelta), record.Available);
        Assert.Equal(record.Ledger.Sum(e => e.HeldDelta), record.Held);
        Assert.Equal(record.Ledger.Sum(e => e.UsedDelta), record.Used);
        Assert.True(record.Available >= 0m && record.Held >= 0m && record.Used >= 0m, $"{record.Name} went negative");
        Assert.Equal(record.Ledger.Count, record.Ledger.Select(e => e.Sequence).Distinct().Count());
        if (record.CountBased)
        {
            Assert.Equal(record.Available, record.Sessions.Count(s => s.State == SessionState.Free));
            Assert.Equal(record.Held, record.Sessions.Count(s => s.State == SessionState.Booked));
        }
        else
        {
            Assert.Equal(record.Held, record.Holds.Where(h => !h.Captured).Sum(h => h.Amount));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by the OS; the temp directory is cleaned later.
        }
    }
}
