using System.Text;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Dashboard.Support;
using FrontDesk.Tests.Unit.Support;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Tests.Unit.Dashboard.Packages;

/// <summary>
/// Random sequences of commands (register a client, sell a course, adjust, freeze, transfer, book
/// with the course, check in, check out) are sent to two worlds of one database: the model gets
/// each command exactly once without a key; the other gets it with a key, and its response is
/// "lost" at random, so the caller retries with the same key, several times, sometimes
/// concurrently. Afterwards both worlds hold the same clients, balances, ledgers, sales and
/// appointments, step by step.
/// </summary>
public sealed class ExactlyOncePropertyTests : IAsyncLifetime
{
    private PackageDesk _desk = null!;
    private PackageTemplate _course = null!;
    private int _case;

    public async Task InitializeAsync()
    {
        _desk = await PackageDesk.OpenAsync();
        _course = await _desk.AddCourseAsync(sessions: 4, price: 120m);
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private enum Op
    {
        Register,
        Sell,
        Adjust,
        Freeze,
        Transfer,
        Book,
        CheckIn,
        CheckOut,
    }

    /// <param name="A">Which client, record or appointment (modulo how many exist).</param>
    /// <param name="Retries">How many times the caller retries with the same key (its responses were lost).</param>
    private sealed record Step(Op Op, int A, int B, int Retries, bool Concurrent);

    private sealed class World(string name, bool withKeys)
    {
        public string Name { get; } = name;
        public bool WithKeys { get; } = withKeys;
        public List<Guid> Clients { get; } = [];
        public List<Guid> Records { get; } = [];
        public List<Guid> Appointments { get; } = [];
        public List<string> Outcomes { get; } = [];
    }

    private static readonly Gen<Step> Steps =
        from op in Gen.Frequency(
            (3, Gen.Constant(Op.Register)), (4, Gen.Constant(Op.Sell)), (2, Gen.Constant(Op.Adjust)), (1, Gen.Constant(Op.Freeze)),
            (1, Gen.Constant(Op.Transfer)), (3, Gen.Constant(Op.Book)), (2, Gen.Constant(Op.CheckIn)), (2, Gen.Constant(Op.CheckOut)))
        from a in Gen.Choose(0, 20)
        from b in Gen.Choose(0, 20)
        from retries in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 3)))
        from concurrent in Gen.Elements(true, false)
        select new Step(op, a, b, retries, concurrent);

    [Fact]
    public void Commands_WithLostResponsesAndRetries_EqualTheModelThatRanEachOnce()
    {
        var sequences = Gen.Choose(1, 14).SelectMany(n => Gen.ListOf(Steps, n).Select(l => l.ToList())).ToArbitrary();

        Prop.ForAll(sequences, steps => Task.Run(() => RunCaseAsync(steps)).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    private async Task RunCaseAsync(List<Step> steps)
    {
        // Each case on a new day, so its bookings have the day's hours to themselves.
        _desk.Clock.Advance(TimeSpan.FromDays(1));
        var n = Interlocked.Increment(ref _case);
        var model = new World($"m{n}", withKeys: false);
        var retried = new World($"r{n}", withKeys: true);
        foreach (var (step, i) in steps.Select((s, i) => (s, i)))
        {
            foreach (var world in new[] { model, retried })
            {
                world.Outcomes.Add(await ApplyAsync(world, step, $"{world.Name}-{i}", firstHour: world == model ? 9 : 16));
            }
        }

        Assert.Equal(model.Outcomes, retried.Outcomes);
        Assert.Equal(await SnapshotAsync(model), await SnapshotAsync(retried));
    }

    /// <summary>Runs one step in a world; the outcome ("ok", or the refusal's kind) is what both worlds must agree on.</summary>
    private async Task<string> ApplyAsync(World world, Step step, string key, int firstHour)
    {
        Guid? Pick(List<Guid> from, int index) => from.Count == 0 ? null : from[index % from.Count];
        var client = Pick(world.Clients, step.A);
        var record = Pick(world.Records, step.A);
        var appointment = Pick(world.Appointments, step.A);
        var other = Pick(world.Clients, step.B);
        var caller = Callers.Rita;
        var today = DateOnly.FromDateTime(_desk.Clock.GetUtcNow().UtcDateTime);
        Func<Task<Guid?>>? command = step.Op switch
        {
            Op.Register => async () => (await _desk.Clients.RegisterAsync(new RegisterClient($"{world.Name} client {world.Clients.Count}", null, null, null, caller))).Id,
            Op.Sell when client is { } c => async () => (await _desk.Packages.AcquireAsync(new AcquirePackage(c, _course.Id.Value, AcquisitionMode.Paid, null,
                [new PaymentLine(PaymentMethod.Card, 120m)], caller))).Id,
            Op.Adjust when record is { } r => async () => (await _desk.Packages.AdjustAsync(r, step.B % 2 == 0 ? 1m : -1m, "Correction", caller)).Id,
            Op.Freeze when record is { } r => async () => (await _desk.Packages.FreezeAsync(r, today.AddDays(1 + step.B % 3), today.AddDays(5 + step.B % 3), caller)).Id,
            Op.Transfer when record is { } r && other is { } to => async () => (await _desk.Packages.TransferAsync(r, to, caller)).To.Id,
            // Each world has seven hours of the day to book (Laser is an hour).
            Op.Book when record is { } r && world.Appointments.Count < 7 => async () =>
            {
                var owner = (await _desk.RecordAsync(r)).ClientId.Value;
                var at = new DateTimeOffset(today.ToDateTime(new TimeOnly(firstHour + world.Appointments.Count, 0)), TimeSpan.Zero);
                return (await _desk.Appointments.BookAsync(new BookAppointment(owner, _desk.Laser.Id.Value, _desk.Amira.Id.Value, at, true, null, caller)
                {
                    PackageRecordId = r,
                })).Id;
            },
            Op.CheckIn when appointment is { } a => async () => (await _desk.Appointments.CheckInAsync(a, caller)).Id,
            Op.CheckOut when appointment is { } a => async () =>
            {
                var due = await _desk.Appointments.AmountDueAsync(a);
                return (await _desk.Appointments.CheckOutAsync(new CheckOutAppointment(a, due > 0m ? [new PaymentLine(PaymentMethod.Card, due)] : [], caller))).Id;
            },
            _ => null,
        };
        if (command is null)
        {
            return "skipped";
        }
        var (outcome, id) = world.WithKeys ? await WithRetriesAsync(command, key, step) : await OnceAsync(command);
        if (id is { } created)
        {
            switch (step.Op)
            {
                case Op.Register:
                    world.Clients.Add(created);
                    break;
                case Op.Sell or Op.Transfer:
                    world.Records.Add(created);
                    break;
                case Op.Book:
                    world.Appointments.Add(created);
                    break;
            }
        }
        return $"{step.Op}:{outcome}";
    }

    private static async Task<(string Outcome, Guid? Id)> OnceAsync(Func<Task<Guid?>> command)
    {
        try
        {
            return ("ok", await command());
        }
        catch (DomainException ex)
        {
            return (ex.Kind.ToString(), null);
        }
    }

    /// <summary>The first attempt and every retry carry one key; every answer but the last is "lost", and all must agree.</summary>
    private static async Task<(string Outcome, Guid? Id)> WithRetriesAsync(Func<Task<Guid?>> command, string key, Step step)
    {
        async Task<(string, Guid?)> Attempt()
        {
            using (IdempotencyScope.Begin(key))
            {
                return await OnceAsync(command);
            }
        }
        var answers = new List<(string, Guid?)>();
        if (step.Concurrent)
        {
            answers.AddRange(await Task.WhenAll(Enumerable.Range(0, 1 + step.Retries).Select(_ => Task.Run(Attempt))));
        }
        else
        {
            for (var i = 0; i <= step.Retries; i++)
            {
                answers.Add(await Attempt());
            }
        }
        var succeeded = answers.Where(a => a.Item1 == "ok").ToList();
        // A refused attempt records nothing, so a retry may succeed later; once one succeeded,
        // every answer after it is that same result.
        if (succeeded.Count > 0)
        {
            Assert.Single(succeeded.Select(a => a.Item2).Distinct());
            return succeeded[0];
        }
        return answers[^1];
    }

    /// <summary>Everything a world holds, in the order its steps made it, without ids or names of the world.</summary>
    private async Task<string> SnapshotAsync(World world)
    {
        await using var db = await _desk.ContextAsync();
        var text = new StringBuilder();
        var clientIds = world.Clients.Select(c => new ClientId(c)).ToList();
        var clientIndex = world.Clients.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        text.Append("clients:").Append(await db.Clients.CountAsync(c => c.Name.StartsWith(world.Name + " "))).AppendLine();
        var records = await db.PackageRecords.AsNoTracking().Where(r => clientIds.Contains(r.ClientId)).ToListAsync();
        foreach (var id in world.Records)
        {
            var r = records.Single(x => x.Id.Value == id);
            PackageDesk.AssertBalanced(r);
            text.Append($"record of {clientIndex[r.ClientId.Value]}: {r.Status} available {r.Available} held {r.Held} used {r.Used} ledger ")
                .AppendJoin(',', r.Ledger.Select(e => e.Kind)).AppendLine();
        }
        Assert.Equal(world.Records.Count, records.Count);
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.ClientId != null && clientIds.Contains(i.ClientId.Value)).ToListAsync();
        text.Append($"invoices {invoices.Count} total {invoices.Sum(i => i.Total.Amount)} paid {invoices.Sum(i => i.Paid.Amount)} payments {invoices.Sum(i => i.Payments.Count)}").AppendLine();
        var appointments = await db.Appointments.AsNoTracking().Where(a => clientIds.Contains(a.ClientId)).ToListAsync();
        Assert.Equal(world.Appointments.Count, appointments.Count);
        foreach (var id in world.Appointments)
        {
            var a = appointments.Single(x => x.Id.Value == id);
            text.Append($"appointment of {clientIndex[a.ClientId.Value]}: {a.Status} package {(a.PackageRecordId is { } p ? world.Records.IndexOf(p.Value) : -1)}").AppendLine();
        }
        return text.ToString();
    }
}
