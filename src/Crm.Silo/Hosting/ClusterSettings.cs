using System.Net;
using System.Net.Sockets;

namespace Crm.Silo.Hosting;

/// <summary>The <c>Cluster</c> configuration section: which cluster this node joins and where its silo listens.</summary>
public sealed class ClusterSettings
{
    public const string SectionName = "Cluster";
    public const string DefaultId = "crm";

    /// <summary>Nodes with the same id and database form one cluster; null means the default, <see cref="DefaultId"/>.</summary>
    public string? Id { get; set; }

    /// <summary>
    /// Names the deployment across restarts and upgrades: reminders and Orleans' own keys are scoped by it, so it stays
    /// the same when the cluster id changes (a blue/green deployment); null means the default, <see cref="DefaultId"/>.
    /// </summary>
    public string? ServiceId { get; set; }

    /// <summary>The address other nodes reach this one at: an IP address or a host name (resolved at start); null means 127.0.0.1.</summary>
    public string? AdvertisedAddress { get; set; }

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

        RequireName(Id, nameof(Id));
        RequireName(ServiceId, nameof(ServiceId));
        if (AdvertisedAddress is not null && string.IsNullOrWhiteSpace(AdvertisedAddress))
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(AdvertisedAddress)} must be an IP address or a host name.");
        }
    }

    /// <summary>
    /// Refuses what only a cluster on PostgreSQL can do: the embedded storage is one node's file, so a cluster id or an
    /// address other nodes would reach this one at would promise a cluster that cannot form.
    /// </summary>
    public void RequireOneNode(string provider)
    {
        if (Id is not null)
        {
            throw new InvalidOperationException(
                $"{SectionName}:{nameof(Id)} is set but Storage:Provider is {provider}, which runs one node; set Storage:Provider=Postgres to form a cluster, or remove {SectionName}:{nameof(Id)}.");
        }

        if (!IPAddress.IsLoopback(ResolveAdvertisedAddress()))
        {
            throw new InvalidOperationException(
                $"{SectionName}:{nameof(AdvertisedAddress)} is '{AdvertisedAddress}' but Storage:Provider is {provider}, which runs one node on this machine; set Storage:Provider=Postgres to form a cluster, or remove {SectionName}:{nameof(AdvertisedAddress)}.");
        }
    }

    public string EffectiveId => Id ?? DefaultId;

    public string EffectiveServiceId => ServiceId ?? DefaultId;

    /// <summary>The advertised address as an IP address: Orleans' membership records addresses, so a host name is looked up once, at start.</summary>
    public IPAddress ResolveAdvertisedAddress()
    {
        if (AdvertisedAddress is null)
        {
            return IPAddress.Loopback;
        }

        if (IPAddress.TryParse(AdvertisedAddress, out var address))
        {
            return address;
        }

        var found = Dns.GetHostAddresses(AdvertisedAddress);
        return found.FirstOrDefault(candidate => candidate.AddressFamily == AddressFamily.InterNetwork)
            ?? found.FirstOrDefault()
            ?? throw new InvalidOperationException($"{SectionName}:{nameof(AdvertisedAddress)} '{AdvertisedAddress}' does not resolve to an address.");
    }

    /// <summary>The configured ports, with each 0 replaced by a free port the OS hands out (both held open at once, so they differ).</summary>
    public (int SiloPort, int GatewayPort) ResolvePorts()
    {
        using var siloListener = Listen(SiloPort);
        using var gatewayListener = Listen(GatewayPort);
        return (siloListener?.Port ?? SiloPort, gatewayListener?.Port ?? GatewayPort);
    }

    private static void RequireName(string? value, string setting)
    {
        if (value is not null && (value.Length is 0 or > 100 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new InvalidOperationException($"{SectionName}:{setting} must be 1 to 100 letters, digits, dots, dashes or underscores.");
        }
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
