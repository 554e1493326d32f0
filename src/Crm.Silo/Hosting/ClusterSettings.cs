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

    /// <summary>Free ports for both, picked at start: for silos started by tools and tests beside others.</summary>
    public static ClusterSettings AnyFreePorts => new() { SiloPort = 0, GatewayPort = 0 };

    public void Validate()
    {
        Require(SiloPort is >= 0 and <= IPEndPoint.MaxPort, nameof(SiloPort));
        Require(GatewayPort is >= 0 and <= IPEndPoint.MaxPort, nameof(GatewayPort));
        if (SiloPort != 0 && SiloPort == GatewayPort)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(GatewayPort)} must differ from {SectionName}:{nameof(SiloPort)}.");
        }
    }

    /// <summary>The configured ports, with each 0 replaced by a free port the OS hands out (both held open at once, so they differ).</summary>
    public (int SiloPort, int GatewayPort) ResolvePorts()
    {
        using var siloListener = Listen(SiloPort);
        using var gatewayListener = Listen(GatewayPort);
        return (siloListener?.Port ?? SiloPort, gatewayListener?.Port ?? GatewayPort);
    }

    private static FreePort? Listen(int port) => port == 0 ? new FreePort() : null;

    private static void Require(bool valid, string setting)
    {
        if (!valid)
        {
            throw new InvalidOperationException($"{SectionName}:{setting} must be a port number from 0 to {IPEndPoint.MaxPort}.");
        }
    }

    private sealed class FreePort : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public FreePort() => _listener.Start();

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public void Dispose() => _listener.Stop();
    }
}
