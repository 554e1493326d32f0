using Crm.Silo.Hosting;
using Crm.Testing;

namespace Crm.Silo.Tests.Hosting.Tls;

/// <summary>
/// Silos with <c>Cluster:Tls</c> form a cluster and call each other; a silo whose certificate the cluster does not trust
/// can neither join nor be reached. Each case shows both halves, so a TLS layer that let everything through fails it.
/// </summary>
public sealed class TlsClusterTests
{
    [Fact]
    public async Task Silos_sharing_one_certificate_form_a_cluster_that_a_silo_with_another_certificate_cannot_join()
    {
        using var certificates = new TestCertificates();
        using var shared = TestCertificates.SelfSigned();
        // Same subject, same password, different key: only the certificate itself tells them apart.
        using var impostor = TestCertificates.SelfSigned();
        await using var cluster = await TlsCluster.StartAsync(certificates.Node(shared, "node-a"), certificates.Node(shared, "node-b"));

        await AssertCallCrossesAsync(cluster);
        await AssertCannotJoinAsync(cluster, certificates.Node(impostor, "impostor"));
    }

    [Fact]
    public async Task Silos_with_certificates_from_one_authority_form_a_cluster_that_a_silo_from_another_authority_cannot_join()
    {
        using var certificates = new TestCertificates();
        using var authority = TestCertificates.Authority();
        using var first = TestCertificates.IssuedBy(authority, "CN=crm-node-1");
        using var second = TestCertificates.IssuedBy(authority, "CN=crm-node-2");
        // An authority with the same name as the cluster's, issuing a certificate with a node's name.
        using var otherAuthority = TestCertificates.Authority();
        using var impostor = TestCertificates.IssuedBy(otherAuthority, "CN=crm-node-1");
        await using var cluster = await TlsCluster.StartAsync(
            certificates.Node(first, "node-1", authority),
            certificates.Node(second, "node-2", authority));

        await AssertCallCrossesAsync(cluster);
        await AssertCannotJoinAsync(cluster, certificates.Node(impostor, "impostor", otherAuthority));
    }

    private static async Task AssertCallCrossesAsync(TlsCluster cluster)
    {
        Assert.Equal(2, (await cluster.ActiveSilosSeenBy(0)).Length);

        // Activated on silo 1 by its first call there, then called through silo 0: the call crosses between silos.
        Assert.Equal($"hello from {cluster.AddressOf(1)}", await cluster.GrainsOn(1).GetGrain<IWhereGrain>("crossing").Echo("hello"));
        Assert.Equal($"again from {cluster.AddressOf(1)}", await cluster.GrainsOn(0).GetGrain<IWhereGrain>("crossing").Echo("again"));
    }

    private static async Task AssertCannotJoinAsync(TlsCluster cluster, ClusterTlsSettings intruder)
    {
        await Assert.ThrowsAnyAsync<Exception>(() => cluster.JoinAsync(intruder));

        // Refused at the TLS handshake, not for any other reason: the intruder's own layer saw its connections fail.
        Assert.Contains(cluster.ConnectionLogOf(2), entry => entry.Contains("Authentication failed", StringComparison.Ordinal));
        var active = await cluster.ActiveSilosSeenBy(0);
        Assert.Equal(new[] { cluster.AddressOf(0), cluster.AddressOf(1) }.Select(silo => silo.ToString()).Order(), active.Select(silo => silo.ToString()).Order());
        Assert.Equal($"still from {cluster.AddressOf(1)}", await cluster.GrainsOn(0).GetGrain<IWhereGrain>("crossing").Echo("still"));
    }
}
