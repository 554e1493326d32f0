using Crm.Grains.Customers;
using Crm.Grains.Intents;
using Crm.Grains.ReadModel;

namespace Crm.Bench.Query;

/// <summary>
/// The list requests measured: substring searches (a common fragment, a surname shared by 0.2–1 % of customers, one
/// customer's email and phone digits, and two-character searches, common and rare, too short for a trigram), every filter of the filter panel with the default sort, a combination, and every
/// sort both ways without a filter.
/// </summary>
public static class QueryCases
{
    public static IReadOnlyList<QueryCase> All(string surname, string email, string phoneDigits, DateTimeOffset now)
    {
        var newestFirst = new CustomerSort(CustomerSortField.LastActive, Descending: true);
        QueryCase Search(string name, string text) => new("search", name, new CustomerListQuery { Search = text, Sort = newestFirst });
        QueryCase Filter(string name, CustomerListQuery query) => new("filter", name, query with { Sort = newestFirst });
        return
        [
            Search("common_fragment", "mar"),
            Search("surname_mid_selectivity", surname),
            Search("email", email),
            Search("phone", phoneDigits),
            Search("short_common", "ma"),
            Search("short_rare", "qx"),
            Filter("lifecycle_vip", new CustomerListQuery { Lifecycles = [Lifecycle.Vip] }),
            Filter("lifecycle_at_risk_or_churned", new CustomerListQuery { Lifecycles = [Lifecycle.AtRisk, Lifecycle.Churned] }),
            Filter("tag_wholesale", new CustomerListQuery { Tags = ["wholesale"] }),
            Filter("tags_any_vip_or_complaint", new CustomerListQuery { Tags = ["vip", "complaint"] }),
            Filter("segment_big_spenders", new CustomerListQuery { Segment = "big-spenders" }),
            Filter("intent_sales_opportunity", new CustomerListQuery { Intent = Intent.SalesOpportunity }),
            Filter("channel_instagram", new CustomerListQuery { Channel = "instagram" }),
            Filter("ltv_100_to_300", new CustomerListQuery { LtvMin = 100, LtvMax = 300 }),
            Filter("conversations_at_least_4", new CustomerListQuery { ConversationsMin = 4 }),
            Filter("orders_at_least_3", new CustomerListQuery { OrdersMin = 3 }),
            Filter("created_last_30_days", new CustomerListQuery { CreatedAfter = now.AddDays(-30) }),
            Filter("active_newsletter_on_whatsapp", new CustomerListQuery { Lifecycles = [Lifecycle.Active], Tags = ["newsletter"], Channel = "whatsapp" }),
            .. Enum.GetValues<CustomerSortField>().SelectMany(field => new[] { false, true }.Select(descending =>
                new QueryCase("sort", $"{Name(field)}_{(descending ? "desc" : "asc")}", new CustomerListQuery { Sort = new CustomerSort(field, descending) }))),
        ];
    }

    private static string Name(CustomerSortField field) => field switch
    {
        CustomerSortField.LastActive => "last_active",
        CustomerSortField.FirstSeen => "first_seen",
        _ => field.ToString().ToLowerInvariant(),
    };
}
