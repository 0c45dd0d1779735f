using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Diagnostics.Runtime;
using Microsoft.Playwright;
using static FrontDesk.Benchmarks.FanOut.FanOutBenchmark;

namespace FrontDesk.Benchmarks.FanOut;

/// <summary>
/// What each further open page keeps on the server's heap, desk calendar against the bare control
/// page, read from the heap itself: the app's process is paused and walked from its roots (ClrMD)
/// after the first page of a kind and again after N more. Unlike the fan-out benchmark's managed
/// total, this leaves out the buffers that the shared array pools and Kestrel's memory pool keep
/// for reuse after a page's first render: they are bounded by threads and cores, not by pages,
/// and at 10 or 25 pages they move the per-page figure by tens of KB from run to run. It also
/// prints, by type, what one more desk adds.
/// <code>dotnet bin/Release/net10.0/Benchmarks.dll heap --pages 20 --port 5323</code>
/// </summary>
internal static class HeapBenchmark
{
    // Types whose contents are pooled buffers kept for reuse, not any page's: not walked into.
    private static readonly string[] Pools = ["SharedArrayPoolThreadLocalArray", "SharedArrayPoolPartitions", "PinnedBlockMemoryPool", "MemoryPoolBlock"];

    public static async Task<int> RunAsync(string[] args)
    {
        var pages = int.Parse(Option(args, "--pages", "20"), CultureInfo.InvariantCulture);
        var port = int.Parse(Option(args, "--port", "5323"), CultureInfo.InvariantCulture);
        var top = int.Parse(Option(args, "--top", "25"), CultureInfo.InvariantCulture);
        var chromium = ChromiumPath(args);
        var root = await BuildAppAsync();

        await using var server = await AppProcess.StartAsync(root, port);
        using var http = server.Client(TimeSpan.FromSeconds(60));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumFlags });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await SignInDeskAsync(context, server.BaseAddress);

        async Task OpenControlAsync()
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(server.BaseAddress, "diagnostics/bare-control").ToString());
            await page.GetByLabel("Circuit").Filter(new LocatorFilterOptions { HasText = "interactive" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 240_000 });
        }
        async Task OpenDeskAsync()
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(server.BaseAddress.ToString());
            await page.Locator(".shell[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        }
        async Task<Heap> ReadAsync()
        {
            await Memory.SettledAsync(http); // the pages have loaded; two full collections just ran
            return Heap.Read(server.ProcessId);
        }

        await OpenControlAsync();
        var firstControl = await ReadAsync();
        for (var i = 0; i < pages; i++)
        {
            await OpenControlAsync();
        }
        var controls = await ReadAsync();
        await OpenDeskAsync();
        var firstDesk = await ReadAsync();
        for (var i = 0; i < pages; i++)
        {
            await OpenDeskAsync();
        }
        var desks = await ReadAsync();

        var perControl = (controls.Bytes - firstControl.Bytes) / (double)pages;
        var perDesk = (desks.Bytes - firstDesk.Bytes) / (double)pages;
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"| further pages | KB per further desk | KB per further control | ratio |");
        report.AppendLine("|--:|--:|--:|--:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| {pages} | {perDesk / 1024:0} | {perControl / 1024:0} | {perDesk / perControl:0.00} |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"What one more desk adds, by type (KB, count), largest first:");
        report.AppendLine();
        report.AppendLine("| KB | objects | type |");
        report.AppendLine("|--:|--:|--|");
        foreach (var (type, bytes, count) in desks.Minus(firstDesk).OrderByDescending(t => t.Bytes).Take(top))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {bytes / 1024.0 / pages:0.0} | {count / (double)pages:0.0} | `{type}` |");
        }
        Console.WriteLine();
        Console.WriteLine(report.ToString());
        return 0;
    }

    private sealed record Heap(long Bytes, Dictionary<string, (long Bytes, long Count)> ByType)
    {
        /// <summary>Pauses the process, and adds up what is reachable from its roots, pools' cached buffers left out.</summary>
        public static Heap Read(int pid)
        {
            using var target = DataTarget.AttachToProcess(pid, suspend: true);
            var dac = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), OperatingSystem.IsWindows() ? "mscordaccore.dll" : "libmscordaccore.so");
            using var runtime = target.ClrVersions[0].CreateRuntime(dac, ignoreMismatch: true);
            var seen = new HashSet<ulong>();
            var pending = new Stack<ClrObject>();
            foreach (var root in runtime.Heap.EnumerateRoots())
            {
                if (root.Object.IsValid && seen.Add(root.Object.Address))
                {
                    pending.Push(root.Object);
                }
            }
            long total = 0;
            var byType = new Dictionary<string, (long Bytes, long Count)>();
            while (pending.Count > 0)
            {
                var item = pending.Pop();
                var name = item.Type?.Name ?? "?";
                var size = (long)item.Size;
                total += size;
                var known = byType.GetValueOrDefault(name);
                byType[name] = (known.Bytes + size, known.Count + 1);
                if (Pools.Any(name.Contains))
                {
                    continue;
                }
                foreach (var reference in item.EnumerateReferences())
                {
                    if (reference.IsValid && seen.Add(reference.Address))
                    {
                        pending.Push(reference);
                    }
                }
            }
            return new Heap(total, byType);
        }

        public IEnumerable<(string Type, long Bytes, long Count)> Minus(Heap before) =>
            ByType.Select(t => (t.Key, t.Value.Bytes - before.ByType.GetValueOrDefault(t.Key).Bytes, t.Value.Count - before.ByType.GetValueOrDefault(t.Key).Count));
    }
}
