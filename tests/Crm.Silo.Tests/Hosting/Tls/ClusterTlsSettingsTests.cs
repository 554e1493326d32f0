using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Crm.Silo.Hosting;
using Crm.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Crm.Silo.Tests.Hosting.Tls;

public sealed class ClusterTlsSettingsTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    [Fact]
    public void The_service_refuses_to_start_with_a_certificate_path_that_is_no_file_naming_the_setting()
    {
        var missing = Path.Combine(_certificates.Folder, "missing.pfx");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Memory",
            ["Cluster:Tls:CertificatePath"] = missing,
        });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddCrmSilo(_ => { }));

        Assert.Equal($"Cluster:Tls:CertificatePath names '{missing}', which is not a file.", error.Message);
    }

    [Fact]
    public void Settings_bound_from_configuration_load_the_certificate_they_name()
    {
        using var certificate = TestCertificates.SelfSigned();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Tls:CertificatePath"] = _certificates.WritePfx(certificate, "node"),
            ["Cluster:Tls:CertificatePassword"] = TestCertificates.Password,
        }).Build();

        var settings = ClusterTlsSettings.FromConfiguration(configuration);

        Assert.True(settings.Enabled);
        Assert.Equal(certificate.Thumbprint, settings.Load().Certificate.Thumbprint);
        Assert.True(settings.Load().Certificate.HasPrivateKey);
    }

    [Fact]
    public void No_setting_or_only_empty_ones_leave_tls_off()
    {
        Assert.False(new ClusterTlsSettings().Enabled);
        Assert.False(new ClusterTlsSettings { CertificatePath = "", CertificatePassword = "", CertificateAuthorityPath = " " }.Enabled);
    }

    [Theory]
    [InlineData("password", "CertificatePassword")]
    [InlineData("authority", "CertificateAuthorityPath")]
    public void A_password_or_an_authority_without_a_certificate_is_refused_naming_both_settings(string given, string setting)
    {
        var settings = given == "password" ? new ClusterTlsSettings { CertificatePassword = "secret" } : new ClusterTlsSettings { CertificateAuthorityPath = "ca.pem" };

        var error = Assert.Throws<InvalidOperationException>(() => settings.Load());

        Assert.True(settings.Enabled);
        Assert.Equal($"Cluster:Tls:CertificatePath is required when Cluster:Tls:{setting} is set.", error.Message);
    }

    [Fact]
    public void A_wrong_password_is_refused_naming_the_password_setting()
    {
        using var certificate = TestCertificates.SelfSigned();
        var settings = new ClusterTlsSettings { CertificatePath = _certificates.WritePfx(certificate, "node"), CertificatePassword = "not-the-password" };

        var error = Assert.Throws<InvalidOperationException>(() => settings.Load());

        Assert.StartsWith($"Cluster:Tls:CertificatePassword does not open '{settings.CertificatePath}'", error.Message);
    }

    [Fact]
    public void A_file_that_is_no_pkcs12_is_refused_naming_the_path_setting()
    {
        using var certificate = TestCertificates.SelfSigned();
        var path = Path.Combine(_certificates.Folder, "node.pfx");
        File.WriteAllText(path, certificate.ExportCertificatePem());

        var error = Assert.Throws<InvalidOperationException>(() => new ClusterTlsSettings { CertificatePath = path }.Load());

        Assert.StartsWith($"Cluster:Tls:CertificatePath '{path}' is not a PKCS#12 (.pfx) file", error.Message);
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_refused()
    {
        using var certificate = TestCertificates.SelfSigned();
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
        var settings = new ClusterTlsSettings { CertificatePath = _certificates.WritePfx(publicOnly, "node"), CertificatePassword = TestCertificates.Password };

        var error = Assert.Throws<InvalidOperationException>(() => settings.Load());

        Assert.StartsWith("Cluster:Tls:CertificatePath holds no private key", error.Message);
    }

    [Fact]
    public void An_expired_certificate_is_refused_with_its_validity()
    {
        using var certificate = TestCertificates.SelfSigned(notAfter: DateTimeOffset.UtcNow.AddHours(-1));

        var error = Assert.Throws<InvalidOperationException>(() => _certificates.Node(certificate, "node").Load());

        Assert.StartsWith("Cluster:Tls:CertificatePath holds a certificate valid from", error.Message);
    }

    [Fact]
    public void A_certificate_only_for_servers_is_refused_since_every_node_is_also_a_client()
    {
        using var certificate = TestCertificates.SelfSigned(usages: [new Oid("1.3.6.1.5.5.7.3.1")]);

        var error = Assert.Throws<InvalidOperationException>(() => _certificates.Node(certificate, "node").Load());

        Assert.StartsWith("Cluster:Tls:CertificatePath holds a certificate whose extended key usage does not allow both server and client authentication", error.Message);
    }

    [Fact]
    public void An_authority_path_that_is_no_file_is_refused_naming_the_setting()
    {
        using var certificate = TestCertificates.SelfSigned();
        var settings = _certificates.Node(certificate, "node");
        settings.CertificateAuthorityPath = Path.Combine(_certificates.Folder, "missing-ca.pem");

        var error = Assert.Throws<InvalidOperationException>(() => settings.Load());

        Assert.Equal($"Cluster:Tls:CertificateAuthorityPath names '{settings.CertificateAuthorityPath}', which is not a file.", error.Message);
    }

    [Fact]
    public void A_certificate_the_configured_authority_did_not_issue_is_refused_at_start()
    {
        using var authority = TestCertificates.Authority();
        using var otherAuthority = TestCertificates.Authority();
        using var certificate = TestCertificates.IssuedBy(otherAuthority);

        var error = Assert.Throws<InvalidOperationException>(() => _certificates.Node(certificate, "node", authority).Load());

        Assert.StartsWith("Cluster:Tls:CertificatePath holds a certificate not issued by Cluster:Tls:CertificateAuthorityPath", error.Message);
    }

    [Fact]
    public void An_authority_given_as_der_is_read_as_well_as_pem()
    {
        using var authority = TestCertificates.Authority();
        using var certificate = TestCertificates.IssuedBy(authority);
        var settings = _certificates.Node(certificate, "node");
        settings.CertificateAuthorityPath = Path.Combine(_certificates.Folder, "ca.cer");
        File.WriteAllBytes(settings.CertificateAuthorityPath, authority.RawData);

        Assert.Equal(certificate.Thumbprint, settings.Load().Certificate.Thumbprint);
    }

    public void Dispose() => _certificates.Dispose();
}
