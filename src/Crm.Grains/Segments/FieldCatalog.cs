using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Intents;

namespace Crm.Grains.Segments;

/// <summary>Every field a rule can name, and the vocabularies of the fields whose values are a closed set.</summary>
internal static class FieldCatalog
{
    public static readonly Vocabulary<Lifecycle> Lifecycles = new("lifecycle", ("prospect", Lifecycle.Lead));

    public static readonly Vocabulary<Intent> Intents = new("intent");

    public static readonly Vocabulary<Sentiment> Sentiments = new("sentiment");

    public static readonly Vocabulary<Channel> Channels = new("channel");

    private static readonly Dictionary<string, FieldDefinition> BuiltIn = new FieldDefinition[]
    {
        new("name", FieldKind.Text, nameof(CustomerSnapshot.Name), IsNullable: true),
        new("email", FieldKind.Text, nameof(CustomerSnapshot.Email), IsNullable: true),
        new("phone", FieldKind.Text, nameof(CustomerSnapshot.Phone), IsNullable: true),
        new("company", FieldKind.Text, nameof(CustomerSnapshot.Company), IsNullable: true),
        new("city", FieldKind.Text, nameof(CustomerSnapshot.City), IsNullable: true),
        new("country", FieldKind.Text, nameof(CustomerSnapshot.Country), IsNullable: true),
        new("language", FieldKind.Text, nameof(CustomerSnapshot.Language), IsNullable: true),
        new("lifecycle", FieldKind.Lifecycle, nameof(CustomerSnapshot.Lifecycle), IsNullable: false),
        new("intent", FieldKind.Intent, nameof(CustomerSnapshot.Intent), IsNullable: false),
        new("intent_score", FieldKind.Real, nameof(CustomerSnapshot.IntentScore), IsNullable: false),
        new("sentiment", FieldKind.Sentiment, nameof(CustomerSnapshot.Sentiment), IsNullable: false),
        new("tags", FieldKind.Set, nameof(CustomerSnapshot.Tags), IsNullable: false),
        new("segments", FieldKind.Set, nameof(CustomerSnapshot.Segments), IsNullable: false),
        new("channels", FieldKind.Set, nameof(CustomerSnapshot.Channels), IsNullable: false),
        new("conversations", FieldKind.Integer, nameof(CustomerSnapshot.Conversations), IsNullable: false),
        new("messages", FieldKind.Integer, nameof(CustomerSnapshot.Messages), IsNullable: false),
        new("orders", FieldKind.Integer, nameof(CustomerSnapshot.Orders), IsNullable: false),
        new("ltv", FieldKind.Money, nameof(CustomerSnapshot.LifetimeValue), IsNullable: false),
        new("csat", FieldKind.Real, nameof(CustomerSnapshot.CsatAverage), IsNullable: true),
        new("first_seen", FieldKind.Timestamp, nameof(CustomerSnapshot.FirstSeen), IsNullable: false),
        new("last_active", FieldKind.Timestamp, nameof(CustomerSnapshot.LastActive), IsNullable: true),
        new("last_contact", FieldKind.Timestamp, nameof(CustomerSnapshot.LastContact), IsNullable: true),
    }.ToDictionary(field => field.Name);

    public static IEnumerable<string> Names => BuiltIn.Keys;

    /// <summary>The built-in field, or a custom attribute for any <c>attr.</c> name: unknown attributes read as null.</summary>
    public static FieldDefinition? Find(FieldReference field) => field.IsAttribute
        ? new FieldDefinition(field.Name, FieldKind.Attribute, nameof(CustomerSnapshot.Attributes), IsNullable: true)
        : BuiltIn.GetValueOrDefault(field.Name);
}
