using FrontDesk.Dashboard.Store;
using FrontDesk.Dashboard.Store.Calendar;

namespace FrontDesk.Tests.Component.Infrastructure;

/// <summary>Waits for a store to reach a state, without polling and without asserting on time.</summary>
public static class StoreWaiting
{
    public static async Task<CalendarState> DispatchAndWaitAsync(CalendarStore store, IAction action, Func<CalendarState, bool> reached, TimeSpan patience)
    {
        var done = new TaskCompletionSource<CalendarState>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(CalendarState state)
        {
            if (reached(state))
            {
                done.TrySetResult(state);
            }
        }
        store.StateChanged += OnChanged;
        try
        {
            store.Dispatch(action);
            OnChanged(store.State);
            return await done.Task.WaitAsync(patience);
        }
        finally
        {
            store.StateChanged -= OnChanged;
        }
    }
}
