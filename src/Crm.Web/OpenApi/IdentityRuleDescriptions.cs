using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Workspaces;
using Crm.Web.Ingest;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Crm.Web.OpenApi;

/// <summary>
/// The rules for identities, phone numbers, emails and the phone region, written into the schema of every field that
/// takes one, so a client reading the OpenAPI document learns what is refused and why (docs/API.md has the examples).
/// </summary>
public static class IdentityRuleDescriptions
{
    public const string Phone =
        "A phone number, read by libphonenumber in the workspace's defaultPhoneRegion when written without a country code "
        + "(trunk prefixes such as 0, 1 or 8 and international prefixes such as 00, 011 or 8 10 are understood); spaces, dots, "
        + "dashes, brackets, '(0)', tel: URIs (RFC 3966) and extensions (x123, ext. 123, ;ext=123) are accepted. Stored and "
        + "keyed in E.164 without the extension: '+44 (0)20 7946 0958' and '020 7946 0958' (region GB) are both '+442079460958'. "
        + "Refused, naming the rule: 'phone number has an invalid country code', 'phone number is too short for GB (+44)', "
        + "'phone number is too long for GB (+44)', 'phone number has a length no number of GB (+44) has', "
        + "'phone number is not a valid number for US (+1): no number range there holds it', 'phone number is not a number', "
        + "'phone number contains 'F', which is not a digit, separator or extension', "
        + "'phone number has no country code and the workspace has no default phone region', "
        + "'phone number is all zeros, a placeholder', 'phone number is one digit repeated, a placeholder'.";

    public const string Email =
        "An email address: one '@'; a name of 1 to 64 letters, digits or !#$%&'*+-/=?^_`{|}~ with single dots between them; "
        + "a domain of letters, digits and hyphens in dot-separated labels ending in a top-level domain of letters. Keyed as the "
        + "lower-cased name and the domain in ASCII (IDNA punycode): 'Ana@Exämple.com' and 'ana@xn--exmple-cua.com' are one "
        + "identity. Refused, naming the rule: 'email must look like name@domain.tld', 'email must not contain spaces', "
        + "'email's name (before '@') must be …', 'email's domain must be a domain name …', 'email's domain must end in a "
        + "top-level domain, such as example.com', 'email's top-level domain must be letters', and placeholders "
        + "('email 'noreply@shop.com' is a placeholder a form fills in, not an address': names such as noreply, donotreply, "
        + "test, null, none, unknown, nobody, asdf; addresses such as test@test.com, a@a.com, email@email.com). Reserved "
        + "domains such as example.com are accepted.";

    public const string Identity =
        "The sender on the event's channel. whatsapp, sms, phone: " + Phone + " email: " + Email
        + " widget: a session id; instagram: a handle (1 to 30 letters, digits, '.' or '_'; a leading '@' is dropped). Any "
        + "channel: not empty, at most 254 characters, no control characters, not a placeholder word (null, undefined, "
        + "anonymous, unknown, none, n/a, nil).";

    public const string ProfileEmail = Email + " The profile shows the address with its domain in Unicode ('ana@exämple.com').";

    public const string Region =
        "The region (ISO 3166 alpha-2, one libphonenumber knows: US, GB, BR, …) phone numbers written without a country code "
        + "are read in. Default US. Refused: 'must be a two-letter ISO 3166 region code that has phone numbers, such as US, GB or BR'.";

    public const string DialCode =
        "The calling code of defaultPhoneRegion (44 for GB), answered for clients written before regions. Given alone, it sets "
        + "the main region of that code (1 → US, 44 → GB, 7 → RU, 55 → BR). Refused: 'must be the country calling code of a "
        + "region: 1 to 3 digits, such as 1, 44 or 55'; given with defaultPhoneRegion, 'must be the calling code of "
        + "defaultPhoneRegion (44 for GB), or left out'.";

    private static readonly Dictionary<(Type Type, string Property), string> Descriptions = new()
    {
        [(typeof(EventRequest), "identity")] = Identity,
        [(typeof(IdentityRequest), "value")] = Identity,
        [(typeof(ProfilePatch), "email")] = ProfileEmail,
        [(typeof(ProfilePatch), "phone")] = Phone,
        [(typeof(ProfileData), "email")] = "The email address with its domain in Unicode; its identity key has the domain in ASCII (punycode).",
        [(typeof(ProfileData), "phone")] = "The phone number in E.164.",
        [(typeof(WorkspaceSettings), "defaultPhoneRegion")] = Region,
        [(typeof(WorkspaceSettings), "defaultPhoneCountry")] = DialCode,
    };

    public static OpenApiOptions AddIdentityRuleDescriptions(this OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonPropertyInfo is { } property && Descriptions.TryGetValue((property.DeclaringType, property.Name), out var description))
            {
                schema.Description = description;
            }

            return Task.CompletedTask;
        });
}
