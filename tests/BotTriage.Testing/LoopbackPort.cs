using System.Net;
using System.Net.Sockets;

namespace BotTriage.Testing;

/// <summary>Ports on the loopback address.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on at the moment of asking.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
