using System.Security.Cryptography.X509Certificates;

namespace Crm.Silo.Hosting;

/// <summary>
/// This node's certificate and whom it trusts: with authorities, any certificate they issued (and still valid);
/// without, only the node's own certificate, the one every node of the cluster then shares.
/// </summary>
public sealed class ClusterCertificateTrust(X509Certificate2 certificate, X509Certificate2Collection? authorities)
{
    public X509Certificate2 Certificate { get; } = certificate;

    /// <summary>
    /// Whether a remote node's certificate is one of ours. Host names are not compared: nodes reach each other by the
    /// addresses they advertise, which change with every deployment, so the certificate's issuer is the identity.
    /// </summary>
    public bool Accepts(X509Certificate2 remote, X509Chain? presented)
    {
        if (authorities is null)
        {
            return remote.RawDataMemory.Span.SequenceEqual(Certificate.RawDataMemory.Span);
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        // A cluster's private authority publishes no revocation lists; a node is removed by replacing the authority.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        foreach (var element in presented?.ChainElements.Skip(1) ?? [])
        {
            chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        }

        return chain.Build(remote);
    }
}
