using System.Net;
using System.Net.Sockets;

namespace Digest.Tests.TestSupport;

/// <summary>Loopback ports nobody listens on right now, for the servers the tests start.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
