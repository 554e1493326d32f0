namespace Crm.Web.Demo;

/// <summary>
/// A country demo customers come from: the Bogus locale their names are drawn from, real cities, the calling code and
/// national prefixes of their phone numbers, their language and the currency the demo shop charges them in (euros,
/// pounds, or dollars everywhere else).
/// </summary>
public sealed record DemoPlace(string Country, string Locale, string CallingCode, DemoPhonePlan Phones, string Language, string Currency, IReadOnlyList<string> Cities)
{
    /// <summary>Weighted toward the markets a multichannel shop would serve most; each country with its own name locale.</summary>
    public static readonly IReadOnlyList<(DemoPlace Place, float Weight)> All =
    [
        // A US exchange never starts with 0 or 1, so ten area code and exchange prefixes hold what seven free digits would.
        (new("US", "en_US", "1", new(["2125", "3123", "4154", "5126", "6177", "7028", "2069", "3035", "4046", "5037"], 6), "en", "USD", ["New York", "Austin", "Seattle", "Chicago", "Denver", "Miami"]), 0.24f),
        (new("GB", "en_GB", "44", new(["712"], 7), "en-GB", "GBP", ["London", "Manchester", "Bristol", "Edinburgh", "Leeds"]), 0.14f),
        (new("DE", "de", "49", new(["1512"], 7), "de", "EUR", ["Berlin", "München", "Hamburg", "Köln", "Leipzig"]), 0.12f),
        (new("BR", "pt_BR", "55", new(["1198"], 7), "pt-BR", "USD", ["São Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba", "Recife"]), 0.12f),
        (new("ES", "es", "34", new(["61"], 7), "es", "EUR", ["Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao"]), 0.08f),
        (new("FR", "fr", "33", new(["61"], 7), "fr", "EUR", ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes"]), 0.08f),
        (new("MX", "es_MX", "52", new(["551"], 7), "es-MX", "USD", ["Ciudad de México", "Guadalajara", "Monterrey", "Puebla"]), 0.07f),
        (new("PT", "pt_PT", "351", new(["91"], 7), "pt-PT", "EUR", ["Lisboa", "Porto", "Braga", "Coimbra"]), 0.05f),
        (new("IN", "en_IND", "91", new(["987"], 7), "en-IN", "USD", ["Bengaluru", "Mumbai", "Delhi", "Pune", "Chennai"]), 0.06f),
        (new("AU", "en_AU", "61", new(["40"], 7), "en-AU", "USD", ["Sydney", "Melbourne", "Brisbane", "Perth"]), 0.04f),
    ];
}
