using System.Collections.Immutable;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Sales;

namespace FrontDesk.Dashboard.Live.Projections;

/// <summary>One line of the managers' live feed: who did what, when.</summary>
public sealed record FeedItem(DateTimeOffset At, string Who, string What);

public sealed record SalesSnapshot(
    DateOnly Day,
    SalesTotals? Today,
    SalesTotals? SameDayLastWeek,
    LiabilityView? Liability,
    ImmutableList<FeedItem> Feed,
    long Revision)
{
    public static SalesSnapshot Empty { get; } = new(DateOnly.MinValue, null, null, null, [], 0);
}

/// <summary>
/// The shared projection behind every managers' sales screen: today's totals, the same
/// weekday last week and the liability, recomputed once per batch of live events that touch
/// money, here, instead of once per open screen.
/// </summary>
public sealed class SalesBoard : IDisposable
{
    public const int FeedLength = 50;
    private readonly SalesQueries _sales;
    private readonly PackageQueries _packages;
    private readonly BusinessClock _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IDisposable _subscription;
    private SalesSnapshot _snapshot = SalesSnapshot.Empty;
    private bool _stale = true;

    public SalesBoard(SalesQueries sales, PackageQueries packages, ILiveFeed feed, BusinessClock clock)
    {
        _sales = sales;
        _packages = packages;
        _clock = clock;
        _subscription = feed.Subscribe(OnBatchAsync);
    }

    public event Action<SalesSnapshot>? Changed;

    public async Task<SalesSnapshot> CurrentAsync(CancellationToken ct = default)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        return snapshot.Day == _clock.Today && !Volatile.Read(ref _stale) ? snapshot : await RecomputeAsync([], ct);
    }

    private async Task OnBatchAsync(IReadOnlyList<LiveEvent> batch) => await RecomputeAsync(batch);

    private async Task<SalesSnapshot> RecomputeAsync(IReadOnlyList<LiveEvent> batch, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var current = Volatile.Read(ref _snapshot);
            var today = _clock.Today;
            var feed = current.Feed.InsertRange(0, batch.Select(Describe).OfType<FeedItem>().Reverse());
            if (feed.Count > FeedLength)
            {
                feed = feed.RemoveRange(FeedLength, feed.Count - FeedLength);
            }
            var touchesMoney = batch.Count == 0 || current.Day != today || batch.Any(e => e is AppointmentChanged or PackageRecordChangedLive or CreditsSoldLive or SaleRecordedLive or ResyncRequired or InventoryChangedLive { Operation: FrontDesk.Domain.Memberships.InventoryOperation.SaleOfProduct });
            var next = current with { Feed = feed, Revision = current.Revision + 1 };
            if (touchesMoney && Changed is null && batch.Count > 0)
            {
                // Nobody is watching: remember that the totals are out of date and compute them
                // when a screen next asks, rather than on every change of the day.
                Volatile.Write(ref _stale, true);
            }
            else if (touchesMoney)
            {
                var (start, end) = _clock.Range(today, 1);
                var lastWeek = current.Day == today && current.SameDayLastWeek is not null
                    ? current.SameDayLastWeek
                    : await _sales.TotalsAsync(start.AddDays(-7), end.AddDays(-7), ct);
                next = next with
                {
                    Day = today,
                    Today = await _sales.TotalsAsync(start, end, ct),
                    SameDayLastWeek = lastWeek,
                    Liability = await _packages.LiabilityNowAsync(ct),
                };
                Volatile.Write(ref _stale, false);
            }
            Volatile.Write(ref _snapshot, next);
            Changed?.Invoke(next);
            return next;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A sentence for the managers' feed; no phone numbers or notes.</summary>
    public static FeedItem? Describe(LiveEvent e) => e switch
    {
        AppointmentChanged { Appointment: var a, Change: var c } => new FeedItem(e.At, e.ActorName, c switch
        {
            AppointmentChange.Booked => $"booked {a.ClientName} for {a.ServiceName} with {a.ProviderName}",
            AppointmentChange.Moved => $"moved {a.ClientName}'s {a.ServiceName}",
            AppointmentChange.CheckedIn => $"checked in {a.ClientName} ({a.ServiceName})",
            AppointmentChange.CheckedOut => $"checked out {a.ClientName} ({a.ServiceName}, {a.Price - a.PackageCovers:0.00} {a.Currency} due)",
            AppointmentChange.NoShow => $"marked {a.ClientName} as no-show",
            AppointmentChange.Cancelled => $"cancelled {a.ClientName}'s {a.ServiceName}",
            _ => $"changed how {a.ClientName}'s {a.ServiceName} is paid",
        }),
        PackageRecordChangedLive p => new FeedItem(e.At, e.ActorName, p.Change switch
        {
            FrontDesk.Domain.Packages.LedgerKind.Purchase => "sold or assigned a package",
            FrontDesk.Domain.Packages.LedgerKind.Redeem => "redeemed a package session",
            FrontDesk.Domain.Packages.LedgerKind.Hold => "booked from a package",
            FrontDesk.Domain.Packages.LedgerKind.Release => "gave a package session back",
            FrontDesk.Domain.Packages.LedgerKind.Freeze => "froze a package",
            FrontDesk.Domain.Packages.LedgerKind.TransferOut or FrontDesk.Domain.Packages.LedgerKind.TransferIn => "transferred a package",
            FrontDesk.Domain.Packages.LedgerKind.Cancel => "cancelled a package",
            FrontDesk.Domain.Packages.LedgerKind.Expire => "a package expired",
            FrontDesk.Domain.Packages.LedgerKind.Payment => "took payment for a package",
            _ => "adjusted a package",
        }),
        CreditsSoldLive s => new FeedItem(e.At, e.ActorName, s.Source == FrontDesk.Domain.Sales.CreditSource.Quote
            ? $"sold {s.Count} session{(s.Count == 1 ? string.Empty : "s")} from a quote ({s.Total:0.00} {s.Currency})"
            : $"sold {s.Count} single service{(s.Count == 1 ? string.Empty : "s")} ({s.Total:0.00} {s.Currency})"),
        SaleRecordedLive { Sale: var sale } => new FeedItem(e.At, e.ActorName, sale.Kind == SaleKind.Refund
            ? $"refunded {(-sale.Total):0.00} {sale.Currency}{(sale.ClientName is { } rn ? $" to {rn}" : string.Empty)}"
            : sale.IsPaid
                ? $"sold {sale.Total:0.00} {sale.Currency}{(sale.ClientName is { } pn ? $" to {pn}" : string.Empty)}"
                : $"took {sale.Paid:0.00} {sale.Currency}{(sale.ClientName is { } on ? $" from {on}" : string.Empty)}, {sale.Balance:0.00} still owed"),
        ClientRegisteredLive c => new FeedItem(e.At, e.ActorName, $"added client {c.Name}"),
        InventoryChangedLive { Operation: FrontDesk.Domain.Memberships.InventoryOperation.SaleOfProduct } i => new FeedItem(e.At, e.ActorName,
            i.MembershipsSold > 0 ? $"sold {i.MembershipsSold} membership{(i.MembershipsSold == 1 ? "" : "s")} ({i.Amount:0.00} in all)" : $"sold products ({i.Amount:0.00})"),
        InventoryChangedLive { Operation: FrontDesk.Domain.Memberships.InventoryOperation.Arrival } => new FeedItem(e.At, e.ActorName, "recorded a stock arrival"),
        InventoryChangedLive { Operation: FrontDesk.Domain.Memberships.InventoryOperation.WriteOff } => new FeedItem(e.At, e.ActorName, "wrote off stock"),
        MembershipChangedLive m => new FeedItem(e.At, e.ActorName, m.What),
        _ => null,
    };

    public void Dispose()
    {
        _subscription.Dispose();
        _gate.Dispose();
    }
}
