using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace Crm.Silo.Hosting;

/// <summary>
/// The <c>Cluster:Tls</c> configuration section: TLS on silo-to-silo and gateway connections. Off unless
/// <see cref="CertificatePath"/> is set; checked at start, naming the setting that is wrong.
/// </summary>
public sealed class ClusterTlsSettings
{
    public const string SectionName = "Cluster:Tls";

    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>This node's certificate with its private key, a PKCS#12 (.pfx) file; it serves and it authenticates this node.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>; unset for a file without one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// The certificate authority (or authorities: PEM, several in one file, or one DER certificate) that issues the nodes'
    /// certificates. Unset: every node must present the very certificate this node has.
    /// </summary>
    public string? CertificateAuthorityPath { get; set; }

    /// <summary>Whether any of the section's settings is given: TLS is then on, and the certificate required.</summary>
    public bool Enabled => new[] { CertificatePath, CertificatePassword, CertificateAuthorityPath }.Any(value => !string.IsNullOrWhiteSpace(value));

    public static ClusterTlsSettings FromConfiguration(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<ClusterTlsSettings>() ?? new ClusterTlsSettings();

    /// <summary>Loads the certificate and the authorities, refusing what no peer would accept, with the setting to fix.</summary>
    public ClusterCertificateTrust Load()
    {
        if (string.IsNullOrWhiteSpace(CertificatePath))
        {
            throw new InvalidOperationException(
                $"{SectionName}:{nameof(CertificatePath)} is required when {SectionName}:{(string.IsNullOrWhiteSpace(CertificatePassword) ? nameof(CertificateAuthorityPath) : nameof(CertificatePassword))} is set.");
        }

        var certificate = LoadCertificate(CertificatePath);
        var now = DateTime.Now;
        if (now < certificate.NotBefore || now > certificate.NotAfter)
        {
            throw Refused(nameof(CertificatePath), $"holds a certificate valid from {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u} only");
        }

        if (!certificate.HasPrivateKey)
        {
            throw Refused(nameof(CertificatePath), "holds no private key: a node must prove it owns its certificate");
        }

        if (certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().SingleOrDefault() is { } usage
            && !(Allows(usage, ServerAuthentication) && Allows(usage, ClientAuthentication)))
        {
            throw Refused(nameof(CertificatePath), "holds a certificate whose extended key usage does not allow both server and client authentication: every node is both");
        }

        if (string.IsNullOrWhiteSpace(CertificateAuthorityPath))
        {
            return new ClusterCertificateTrust(certificate, authorities: null);
        }

        var trust = new ClusterCertificateTrust(certificate, LoadAuthorities(CertificateAuthorityPath));
        if (!trust.Accepts(certificate, presented: null))
        {
            throw new InvalidOperationException(
                $"{SectionName}:{nameof(CertificatePath)} holds a certificate not issued by {SectionName}:{nameof(CertificateAuthorityPath)} (or expired in its chain): the other nodes would refuse this one.");
        }

        return trust;
    }

    private X509Certificate2 LoadCertificate(string path)
    {
        RequireFile(nameof(CertificatePath), path);
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(CertificatePassword) ? null : CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException error)
        {
            // A PKCS#12 file that does not open is nearly always a wrong password; anything else is the wrong kind of file.
            throw X509Certificate2.GetCertContentType(path) == X509ContentType.Pkcs12
                ? Refused(nameof(CertificatePassword), $"does not open '{path}' ({error.Message})")
                : Refused(nameof(CertificatePath), $"'{path}' is not a PKCS#12 (.pfx) file with a certificate and its key ({error.Message})");
        }
    }

    private static X509Certificate2Collection LoadAuthorities(string path)
    {
        RequireFile(nameof(CertificateAuthorityPath), path);
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(path);
            if (authorities.Count == 0)
            {
                authorities.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }
        }
        catch (CryptographicException error)
        {
            throw Refused(nameof(CertificateAuthorityPath), $"'{path}' holds no certificate in PEM or DER form ({error.Message})");
        }

        return authorities;
    }

    private static bool Allows(X509EnhancedKeyUsageExtension usage, string purpose) =>
        usage.EnhancedKeyUsages.Cast<Oid>().Any(oid => oid.Value == purpose);

    private static void RequireFile(string setting, string path)
    {
        if (!File.Exists(path))
        {
            throw Refused(setting, $"names '{path}', which is not a file");
        }
    }

    private static InvalidOperationException Refused(string setting, string rule) => new($"{SectionName}:{setting} {rule}.");
}
