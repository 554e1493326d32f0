using Crm.Grains.Intents;

namespace Crm.Web.Demo;

/// <summary>
/// What demo customers write, by the intent the shipped text model reads in it, and what agents answer. <c>{product}</c>
/// stands for one of <see cref="Products"/>. A test checks that the model reads each inbound phrase as its intent, so the
/// dashboard's intent pills and the Sales Opportunities card show what the demo meant.
/// </summary>
public static class DemoPhrases
{
    public static readonly IReadOnlyList<string> Products =
    [
        "walnut desk", "espresso machine", "linen sofa", "rain jacket", "standing lamp", "ceramic dinner set",
        "running shoes", "wool blanket", "office chair", "bluetooth speaker", "pro plan", "team plan",
    ];

    public static readonly IReadOnlyDictionary<Intent, IReadOnlyList<string>> Inbound = new Dictionary<Intent, IReadOnlyList<string>>
    {
        [Intent.SalesOpportunity] =
        [
            "How much is the {product}?",
            "Do you have the {product} in stock? I'd like to order two",
            "Is there a discount if I buy the {product} together with a second one?",
            "Can I get a quote for 20 units of the {product}?",
            "What's the price of the {product} with delivery?",
            "I'd like to buy the {product}, do you ship to my city?",
            "Can I upgrade to the {product} this month?",
            "Any promo codes for the {product} this week?",
        ],
        [Intent.Support] =
        [
            "My {product} arrived broken, can I get a refund?",
            "Where is my order? The {product} was supposed to arrive last week",
            "I was charged twice for the {product}",
            "The {product} stopped working after two days",
            "How do I return the {product}? It's the wrong size",
            "I can't log in to my account to check the {product} order",
            "Tracking says the {product} was delivered but nothing is here",
            "I never got my refund for the {product}",
        ],
        [Intent.General] =
        [
            "hi there",
            "thanks so much for your help!",
            "What are your opening hours?",
            "good morning",
            "have a great weekend",
            "Do you have a physical store?",
        ],
    };

    /// <summary>Agents' replies, sent outbound: they count as messages but never as the customer's intent.</summary>
    public static readonly IReadOnlyList<string> AgentReplies =
    [
        "Thanks for reaching out! Let me check that for you.",
        "I've passed this to the team, you'll hear from us today.",
        "Here's the link with all the details. Anything else I can help with?",
        "Sorry about that! I've just sent you a replacement.",
        "Great choice. I've reserved one for you for 48 hours.",
    ];

    public static string Fill(string phrase, string product) => phrase.Replace("{product}", product, StringComparison.Ordinal);
}
