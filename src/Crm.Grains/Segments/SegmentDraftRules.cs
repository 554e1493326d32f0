using System.Globalization;
using Crm.Grains.Validation;

namespace Crm.Grains.Segments;

/// <summary>Limits of segments and the checks a draft passes before the catalog stores it.</summary>
public static class SegmentDraftRules
{
    public const int MaxSegmentsPerWorkspace = 200;
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 1_000;

    /// <summary>
    /// The draft with its name and description trimmed (an empty description dropped) and its rule in normalized form,
    /// or the first broken rule; a rule that does not parse is reported with its column (<c>column 12: unknown field …</c>).
    /// </summary>
    public static (SegmentDraft? Draft, ValidationError? Error) Normalize(SegmentDraft draft)
    {
        var name = draft.Name?.Trim() ?? string.Empty;
        var description = draft.Description?.Trim() is { Length: > 0 } text ? text : null;
        var error = name switch
        {
            { Length: 0 } => new ValidationError("name", "must not be empty"),
            { Length: > MaxNameLength } => new ValidationError("name", $"must be at most {MaxNameLength} characters"),
            _ when name.Any(char.IsControl) => new ValidationError("name", "must not contain control characters"),
            _ when description?.Length > MaxDescriptionLength => new ValidationError("description", string.Create(CultureInfo.InvariantCulture, $"must be at most {MaxDescriptionLength:N0} characters")),
            _ when description?.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) == true
                => new ValidationError("description", "must not contain control characters other than line breaks and tabs"),
            _ => null,
        };
        if (error is not null)
        {
            return (null, error);
        }

        if (draft.Kind == SegmentKind.Static)
        {
            return string.IsNullOrWhiteSpace(draft.Rule)
                ? (draft with { Name = name, Description = description, Rule = null }, null)
                : (null, new ValidationError("rule", "a static segment has no rule: agents add and remove its members"));
        }

        if (draft.Kind != SegmentKind.Rule)
        {
            return (null, new ValidationError("kind", "must be static or rule"));
        }

        return SegmentRule.TryParse(draft.Rule, out var rule, out var ruleError)
            ? (draft with { Name = name, Description = description, Rule = rule.ToString() }, null)
            : (null, new ValidationError("rule", ruleError.ToString()));
    }
}
