using System.Net;
using System.Net.Sockets;

namespace Digest.Tests.Storage;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of one emulator port that can play an outage: while down it accepts each
/// connection and resets it at once (as a restarting service does), counting the attempts; once up it relays bytes
/// both ways. The test decides when the outage ends by what the client did (its attempts), never by the clock.
/// </summary>
internal sealed class OutageProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int target;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<TcpClient> open = [];
    private readonly Task accepting;
    private volatile bool down;
    private int refused;
    private TaskCompletionSource<int> refusedEnough = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int waitingFor = int.MaxValue;

    public OutageProxy(int targetPort)
    {
        target = targetPort;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Connections refused since the outage began.</summary>
    public int Refused => Volatile.Read(ref refused);

    /// <summary>Starts an outage: open connections are cut, new ones are reset.</summary>
    public void GoDown()
    {
        down = true;
        lock (open)
        {
            foreach (var client in open)
            {
                Reset(client);
            }

            open.Clear();
        }
    }

    /// <summary>Completes once <paramref name="attempts"/> connections were refused during the outage.</summary>
    public Task WhenRefusedAsync(int attempts)
    {
        lock (open)
        {
            waitingFor = attempts;
            refusedEnough = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (refused >= attempts)
            {
                refusedEnough.TrySetResult(refused);
            }

            return refusedEnough.Task;
        }
    }

    public void ComeBack() => down = false;

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }

            if (down)
            {
                Reset(client);
                lock (open)
                {
                    if (++refused >= waitingFor)
                    {
                        refusedEnough.TrySetResult(refused);
                    }
                }

                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        lock (open)
        {
            open.Add(client);
        }

        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, target, stopping.Token);
            var inbound = client.GetStream().CopyToAsync(upstream.GetStream(), stopping.Token);
            var outbound = upstream.GetStream().CopyToAsync(client.GetStream(), stopping.Token);
            await Task.WhenAny(inbound, outbound);
        }
        catch (Exception failure) when (failure is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A cut connection: the client sees it and retries.
        }
        finally
        {
            lock (open)
            {
                open.Remove(client);
            }

            client.Dispose();
        }
    }

    /// <summary>Closes the connection with a reset (RST), as a service that went away does.</summary>
    private static void Reset(TcpClient client)
    {
        try
        {
            if (client.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
        }
        catch (Exception gone) when (gone is ObjectDisposedException or SocketException)
        {
            // Closed already.
        }

        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        GoDown();
        stopping.Dispose();
    }
}
