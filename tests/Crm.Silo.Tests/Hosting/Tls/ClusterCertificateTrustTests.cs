using System.Security.Cryptography.X509Certificates;
using Crm.Silo.Hosting;
using Crm.Testing;

namespace Crm.Silo.Tests.Hosting.Tls;

public sealed class ClusterCertificateTrustTests
{
    [Fact]
    public void Without_an_authority_only_the_nodes_own_certificate_is_accepted()
    {
        using var shared = TestCertificates.SelfSigned();
        using var sameBytes = X509CertificateLoader.LoadCertificate(shared.RawData);
        using var sameName = TestCertificates.SelfSigned();
        var trust = new ClusterCertificateTrust(shared, authorities: null);

        Assert.True(trust.Accepts(sameBytes, presented: null));
        Assert.False(trust.Accepts(sameName, presented: null));
    }

    [Fact]
    public void With_an_authority_any_valid_certificate_it_issued_is_accepted_and_no_other()
    {
        using var authority = TestCertificates.Authority();
        using var local = TestCertificates.IssuedBy(authority, "CN=node-1");
        using var peer = TestCertificates.IssuedBy(authority, "CN=node-2");
        using var expiredPeer = TestCertificates.IssuedBy(authority, "CN=node-3", notAfter: DateTimeOffset.UtcNow.AddHours(-1));
        using var otherAuthority = TestCertificates.Authority();
        using var impostor = TestCertificates.IssuedBy(otherAuthority, "CN=node-2");
        using var selfSigned = TestCertificates.SelfSigned("CN=node-2");
        var trust = new ClusterCertificateTrust(local, [X509CertificateLoader.LoadCertificate(authority.RawData)]);

        Assert.True(trust.Accepts(peer, presented: null));
        Assert.False(trust.Accepts(expiredPeer, presented: null));
        Assert.False(trust.Accepts(impostor, presented: null));
        Assert.False(trust.Accepts(selfSigned, presented: null));
    }
}
