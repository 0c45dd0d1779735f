using FrontDesk.Dashboard.Calendar;
using FrontDesk.Domain.Calendar;

namespace FrontDesk.Dashboard.Store.Display;

/// <summary>A client as the wall may name them: first name and initial, nothing else.</summary>
public sealed record BoardEntry(Guid AppointmentId, string ClientShortName, string ServiceName, DateTimeOffset Start, DateTimeOffset End, BoardStage Stage);

public enum BoardStage
{
    Upcoming,
    CheckedIn,
    InTreatment,
    Completed,
    NoShow,
}

public sealed record BoardLane(Guid ProviderId, string ProviderName, BoardEntry? Now, BoardEntry? Next, IReadOnlyList<BoardEntry> Later, int Completed, int NoShows);

public sealed record BoardCounters(int Upcoming, int CheckedIn, int InTreatment, int Completed, int NoShow);

public sealed record BoardView(BoardCounters Counters, IReadOnlyList<BoardLane> Lanes);

/// <summary>Derives the wall display's board from the state; pure, so it is tested without a browser.</summary>
public static class DisplayBoard
{
    public static BoardView Build(DisplayState state)
    {
        var entries = state.Board.Appointments.Values
            .Where(a => a.Status != AppointmentStatus.Cancelled)
            .Select(a => (Appointment: a, Entry: ToEntry(a, state.Now)))
            .ToList();
        var counters = new BoardCounters(
            entries.Count(e => e.Entry.Stage == BoardStage.Upcoming),
            entries.Count(e => e.Entry.Stage == BoardStage.CheckedIn),
            entries.Count(e => e.Entry.Stage == BoardStage.InTreatment),
            entries.Count(e => e.Entry.Stage == BoardStage.Completed),
            entries.Count(e => e.Entry.Stage == BoardStage.NoShow));
        var byProvider = entries.ToLookup(e => e.Appointment.ProviderId, e => e.Entry);
        var lanes = state.Providers
            .Where(p => byProvider.Contains(p.Id))
            .Select(p =>
            {
                var mine = byProvider[p.Id].OrderBy(e => e.Start).ToList();
                var now = mine.FirstOrDefault(e => e.Stage == BoardStage.InTreatment);
                var waiting = mine.Where(e => e.Stage is BoardStage.Upcoming or BoardStage.CheckedIn).ToList();
                return new BoardLane(p.Id, p.Name, now, waiting.FirstOrDefault(), waiting.Skip(1).ToList(),
                    mine.Count(e => e.Stage == BoardStage.Completed), mine.Count(e => e.Stage == BoardStage.NoShow));
            })
            .ToList();
        return new BoardView(counters, lanes);
    }

    public static BoardStage StageOf(AppointmentView a, DateTimeOffset now) => a.Status switch
    {
        AppointmentStatus.Completed => BoardStage.Completed,
        AppointmentStatus.NoShow => BoardStage.NoShow,
        AppointmentStatus.CheckedIn when a.Start <= now => BoardStage.InTreatment,
        AppointmentStatus.CheckedIn => BoardStage.CheckedIn,
        _ => BoardStage.Upcoming,
    };

    /// <summary>"Olivia Smith" -> "Olivia S.": enough to call a client, too little to identify them.</summary>
    public static string ShortName(string fullName)
    {
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            0 => string.Empty,
            1 => parts[0],
            _ => $"{parts[0]} {char.ToUpperInvariant(parts[1][0])}.",
        };
    }

    private static BoardEntry ToEntry(AppointmentView a, DateTimeOffset now) =>
        new(a.Id, ShortName(a.ClientName), a.ServiceName, a.Start, a.End, StageOf(a, now));
}
