using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Orleans;

namespace Crm.Grains.Customers;

/// <summary>
/// The last event ids a customer applied before applied ids moved to the ledger, as the 64-bit digests (SHA-256, first 8
/// bytes) customers kept then. A retry of one of those events is still recognised for one window after the upgrade;
/// then the digests are dropped, so no new event is compared against a short digest after that.
/// </summary>
[GenerateSerializer]
[Alias("crm.LegacyEventDigests")]
public sealed class LegacyEventDigests
{
    [NonSerialized]
    private readonly HashSet<ulong> _members = [];

    /// <summary>The digests as stored (base64 in JSON).</summary>
    [Id(0)]
    public byte[] Digests
    {
        get
        {
            var bytes = new byte[_members.Count * sizeof(ulong)];
            var offset = 0;
            foreach (var digest in _members)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(offset), digest);
                offset += sizeof(ulong);
            }

            return bytes;
        }
        set
        {
            _members.Clear();
            for (var offset = 0; offset + sizeof(ulong) <= value.Length; offset += sizeof(ulong))
            {
                _members.Add(BinaryPrimitives.ReadUInt64LittleEndian(value.AsSpan(offset)));
            }
        }
    }

    /// <summary>When the digests are dropped: one window after the customer first applied an event with the ledger.</summary>
    [Id(1)]
    public DateTimeOffset? KeptUntil { get; set; }

    [JsonIgnore]
    public bool IsEmpty => _members.Count == 0;

    public bool Contains(string eventId) => _members.Count > 0 && _members.Contains(DigestOf(eventId));

    /// <summary>Starts the countdown at the first use after the upgrade, and drops the digests once it has run out.</summary>
    public void Age(DateTimeOffset now, TimeSpan window)
    {
        if (_members.Count == 0)
        {
            KeptUntil = null;
        }
        else if (KeptUntil is null)
        {
            KeptUntil = now + window;
        }
        else if (now >= KeptUntil)
        {
            _members.Clear();
            KeptUntil = null;
        }
    }

    /// <summary>A merge keeps the duplicate's digests too, until the later of the two countdowns.</summary>
    public void Absorb(LegacyEventDigests other)
    {
        _members.UnionWith(other._members);
        KeptUntil = (KeptUntil, other.KeptUntil) switch
        {
            (null, var theirs) => theirs,
            (var mine, null) => mine,
            var (mine, theirs) => mine > theirs ? mine : theirs,
        };
    }

    private static ulong DigestOf(string eventId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(eventId), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }
}
