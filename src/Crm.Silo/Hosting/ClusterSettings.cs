using System.Net;
using System.Net.Sockets;

namespace Crm.Silo.Hosting;

/// <summary>The <c>Cluster</c> configuration section: where this node's silo listens.</summary>
public sealed class ClusterSettings
{
    public const string SectionName = "Cluster";

    /// <summary>Silo-to-silo port; 0 picks a free one at start (several services in one process, tests).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port of the gateway external Orleans clients connect to; 0 picks a free one at start.</summary>
    public int GatewayPort { get; set; } = 30000;

    public void Validate()
    {
        Require(SiloPort is >= 0 and <= IPEndPoint.MaxPort, nameof(SiloPort));
        Require(GatewayPort is >= 0 and <= IPEndPoint.MaxPort, nameof(GatewayPort));
        if (SiloPort != 0 && SiloPort == GatewayPort)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(GatewayPort)} must differ from {SectionName}:{nameof(SiloPort)}.");
        }
    }

    /// <summary>The configured port, or a free one the OS hands out when it is 0.</summary>
    internal static int Resolve(int port)
    {
        if (port != 0)
        {
            return port;
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Require(bool valid, string setting)
    {
        if (!valid)
        {
            throw new InvalidOperationException($"{SectionName}:{setting} must be a port number from 0 to {IPEndPoint.MaxPort}.");
        }
    }
}
