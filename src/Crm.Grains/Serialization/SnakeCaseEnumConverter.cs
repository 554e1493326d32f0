using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Grains.Serialization;

/// <summary>Enums travel and are stored as their snake_case names (<c>at_risk</c>, <c>sales_opportunity</c>), never as numbers.</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
