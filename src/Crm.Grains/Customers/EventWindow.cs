using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Orleans;

namespace Crm.Grains.Customers;

/// <summary>
/// The most recent event ids a customer applied, kept as 64-bit digests (SHA-256, first 8 bytes) in stored order so the
/// window costs 8 bytes an event in the grain's state rather than the id's length. A retry within the window is
/// recognised; one older than it counts again, which is why the window is far larger than any adapter's retry burst.
/// </summary>
[GenerateSerializer]
[Alias("crm.EventWindow")]
public sealed class EventWindow
{
    public const int Capacity = 256;

    /// <summary>A merge unites two windows rather than cutting either, up to this many ids.</summary>
    public const int MergedCapacity = 4 * Capacity;

    /// <summary>Rebuilt from <see cref="Digests"/>, the only member stored or sent.</summary>
    [NonSerialized]
    private readonly List<ulong> _order = [];

    [NonSerialized]
    private readonly HashSet<ulong> _members = [];

    [NonSerialized]
    private int _capacity = Capacity;

    /// <summary>The digests, oldest first, as stored (base64 in JSON).</summary>
    [Id(0)]
    public byte[] Digests
    {
        get
        {
            var bytes = new byte[_order.Count * sizeof(ulong)];
            for (var i = 0; i < _order.Count; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), _order[i]);
            }

            return bytes;
        }
        set
        {
            _order.Clear();
            _members.Clear();
            for (var offset = 0; offset + sizeof(ulong) <= value.Length; offset += sizeof(ulong))
            {
                var digest = BinaryPrimitives.ReadUInt64LittleEndian(value.AsSpan(offset));
                _order.Add(digest);
                _members.Add(digest);
            }

            _capacity = Math.Max(Capacity, _order.Count);
        }
    }

    [JsonIgnore]
    public int Count => _order.Count;

    public bool Contains(string eventId) => Contains(DigestOf(eventId));

    public bool Contains(ulong digest) => _members.Contains(digest);

    public void Add(string eventId) => Add(DigestOf(eventId));

    public void Add(ulong digest)
    {
        if (!_members.Add(digest))
        {
            return;
        }

        _order.Add(digest);
        while (_order.Count > _capacity)
        {
            _members.Remove(_order[0]);
            _order.RemoveAt(0);
        }
    }

    /// <summary>
    /// Takes in another window (a merged duplicate's) after this one's ids, so that when the union must be cut it is this
    /// window's oldest ids that go: the duplicate's identities now lead here, and its adapters' retries are the ones in flight.
    /// </summary>
    public void Absorb(EventWindow other)
    {
        var united = _order.Concat(other._order).Distinct().TakeLast(MergedCapacity).ToArray();
        _order.Clear();
        _order.AddRange(united);
        _members.Clear();
        _members.UnionWith(united);
        _capacity = Math.Max(Capacity, _order.Count);
    }

    /// <summary>The digest the window keeps for an event id; computed once per event by callers that both look and add.</summary>
    public static ulong DigestOf(string eventId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(eventId), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }
}
