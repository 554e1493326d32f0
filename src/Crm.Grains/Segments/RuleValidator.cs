using System.Collections.Frozen;

namespace Crm.Grains.Segments;

/// <summary>
/// Checks a parsed rule against the <see cref="FieldCatalog"/>, left to right, and stops at the first problem, so the
/// agent sees the error nearest the start of the rule. What passes here compiles without further checks.
/// </summary>
internal static class RuleValidator
{
    /// <returns>The fields the rule reads.</returns>
    public static FrozenSet<string> Validate(RuleNode root)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        Visit(root, fields);
        return fields.ToFrozenSet(StringComparer.Ordinal);
    }

    private static void Visit(RuleNode node, HashSet<string> fields)
    {
        switch (node)
        {
            case AllOf all:
                foreach (var operand in all.Operands)
                {
                    Visit(operand, fields);
                }

                break;
            case AnyOf any:
                foreach (var operand in any.Operands)
                {
                    Visit(operand, fields);
                }

                break;
            case Negation negation:
                Visit(negation.Operand, fields);
                break;
            case Condition condition:
                fields.Add(Check(condition).Name);
                break;
        }
    }

    private static FieldDefinition Check(Condition condition)
    {
        var field = Resolve(condition.Field);
        if (RefuseOperator(field, condition.Operator) is { } refusal)
        {
            throw Error(condition.OperatorColumn, refusal);
        }

        foreach (var operand in condition.Operands)
        {
            if (RefuseOperand(field, condition.Operator, operand) is { } problem)
            {
                throw Error(operand.Column, problem);
            }
        }

        return field;
    }

    private static FieldDefinition Resolve(FieldReference reference)
    {
        if (reference.IsAttribute)
        {
            var name = reference.AttributeName;
            if (name.Length == 0)
            {
                throw Error(reference.Column, "'attr.' needs an attribute name, like attr.plan");
            }

            if (name.Contains('.'))
            {
                throw Error(reference.Column, $"'{reference}' is not an attribute name; attribute names are letters, digits and '_'");
            }
        }

        if (FieldCatalog.Find(reference) is { } field)
        {
            return field;
        }

        if (reference.Name == "attr")
        {
            throw Error(reference.Column, "unknown field 'attr'; custom attributes are written attr.<name>, like attr.plan");
        }

        throw Error(reference.Column, Suggestions.Closest(reference.Name, FieldCatalog.Names) is { } suggestion
            ? $"unknown field '{reference}' (did you mean '{suggestion}'?)"
            : $"unknown field '{reference}'");
    }

    private static string? RefuseOperator(FieldDefinition field, RuleOperator op)
    {
        var keyword = op.Keyword();
        return (field.Kind, op) switch
        {
            (not FieldKind.Set, RuleOperator.Has or RuleOperator.HasAny or RuleOperator.HasAll) =>
                $"'{keyword}' works on tags, segments and channels, and '{field}' is {field.Describe()}",
            (FieldKind.Set, not (RuleOperator.Has or RuleOperator.HasAny or RuleOperator.HasAll)) =>
                $"'{field}' is a set; test it with has, has any or has all",
            (_, RuleOperator.IsNull or RuleOperator.IsNotNull) when !field.IsNullable =>
                $"'{field}' always has a value, so '{keyword}' cannot be used on it",
            (not FieldKind.Timestamp, RuleOperator.Within or RuleOperator.OlderThan) =>
                $"'{keyword}' works on first_seen, last_active and last_contact, and '{field}' is {field.Describe()}",
            (not (FieldKind.Text or FieldKind.Attribute), RuleOperator.Contains or RuleOperator.StartsWith) =>
                $"'{keyword}' works on strings, and '{field}' is {field.Describe()}",
            (FieldKind.Lifecycle or FieldKind.Intent or FieldKind.Sentiment, _) when op.IsOrdering() =>
                $"'{field}' is {field.Describe()} and has no order; compare it with =, != or in",
            _ => null,
        };
    }

    private static string? RefuseOperand(FieldDefinition field, RuleOperator op, Literal operand)
    {
        if (operand is NullLiteral)
        {
            return "null is not a value to compare with; test for a missing value with 'is null' or 'is not null'";
        }

        if (operand is DurationLiteral)
        {
            return null;
        }

        var mismatch = $"'{field}' is {field.Describe()} and cannot be compared with {operand}";
        return field.Kind switch
        {
            FieldKind.Text => operand switch
            {
                StringLiteral => null,
                WordLiteral word => $"'{field}' is a string; put the value in double quotes, like \"{word.Word}\"",
                _ => mismatch,
            },
            FieldKind.Lifecycle => RefuseName(FieldCatalog.Lifecycles, operand, mismatch),
            FieldKind.Intent => RefuseName(FieldCatalog.Intents, operand, mismatch),
            FieldKind.Sentiment => RefuseName(FieldCatalog.Sentiments, operand, mismatch),
            FieldKind.Integer or FieldKind.Real or FieldKind.Money => operand is NumberLiteral ? null : mismatch,
            FieldKind.Set when field.Name == "channels" => RefuseName(FieldCatalog.Channels, operand, $"'{field}' holds channel names, not {operand}"),
            FieldKind.Set => operand switch
            {
                StringLiteral => null,
                WordLiteral word => $"'{field}' holds strings; put the value in double quotes, like \"{word.Word}\"",
                _ => $"'{field}' holds strings, not {operand}",
            },
            FieldKind.Timestamp => operand switch
            {
                DateLiteral => null,
                StringLiteral text when DateLiteral.TryParse(text.Value, text.Column) is not null =>
                    $"'{field}' is a date; write dates without quotes, like {text.Value}",
                _ => mismatch,
            },
            _ => RefuseAttributeOperand(op, operand),
        };
    }

    /// <summary>A custom attribute's kind is only known per customer, so the operand alone decides how it is compared.</summary>
    private static string? RefuseAttributeOperand(RuleOperator op, Literal operand) => operand switch
    {
        WordLiteral word => $"custom attributes are compared with a quoted string, a number, true, false or a date; put text in double quotes, like \"{word.Word}\"",
        not StringLiteral when op is RuleOperator.Contains or RuleOperator.StartsWith => $"'{op.Keyword()}' needs a string in double quotes",
        BooleanLiteral when op.IsOrdering() => "true and false can only be compared with = or !=",
        DateLiteral { IsDay: false } => "custom date attributes hold days; write the day without a time, like 2026-01-31",
        _ => null,
    };

    /// <summary>Stages, intents and channels are a closed set of names, written bare or in double quotes.</summary>
    private static string? RefuseName<TEnum>(Vocabulary<TEnum> vocabulary, Literal operand, string mismatch)
        where TEnum : struct, Enum
    {
        var name = operand switch
        {
            WordLiteral word => word.Word,
            StringLiteral text => text.Value,
            _ => null,
        };
        return name is null ? mismatch : vocabulary.TryGet(name, out _) ? null : vocabulary.Unknown(name);
    }

    private static SegmentRuleException Error(int column, string message) => new(new RuleError(column, message));
}
