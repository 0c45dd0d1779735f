namespace FrontDesk.Dashboard.Components.Scheduler;

/// <summary>One vertical lane of the grid: a column on a day.</summary>
public sealed record SchedulerLane(int Index, DateOnly Day, SchedulerColumn Column);

/// <summary>
/// Where a block sits in its lane, in rows of the grid from the top of the visible day, and
/// which of the side-by-side tracks it takes when items overlap.
/// </summary>
public readonly record struct BlockPlacement(double Top, double Height, int Track, int Tracks);

/// <summary>Pure layout arithmetic of the grid: days shown, rows, and placing overlapping items side by side.</summary>
public static class SchedulerLayout
{
    /// <summary>The days a view shows: the date itself, or the week (from <paramref name="firstDayOfWeek"/>) that holds it.</summary>
    public static IReadOnlyList<DateOnly> DaysOf(SchedulerView view, DateOnly date, DayOfWeek firstDayOfWeek = DayOfWeek.Monday)
    {
        if (view == SchedulerView.Day)
        {
            return [date];
        }
        var back = ((int)date.DayOfWeek - (int)firstDayOfWeek + 7) % 7;
        var first = date.AddDays(-back);
        return Enumerable.Range(0, 7).Select(first.AddDays).ToList();
    }

    /// <summary>How many rows of <paramref name="slotMinutes"/> cover [dayStart, dayEnd).</summary>
    public static int Rows(TimeOnly dayStart, TimeOnly dayEnd, int slotMinutes)
    {
        var minutes = dayEnd == TimeOnly.MaxValue ? 24 * 60 - dayStart.ToTimeSpan().TotalMinutes : (dayEnd - dayStart).TotalMinutes;
        return Math.Max(1, (int)Math.Ceiling(minutes / slotMinutes));
    }

    /// <summary>
    /// Places the items of one lane: each gets its rows, and items that overlap in time share
    /// the lane's width in tracks (the first free track, left to right). Items wholly outside
    /// the visible rows are left out.
    /// </summary>
    public static IReadOnlyList<(SchedulerItem Item, BlockPlacement Placement)> Place(IEnumerable<SchedulerItem> items, DateTime visibleStart, int rows, int slotMinutes)
    {
        var visibleEnd = visibleStart.AddMinutes(rows * slotMinutes);
        var ordered = items.Where(i => i.Start < visibleEnd && i.End > visibleStart)
            .OrderBy(i => i.Start).ThenByDescending(i => i.End).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
        var placed = new List<(SchedulerItem Item, BlockPlacement Placement)>(ordered.Count);
        var cluster = new List<(SchedulerItem Item, int Track)>();
        var trackEnds = new List<DateTime>();
        var clusterEnd = DateTime.MinValue;

        void Flush()
        {
            foreach (var (item, track) in cluster)
            {
                var start = item.Start < visibleStart ? visibleStart : item.Start;
                var end = item.End > visibleEnd ? visibleEnd : item.End;
                var top = (start - visibleStart).TotalMinutes / slotMinutes;
                var height = Math.Max(0.5, (end - start).TotalMinutes / slotMinutes);
                placed.Add((item, new BlockPlacement(Math.Round(top, 3), Math.Round(height, 3), track, trackEnds.Count)));
            }
            cluster.Clear();
            trackEnds.Clear();
        }

        foreach (var item in ordered)
        {
            if (cluster.Count > 0 && item.Start >= clusterEnd)
            {
                Flush();
            }
            var track = trackEnds.FindIndex(end => end <= item.Start);
            if (track < 0)
            {
                track = trackEnds.Count;
                trackEnds.Add(item.End);
            }
            else
            {
                trackEnds[track] = item.End;
            }
            cluster.Add((item, track));
            clusterEnd = cluster.Count == 1 || item.End > clusterEnd ? item.End : clusterEnd;
        }
        Flush();
        return placed;
    }
}
