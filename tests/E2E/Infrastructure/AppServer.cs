using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace FrontDesk.Tests.E2E.Infrastructure;

/// <summary>
/// The real Front Desk Live app in a process of its own, as a clinic would run it: started
/// with <c>dotnet FrontDesk.Dashboard.dll</c> from the Dashboard build output, as Development
/// (static web assets are served from the build's manifest then), on 127.0.0.1 and a free
/// port, with its own SQLite file. <see cref="StopAsync"/> kills the process tree by PID;
/// <see cref="StartAsync"/> brings it back on the same port and the same file, so a test can
/// prove that open screens survive a server restart.
/// </summary>
public class AppServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly StringBuilder _log = new();
    private readonly Lock _logGate = new();
    private Process? _process;

    public AppServer()
    {
        // Should the test run end without disposing its fixtures (Ctrl+C, a crash), the
        // server must not outlive it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillQuietly(_process);
        Directory = Path.Combine(Path.GetTempPath(), "frontdesk-e2e", Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        DatabasePath = Path.Combine(Directory, "dashboard.db");
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
    }

    /// <summary>Seeds the clinic's demo data (random appointments around today) at first start.</summary>
    public bool DemoData { get; init; }

    /// <summary>Temp folder of this server: its database and log.</summary>
    public string Directory { get; }

    public string DatabasePath { get; }

    public string ConnectionString => $"Data Source={DatabasePath}";

    public int Port { get; }

    public Uri BaseAddress { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Everything the server wrote to stdout and stderr so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (_logGate)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>An HTTP client for the app's API, sending the tests' configured key (<see cref="E2EStaff.ApiKey"/>).</summary>
    public HttpClient CreateClient()
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", E2EStaff.ApiKey);
        return http;
    }

    /// <summary>Runs once before the first start, with the database file not yet opened by the app.</summary>
    protected virtual Task BeforeFirstStartAsync() => Task.CompletedTask;

    /// <summary>The business's time zone the app runs in; null keeps the app's own setting.</summary>
    protected virtual string? BusinessTimeZone => null;

    /// <summary>False for a new installation whose owner is made on screen (the setup's "Your account" step), not by configuration.</summary>
    protected virtual bool BootstrapOwner => true;

    /// <summary>More configuration for the app, as "Section:Key" and value (e.g. a shorter pause for hidden tabs).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        await BeforeFirstStartAsync();
        await StartAsync();
    }

    public async Task StartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The server is already running.");
        }
        var (projectDirectory, assembly) = DashboardBuild();
        // setsid (util-linux) gives the server a session and process group of its own and then
        // execs dotnet in the same PID: a signal meant for the test run's process group does
        // not reach the server, which is stopped only by Stop (or the ProcessExit hook below).
        var setsid = File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : null;
        var info = new ProcessStartInfo(setsid ?? "dotnet")
        {
            WorkingDirectory = projectDirectory, // the content root: appsettings*.json, wwwroot
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (setsid is not null)
        {
            info.ArgumentList.Add("dotnet");
        }
        info.ArgumentList.Add(assembly);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        info.Environment["ConnectionStrings__Dashboard"] = ConnectionString;
        info.Environment["DemoData__Enabled"] = DemoData ? "true" : "false";
        if (BusinessTimeZone is { } zone)
        {
            info.Environment["Business__TimeZone"] = zone;
        }
        foreach (var (key, value) in E2EStaff.Configuration().Where(s => BootstrapOwner || !s.Key.StartsWith("Bootstrap:Owner", StringComparison.Ordinal)).Concat(Settings))
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        Append($"--- starting: dotnet {assembly} (cwd {projectDirectory}) on {BaseAddress}");
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Exited += (_, _) => Append($"--- process exited (code {SafeExitCode(process)})");
        if (!process.Start())
        {
            throw new InvalidOperationException("dotnet could not be started.");
        }
        Append($"--- pid {process.Id}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilAnsweringAsync(process);
    }

    /// <summary>
    /// Asks the server to stop as a service manager does (SIGTERM): it runs its shutdown (tells
    /// open screens, drains requests) and exits by itself; waits until it has.
    /// </summary>
    public async Task TerminateAsync()
    {
        var process = _process ?? throw new InvalidOperationException("The server is not running.");
        if (SendSignal(process.Id, 15) != 0)
        {
            throw new InvalidOperationException($"SIGTERM could not be sent to {process.Id}.");
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Append($"--- terminated (pid {process.Id}, code {SafeExitCode(process)})");
        _process = null;
        process.Dispose();
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>Kills the server (the whole process tree) and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            Append($"--- stopped (pid {process.Id})");
        }
        finally
        {
            process.Dispose();
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        SaveLog();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a dying process: the temp folder is cleaned by the OS
        }
        GC.SuppressFinalize(this);
    }

    private async Task WaitUntilAnsweringAsync(Process process)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before answering HTTP.\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync("health/ready"); // database reachable, migrations applied, live feed running
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        await StopAsync();
        throw new TimeoutException($"The app did not answer on {BaseAddress} within {StartTimeout.TotalSeconds} s.\n{Log}");
    }

    private static void KillQuietly(Process? process)
    {
        try
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // already gone
        }
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_logGate)
        {
            _log.AppendLine(line);
        }
    }

    private void SaveLog()
    {
        try
        {
            var folder = Path.Combine(Artifacts.Root, "server-logs");
            System.IO.Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"{GetType().Name}-{Port}.log"), Log);
        }
        catch (IOException)
        {
            // the log is a convenience
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The Dashboard project folder and the FrontDesk.Dashboard.dll built with this test project
    /// (same configuration); E2E.csproj records both at build time.
    /// </summary>
    private static (string ProjectDirectory, string Assembly) DashboardBuild()
    {
        var metadata = typeof(AppServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var project = Path.GetFullPath(metadata["DashboardProjectDirectory"] ?? throw new InvalidOperationException("DashboardProjectDirectory not recorded."));
        var assembly = Path.GetFullPath(metadata["DashboardAssembly"] ?? throw new InvalidOperationException("DashboardAssembly not recorded."));
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"The Dashboard build output is missing: {assembly}. Build the solution first (dotnet build Dashboard.sln).", assembly);
        }
        return (project, assembly);
    }
}
