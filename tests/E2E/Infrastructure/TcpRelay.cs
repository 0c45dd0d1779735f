using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace FrontDesk.Tests.E2E.Infrastructure;

/// <summary>
/// A cable a test can pull: a TCP relay on 127.0.0.1 in front of the app. A browser pointed at
/// <see cref="BaseAddress"/> reaches the app through it; <see cref="Cut"/> resets every open
/// connection (the page's WebSocket among them) and refuses new ones until <see cref="Restore"/>,
/// while the server itself keeps running with the circuit. Chromium's offline emulation
/// (<c>SetOfflineAsync</c>) cannot stand in for this: it leaves an open WebSocket connected.
/// With a <c>latency</c>, every byte is delivered that long after it arrived, in each direction
/// (a slow network; DevTools' latency emulation does not delay WebSocket frames).
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<Socket> _open = [];
    private readonly Task _accepting;
    private bool _cut;

    private readonly TimeSpan _latency;

    public TcpRelay(int targetPort, TimeSpan latency = default)
    {
        _targetPort = targetPort;
        _latency = latency;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>Resets all connections and refuses new ones.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _cut = true;
            foreach (var socket in _open)
            {
                Reset(socket);
            }
            _open.Clear();
        }
    }

    public void Restore()
    {
        lock (_gate)
        {
            _cut = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Cut();
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptSocketAsync(_stop.Token);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            lock (_gate)
            {
                if (_cut)
                {
                    Reset(client);
                    server.Dispose();
                    return;
                }
                _open.Add(client);
                _open.Add(server);
            }
            await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // cut, or one side went away
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(client);
                _open.Remove(server);
            }
            Reset(client);
            Reset(server);
        }
    }

    private Task PumpAsync(Socket from, Socket to) => _latency <= TimeSpan.Zero ? CopyAsync(from, to) : DelayedCopyAsync(from, to);

    private async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // cut, or one side went away
        }
    }

    /// <summary>Reads as fast as data comes and sends each chunk <see cref="_latency"/> after it arrived, in order.</summary>
    private async Task DelayedCopyAsync(Socket from, Socket to)
    {
        var inFlight = Channel.CreateUnbounded<(long ArrivedAt, byte[] Bytes)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var sending = Task.Run(async () =>
        {
            try
            {
                await foreach (var (arrivedAt, bytes) in inFlight.Reader.ReadAllAsync(_stop.Token))
                {
                    var wait = _latency - Stopwatch.GetElapsedTime(arrivedAt);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _stop.Token);
                    }
                    await to.SendAsync(bytes, SocketFlags.None, _stop.Token);
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // cut, or one side went away
            }
        });
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
            {
                inFlight.Writer.TryWrite((Stopwatch.GetTimestamp(), buffer.AsSpan(0, read).ToArray()));
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // cut, or one side went away
        }
        inFlight.Writer.TryComplete();
        await sending;
    }

    /// <summary>Closes with RST, as a dropped network does to a browser, not a polite FIN.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // already closed
        }
    }
}
