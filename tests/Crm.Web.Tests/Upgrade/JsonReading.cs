using System.Text.Json;

namespace Crm.Web.Tests.Upgrade;

/// <summary>Short reads of API answers, so each assertion names the value it checks rather than how to reach it.</summary>
public static class JsonReading
{
    public static string? Text(this JsonElement element, string property) => element.GetProperty(property).GetString();

    public static string[] Texts(this JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(item => item.GetString()!).ToArray();

    public static int Int(this JsonElement element, string property) => element.GetProperty(property).GetInt32();

    public static decimal Number(this JsonElement element, string property) => element.GetProperty(property).GetDecimal();

    public static DateTimeOffset? Time(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetDateTimeOffset();

    public static bool IsNull(this JsonElement element, string property) => element.GetProperty(property).ValueKind == JsonValueKind.Null;

    public static JsonElement[] Items(this JsonElement element, string property = "items") => element.GetProperty(property).EnumerateArray().ToArray();
}
