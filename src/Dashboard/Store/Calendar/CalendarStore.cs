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

    public CalendarStore(CalendarQueries queries, ILiveFeed feed, ILogger<CalendarStore> logger)
        : base(CalendarState.Initial, logger)
    {
        _queries = queries;
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
            var appointments = await _queries.RangeAsync(state.RangeStart, state.RangeEnd);
            Dispatch(new AppointmentsLoaded(state.LoadRequest, appointments));
        }
        catch (Exception ex)
        {
            Dispatch(new AppointmentsLoadFailed(state.LoadRequest, $"The calendar could not be loaded: {ex.Message}"));
        }
    }

    protected override void OnDispose() => _subscription.Dispose();
}
