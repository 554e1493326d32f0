using System.Security.Cryptography;
using System.Text;

namespace Crm.Grains.Access;

/// <summary>Secrets are 256 random bits, so a plain SHA-256 digest is enough to store them: there is nothing to guess.</summary>
public static class ApiKeySecrets
{
    public const string Prefix = "crm_";

    public static string NewSecret() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewKeyId() => "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
