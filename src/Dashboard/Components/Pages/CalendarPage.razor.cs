using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Components.Calendar;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Domain.Calendar;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace FrontDesk.Dashboard.Components.Pages;

/// <summary>The shared front-desk calendar: providers side by side, live.</summary>
public partial class CalendarPage : ComponentBase, IDisposable
{
    [Inject] private CalendarStore Store { get; set; } = default!;
    [Inject] private CatalogQueries Catalog { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;

    private RadzenScheduler<CalendarItem>? _scheduler;
    private IReadOnlyList<ProviderView> _providers = [];
    private IReadOnlyList<ProviderColumn> _columns = [];
    private IReadOnlyList<CalendarItem> _items = [];
    private IReadOnlyList<ProviderOption> _providerOptions = [];
    private CalendarState? _renderedState;
    private DateTime _date;
    private int _viewIndex = 0;
    private TimeSpan _opens;
    private TimeSpan _closes;

    private CalendarState State => Store.State;

    protected override async Task OnInitializedAsync()
    {
        _date = Clock.LocalNow.Date;
        _providers = await Catalog.ProvidersAsync();
        // Show the business's opening hours, widened to any provider's shift outside them.
        var shifts = _providers.SelectMany(p => p.Shifts).ToList();
        _opens = shifts.Select(s => s.From).Append(Clock.Business.OpensAt).Min().ToTimeSpan();
        _closes = shifts.Select(s => s.To).Append(Clock.Business.ClosesAt).Max().ToTimeSpan();
        _providerOptions = [new ProviderOption(null, "All providers"), .. _providers.Select(p => new ProviderOption(p.Id, p.Name))];
        Store.StateChanged += OnStateChanged;
        Rebuild();
    }

    private void OnStateChanged(CalendarState state) => _ = InvokeAsync(() =>
    {
        Rebuild();
        StateHasChanged();
    });

    /// <summary>Derives what the scheduler draws from the store's state (only when it changed).</summary>
    private void Rebuild()
    {
        var state = State;
        if (ReferenceEquals(state, _renderedState))
        {
            return;
        }
        _renderedState = state;
        _columns = _providers.Where(p => state.ProviderFilter is null || p.Id == state.ProviderFilter).Select(p => new ProviderColumn(p.Id, p.Name)).ToList();
        _items = state.Visible
            .Where(a => a.Status != AppointmentStatus.Cancelled)
            .Select(a => new CalendarItem(Clock.ToLocal(a.Start), Clock.ToLocal(a.End), $"{a.ClientName} · {a.ServiceName}", a.ProviderId, a))
            .ToList();
    }

    private void OnLoadData(SchedulerLoadDataEventArgs args)
    {
        var view = args.View is RadzenWeekView ? CalendarViewKind.Week : CalendarViewKind.Day;
        var first = DateOnly.FromDateTime(args.Start);
        var days = Math.Max(1, (int)Math.Ceiling((args.End - args.Start).TotalDays));
        var (start, end) = Clock.Range(first, days);
        if (State.RangeStart == start && State.RangeEnd == end && State.View == view)
        {
            return;
        }
        Store.Dispatch(new ShowRange(first, view, start, end));
    }

    private void OnProviderFilter(Guid? providerId) => Store.Dispatch(new FilterProvider(providerId));

    private async Task OnSlotSelect(SchedulerSlotSelectEventArgs args)
    {
        var providerId = (args.Resource as ProviderColumn)?.Id ?? State.ProviderFilter ?? _providers.FirstOrDefault()?.Id;
        var start = args.View is RadzenWeekView || args.Start.TimeOfDay != TimeSpan.Zero ? args.Start : args.Start.Add(_opens);
        await Dialogs.OpenSideAsync<BookingDrawer>("New appointment",
            new Dictionary<string, object?>
            {
                [nameof(BookingDrawer.Start)] = start,
                [nameof(BookingDrawer.ProviderId)] = providerId,
                [nameof(BookingDrawer.OnClose)] = EventCallback.Factory.Create<FrontDesk.Dashboard.Calendar.AppointmentView?>(this, booked => Dialogs.CloseSide(booked)),
            },
            new SideDialogOptions { Position = DialogPosition.Right, Width = "min(30rem, 100vw)", CloseDialogOnOverlayClick = true, ShowMask = false });
    }

    private async Task OnAppointmentSelect(SchedulerAppointmentSelectEventArgs<CalendarItem> args) =>
        await Dialogs.OpenSideAsync<AppointmentDrawer>("Appointment",
            new Dictionary<string, object?>
            {
                [nameof(AppointmentDrawer.AppointmentId)] = args.Data!.Appointment.Id,
                [nameof(AppointmentDrawer.OnClose)] = EventCallback.Factory.Create(this, () => Dialogs.CloseSide()),
            },
            new SideDialogOptions { Position = DialogPosition.Right, Width = "min(30rem, 100vw)", CloseDialogOnOverlayClick = true, ShowMask = false });

    private void OnAppointmentRender(SchedulerAppointmentRenderEventArgs<CalendarItem> args)
    {
        var item = args.Data!;
        var a = item.Appointment;
        args.Attributes!["class"] = $"appt {StatusLabels.CssClass(a.Status)}";
        args.Attributes!["data-status"] = a.Status.ToString();
        var paid = a.PackageRecordId is null ? string.Empty : a.PackageSession is { } n ? $", course session {n}" : ", from a package";
        args.Attributes!["aria-label"] = $"{a.ClientName}, {a.ServiceName} with {a.ProviderName}, {item.Start:HH:mm} to {item.End:HH:mm}{paid}: {StatusLabels.Label(a.Status)}";
        args.Attributes!["role"] = "button";
    }

    private void OnSlotRender(SchedulerSlotRenderEventArgs args)
    {
        if (args.View is RadzenDayView or RadzenWeekView && args.Start.Date == Clock.LocalNow.Date && args.Start <= Clock.LocalNow && Clock.LocalNow < args.End)
        {
            args.Attributes!["class"] = "slot-now";
        }
    }

    public void Dispose() => Store.StateChanged -= OnStateChanged;

    private sealed record ProviderOption(Guid? Value, string Text);
}
