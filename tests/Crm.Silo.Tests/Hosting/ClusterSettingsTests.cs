using System.Net;
using System.Net.Sockets;
using Crm.Silo.Hosting;

namespace Crm.Silo.Tests.Hosting;

public sealed class ClusterSettingsTests
{
    [Theory]
    [InlineData(-1, 30000, "SiloPort")]
    [InlineData(65536, 30000, "SiloPort")]
    [InlineData(11111, -1, "GatewayPort")]
    [InlineData(11111, 65536, "GatewayPort")]
    public void A_port_outside_0_to_65535_is_refused_naming_the_setting(int siloPort, int gatewayPort, string setting)
    {
        var settings = new ClusterSettings { SiloPort = siloPort, GatewayPort = gatewayPort };

        var error = Assert.Throws<InvalidOperationException>(settings.Validate);

        Assert.Equal($"Cluster:{setting} must be a port number from 0 to 65535.", error.Message);
    }

    [Fact]
    public void One_port_for_both_silo_and_gateway_is_refused_naming_both_settings()
    {
        var settings = new ClusterSettings { SiloPort = 20000, GatewayPort = 20000 };

        var error = Assert.Throws<InvalidOperationException>(settings.Validate);

        Assert.Equal("Cluster:GatewayPort must differ from Cluster:SiloPort.", error.Message);
    }

    [Theory]
    [InlineData(11111, 30000)]
    [InlineData(0, 0)]
    [InlineData(0, 30000)]
    [InlineData(65535, 0)]
    public void Ports_in_range_are_accepted_and_0_may_stand_for_both(int siloPort, int gatewayPort)
    {
        new ClusterSettings { SiloPort = siloPort, GatewayPort = gatewayPort }.Validate();
    }

    [Fact]
    public void Configured_ports_are_used_as_they_are()
    {
        Assert.Equal((11111, 30000), new ClusterSettings { SiloPort = 11111, GatewayPort = 30000 }.ResolvePorts());
    }

    [Fact]
    public void Ports_0_resolve_to_two_different_free_ports_that_can_be_listened_on()
    {
        var (siloPort, gatewayPort) = new ClusterSettings { SiloPort = 0, GatewayPort = 0 }.ResolvePorts();

        Assert.NotEqual(siloPort, gatewayPort);
        using var silo = new TcpListener(IPAddress.Loopback, siloPort);
        using var gateway = new TcpListener(IPAddress.Loopback, gatewayPort);
        silo.Start();
        gateway.Start();
    }
}
