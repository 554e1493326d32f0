using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
using Orleans;

namespace Crm.Grains.Segments;

/// <summary>How a segment gets its members: agents add and remove them by hand, or a rule decides for every customer.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<SegmentKind>))]
[GenerateSerializer]
[Alias("crm.SegmentKind")]
public enum SegmentKind
{
    Static,
    Rule,
}
