using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.ReadModel;
using Crm.Grains.Tests.Infrastructure;
using Crm.Grains.Validation;
using Crm.Grains.Workspaces;

namespace Crm.Grains.Tests.Customers;

/// <summary>Inputs the service's hostile-input test found getting past validation: each is now refused before anything is stored.</summary>
public sealed class ForgedInputTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("conversationId")]
    [InlineData("orderId")]
    [InlineData("url")]
    public void Ids_and_urls_with_a_nul_byte_are_refused_naming_the_field(string field)
    {
        var @event = field switch
        {
            "conversationId" => Events.Message(Channel.Email, "ana@example.com", At, conversation: "c\0"),
            "orderId" => Events.Order(Channel.Email, "ana@example.com", At, "o\0", 10m),
            _ => Events.PageView(Channel.Widget, "sess-1", At, "https://shop.example.com/pricing\0"),
        };

        Assert.Equal(field, EventValidation.Validate(@event, "1")?.Field);
    }

    [Fact]
    public void Message_text_may_span_lines_but_not_carry_other_control_characters()
    {
        Assert.Null(EventValidation.Validate(Events.Message(Channel.Whatsapp, "+14155550101", At, "Hi!\r\nMy order:\n\t#1042 never arrived"), "1"));
        Assert.Equal("text", EventValidation.Validate(Events.Message(Channel.Whatsapp, "+14155550101", At, "bell\a"), "1")?.Field);
    }

    [Fact]
    public async Task A_new_customer_with_more_tags_than_allowed_is_refused_and_not_created()
    {
        await using var silo = await CrmSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ICustomerGrain>($"forged/{CustomerIds.New()}");
        var tags = Enumerable.Range(0, ProfileRules.MaxTags + 1).Select(i => $"tag{i}").ToArray();

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => grain.Create(new NewCustomer { Profile = new ProfilePatch { Name = "Ana" }, Tags = tags }, "key:test"));

        Assert.Equal("tags", refused.Error.Field);
        Assert.Null(await grain.Get());
    }

    [Fact]
    public void Settings_without_a_phone_country_are_refused_not_thrown_on()
    {
        Assert.Equal("DefaultPhoneCountry", (new WorkspaceSettings { DefaultPhoneCountry = null! }.Validate())?.Field);
    }

    [Theory]
    [InlineData(CustomerSortField.LastActive, true, "0123456789abcdef0123456789abcdef", "garbage")]
    [InlineData(CustomerSortField.LastActive, true, "0123456789abcdef0123456789abcdef", "-1")]
    [InlineData(CustomerSortField.LastActive, true, "0123456789abcdef0123456789abcdef", "99999999999999999999")]
    [InlineData(CustomerSortField.Name, false, "0123456789abcdef0123456789abcdef", "nul\0")]
    [InlineData(CustomerSortField.Ltv, false, "0123456789abcdef0123456789abcdef", "1e999")]
    [InlineData(CustomerSortField.Conversations, true, "0123456789abcdef0123456789abcdef", "2147483648")]
    [InlineData(CustomerSortField.Name, false, "'; DROP TABLE crm_customers; --", "ana")]
    public void A_cursor_forged_with_a_value_or_id_its_sort_cannot_use_is_refused(CustomerSortField field, bool descending, string id, string value)
    {
        var sort = new CustomerSort(field, descending);
        var forged = new CustomerCursor(sort, value, id).Encode();

        Assert.Null(CustomerCursor.TryDecode(forged, sort));
    }

    [Fact]
    public void A_cursor_the_list_wrote_decodes_to_the_same_position()
    {
        var sort = new CustomerSort(CustomerSortField.Ltv, Descending: true);
        var cursor = new CustomerCursor(sort, "1250.50", CustomerIds.New());

        Assert.Equal(cursor, CustomerCursor.TryDecode(cursor.Encode(), sort));
    }
}
