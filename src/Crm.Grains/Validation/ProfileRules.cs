using Crm.Grains.Customers;
using Crm.Grains.Identities;

namespace Crm.Grains.Validation;

/// <summary>Limits and formats of profile fields, custom attributes, tags and notes.</summary>
public static class ProfileRules
{
    public const int MaxNameLength = 200;
    public const int MaxTextFieldLength = 200;
    public const int MaxUrlLength = 2048;
    public const int MaxTagLength = 50;
    public const int MaxTags = 100;
    public const int MaxNoteLength = 10_000;
    public const int MaxAttributeNameLength = 40;
    public const int MaxAttributeStringLength = 1_000;
    public const int MaxAttributes = 100;
    public const decimal MaxAttributeNumber = 1_000_000_000_000_000m;

    /// <summary>
    /// Checks a patch and returns it with email and phone in canonical form, or the first broken rule. The email is kept
    /// as people read it (lower case, domain in Unicode); its identity key is <see cref="EmailRules.Normalize"/> of it.
    /// </summary>
    public static (ProfilePatch? Patch, ValidationError? Error) Normalize(ProfilePatch patch, string phoneRegion, string prefix = "")
    {
        if (Text(patch.Name, MaxNameLength, prefix + "name") is { } nameError)
        {
            return (null, nameError);
        }

        foreach (var (value, field) in new[] { (patch.Company, "company"), (patch.City, "city") })
        {
            if (Text(value, MaxTextFieldLength, prefix + field) is { } error)
            {
                return (null, error);
            }
        }

        if (patch.Country is { Length: > 0 } country && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
        {
            return (null, new ValidationError(prefix + "country", "must be a two-letter ISO 3166 country code"));
        }

        if (patch.Language is { Length: > 0 } language && (language.Length > 35 || !language.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || !char.IsAsciiLetter(language[0])))
        {
            return (null, new ValidationError(prefix + "language", "must be a language tag such as 'en' or 'pt-BR'"));
        }

        if (patch.AvatarUrl is { Length: > 0 } avatar && !IsHttpUrl(avatar))
        {
            return (null, new ValidationError(prefix + "avatarUrl", $"must be an http or https URL of at most {MaxUrlLength} characters"));
        }

        var email = patch.Email;
        if (email is { Length: > 0 })
        {
            var normalized = IdentityNormalizer.Normalize(Channel.Email, email, phoneRegion);
            if (!normalized.IsValid)
            {
                return (null, new ValidationError(prefix + "email", normalized.Error!));
            }

            email = EmailRules.Display(normalized.Value!);
        }

        var phone = patch.Phone;
        if (phone is { Length: > 0 })
        {
            var normalized = IdentityNormalizer.Normalize(Channel.Phone, phone, phoneRegion);
            if (!normalized.IsValid)
            {
                return (null, new ValidationError(prefix + "phone", normalized.Error!));
            }

            phone = normalized.Value;
        }

        return (patch with { Email = email, Phone = phone, Country = patch.Country?.ToUpperInvariant() }, null);
    }

    public static ValidationError? Tag(string? tag, string field) => tag switch
    {
        null or { Length: 0 } => new ValidationError(field, "must not be empty"),
        { Length: > MaxTagLength } => new ValidationError(field, $"must be at most {MaxTagLength} characters"),
        _ when !tag.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' or '.') => new ValidationError(field, "may hold letters, digits, spaces, '-', '_' and '.' only"),
        _ => null,
    };

    public static string NormalizeTag(string tag) => tag.Trim().ToLowerInvariant();

    public static ValidationError? Attribute(string name, AttributeValue value, string field)
    {
        if (name.Length is 0 or > MaxAttributeNameLength || !char.IsAsciiLetterLower(name[0]) || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            return new ValidationError(field, $"attribute names are 1 to {MaxAttributeNameLength} lower-case letters, digits or '_', starting with a letter");
        }

        return value.Kind switch
        {
            AttributeKind.String when value.Text is null => new ValidationError(field, "a string attribute needs a text value"),
            AttributeKind.String when value.Text.Length > MaxAttributeStringLength => new ValidationError(field, $"must be at most {MaxAttributeStringLength} characters"),
            AttributeKind.String when FreeText(value.Text, MaxAttributeStringLength, field) is { } textError => textError,
            AttributeKind.Number when value.Number is null => new ValidationError(field, "a number attribute needs a number value"),
            AttributeKind.Number when Math.Abs(value.Number.Value) > MaxAttributeNumber => new ValidationError(field, "must be between -10^18 and 10^18"),
            AttributeKind.Boolean when value.Boolean is null => new ValidationError(field, "a boolean attribute needs true or false"),
            AttributeKind.Date when value.Date is null => new ValidationError(field, "a date attribute needs a date (yyyy-mm-dd)"),
            _ when new object?[] { value.Text, value.Number, value.Boolean, value.Date }.Count(held => held is not null) > 1 =>
                new ValidationError(field, "holds only the value of its kind: text, number, boolean or date"),
            _ => null,
        };
    }

    public static ValidationError? Text(string? value, int maxLength, string field) => value switch
    {
        null => null,
        { Length: var length } when length > maxLength => new ValidationError(field, $"must be at most {maxLength} characters"),
        _ when value.Any(char.IsControl) => new ValidationError(field, "must not contain control characters"),
        _ => null,
    };

    /// <summary>Text that may span lines (notes, string attributes): tabs and line breaks pass, other control characters do not.</summary>
    public static ValidationError? FreeText(string? value, int maxLength, string field) => value switch
    {
        null => null,
        { Length: var length } when length > maxLength => new ValidationError(field, $"must be at most {maxLength} characters"),
        _ when value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')) => new ValidationError(field, "must not contain control characters other than tabs and line breaks"),
        _ => null,
    };

    /// <summary>An absolute http or https URL; control characters are refused, since the URL is stored as written.</summary>
    public static bool IsHttpUrl(string value) =>
        value.Length <= MaxUrlLength
        && !value.Any(char.IsControl)
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
