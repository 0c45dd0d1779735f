using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Live;

namespace FrontDesk.Dashboard.Store.Calendar;

/// <summary>
/// The calendar store of one circuit. It subscribes to the live feed once and ends the
/// subscription when the circuit ends (scoped services are disposed with the circuit).
/// </summary>
public sealed class CalendarStore : Store<CalendarState>
{
    private readonly CalendarQueries _queries;
    private readonly IDisposable _subscription;

    private readonly ILogger<CalendarStore> _logger;

    public CalendarStore(CalendarQueries queries, ILiveFeed feed, ILogger<CalendarStore> logger)
        : base(CalendarState.Initial, logger)
    {
        _queries = queries;
        _logger = logger;
        _subscription = feed.Subscribe(batch =>
        {
            Dispatch(new LiveBatchReceived(batch));
            return Task.CompletedTask;
        });
    }

    protected override CalendarState Reduce(CalendarState state, IAction action) => CalendarReducers.Reduce(state, action);

    protected override async Task HandleEffectAsync(IAction action)
    {
        switch (action)
        {
            case ShowRange or Reload:
                await LoadAsync(State);
                break;
            case LiveBatchReceived batch when batch.Events.Any(e => e is ResyncRequired):
                Dispatch(new Reload());
                break;
        }
    }

    private async Task LoadAsync(CalendarState state)
    {
        try
        {
            var appointments = await _queries.RangeAsync(state.RangeStart, state.RangeEnd, ct: Lifetime);
            Dispatch(new AppointmentsLoaded(state.LoadRequest, appointments));
        }
        catch (OperationCanceledException) when (Lifetime.IsCancellationRequested)
        {
            // The circuit ended while loading.
        }
        catch (Exception ex)
        {
            // The message says what to do and carries the reference of the logged error, never its text.
            Dispatch(new AppointmentsLoadFailed(state.LoadRequest, $"The calendar could not be loaded. {FrontDesk.Dashboard.Errors.UnexpectedError.Report(_logger, ex, "loading the calendar")}"));
        }
    }

    protected override void OnDispose() => _subscription.Dispose();
}
