using Orleans.Connections.Security;
using Orleans.Hosting;

namespace Crm.Silo.Hosting;

public static class ClusterTlsHosting
{
    /// <summary>
    /// Encrypts silo-to-silo and gateway connections with TLS when <paramref name="settings"/> name a certificate:
    /// both ends of every connection present a certificate, and each accepts only one the cluster trusts
    /// (<see cref="ClusterCertificateTrust"/>). With none of the settings given, connections stay plain.
    /// </summary>
    public static ISiloBuilder UseClusterTls(this ISiloBuilder orleans, ClusterTlsSettings settings)
    {
        if (!settings.Enabled)
        {
            return orleans;
        }

        var trust = settings.Load();
        return orleans.UseTls(trust.Certificate, tls =>
        {
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            // The platform's verdict is ignored on purpose: it wants a public root and a host name; ours is the issuer.
            tls.RemoteCertificateValidation = (remote, chain, _) => trust.Accepts(remote, chain);
        });
    }
}
