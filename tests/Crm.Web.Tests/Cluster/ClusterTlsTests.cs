using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Crm.Silo.Hosting;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Crm.Web.Tests.Cluster;

/// <summary>The service's <c>Cluster:Tls</c> settings on real sockets: the silo port speaks TLS and talks only to certificates the cluster trusts.</summary>
public sealed class ClusterTlsTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly TestCertificates _certificates = new();

    [Fact]
    public async Task The_silo_port_presents_the_nodes_certificate_and_talks_only_to_a_certificate_the_cluster_trusts()
    {
        using var authority = TestCertificates.Authority();
        using var nodeCertificate = TestCertificates.IssuedBy(authority, "CN=crm-1");
        using var member = TestCertificates.IssuedBy(authority, "CN=crm-2");
        using var otherAuthority = TestCertificates.Authority();
        using var impostor = TestCertificates.IssuedBy(otherAuthority, "CN=crm-2");
        await using var node = await RunningService.StartOnPostgresAsync(
            postgres.ConnectionString, [$"--Cluster:Id=tls-{Guid.NewGuid():N}", .. Settings(_certificates.Node(nodeCertificate, "crm-1", authority))]);
        var silo = node.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Endpoint;

        var welcomed = await ConnectAsync(silo, member);
        var refused = await ConnectAsync(silo, impostor);
        var anonymous = await ConnectAsync(silo, clientCertificate: null);

        Assert.Equal(nodeCertificate.GetCertHashString(), welcomed.ServerCertificate);
        Assert.True(welcomed.FirstRead > 0, "the silo said nothing to a certificate its authority issued");
        Assert.Equal(0, refused.FirstRead);
        Assert.Equal(0, anonymous.FirstRead);
    }

    public void Dispose() => _certificates.Dispose();

    private static string[] Settings(ClusterTlsSettings tls) =>
    [
        $"--Cluster:Tls:CertificatePath={tls.CertificatePath}",
        $"--Cluster:Tls:CertificatePassword={tls.CertificatePassword}",
        $"--Cluster:Tls:CertificateAuthorityPath={tls.CertificateAuthorityPath}",
    ];

    /// <summary>
    /// Connects to the silo port with TLS, presenting <paramref name="clientCertificate"/>, and reads what the silo sends
    /// first: a silo that accepts the certificate starts speaking Orleans at once; one that refuses it closes the
    /// connection without a word (0 bytes), during the handshake or right after it (.NET judges the client's certificate
    /// once its side of the handshake is done).
    /// </summary>
    private static async Task<(string? ServerCertificate, int FirstRead)> ConnectAsync(IPEndPoint silo, X509Certificate2? clientCertificate)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(silo);
        string? serverCertificate = null;
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, certificate, _, _) =>
        {
            serverCertificate = certificate?.GetCertHashString();
            return true;
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "crm-node",
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            }, timeout.Token);
            return (serverCertificate, await tls.ReadAsync(new byte[256], timeout.Token));
        }
        catch (IOException)
        {
            return (serverCertificate, 0);
        }
    }
}
