using System.Net;
using System.Net.Sockets;

namespace BsgFunds.TestSupport;

public static class Ports
{
    /// <summary>A loopback port nothing listens on right now, chosen by the system.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
