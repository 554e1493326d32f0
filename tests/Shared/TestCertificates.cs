using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Crm.Silo.Hosting;

namespace Crm.Testing;

/// <summary>
/// Certificates made for one test (ECDSA keys: quick to generate) and written to files in a folder of its own, the way an
/// operator hands them to a node: PKCS#12 with a password for a node, PEM for an authority.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    public const string Password = "test-password";

    private static readonly OidCollection ServerAndClient = [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")];

    public string Folder { get; } = Directory.CreateTempSubdirectory("crm-tls-").FullName;

    /// <summary>A self-signed node certificate, allowed to serve and to authenticate as a client.</summary>
    public static X509Certificate2 SelfSigned(string subject = "CN=crm-node", DateTimeOffset? notAfter = null, OidCollection? usages = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = NodeRequest(subject, key, usages ?? ServerAndClient);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(30));
    }

    /// <summary>A certificate authority able to sign node certificates.</summary>
    public static X509Certificate2 Authority(string subject = "CN=crm-cluster-ca")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(60));
    }

    /// <summary>A node certificate issued by <paramref name="authority"/>, with its private key.</summary>
    public static X509Certificate2 IssuedBy(X509Certificate2 authority, string subject = "CN=crm-node", DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = NodeRequest(subject, key, ServerAndClient);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(authority, DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(30), serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>Writes a node's certificate with its key as a password-protected .pfx file and returns its path.</summary>
    public string WritePfx(X509Certificate2 certificate, string name, string? password = Password)
    {
        var path = Path.Combine(Folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    /// <summary>Writes the public part of an authority as PEM and returns its path.</summary>
    public string WritePem(X509Certificate2 certificate, string name)
    {
        var path = Path.Combine(Folder, name + ".pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    /// <summary>Settings for a node with its own certificate file, trusting <paramref name="authority"/> if given.</summary>
    public ClusterTlsSettings Node(X509Certificate2 certificate, string name, X509Certificate2? authority = null) => new()
    {
        CertificatePath = WritePfx(certificate, name),
        CertificatePassword = Password,
        CertificateAuthorityPath = authority is null ? null : WritePem(authority, name + "-ca"),
    };

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static CertificateRequest NodeRequest(string subject, ECDsa key, OidCollection usages)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, false));
        return request;
    }
}
