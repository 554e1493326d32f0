namespace Crm.Grains.Segments;

/// <summary>
/// The syntax tree of a rule. <see cref="object.ToString"/> on a node gives normalized rule text: lower-case fields and keywords,
/// single spaces, and parentheses only where precedence needs them.
/// </summary>
internal abstract record RuleNode(int Column);

/// <summary><c>a and b and c</c>: kept flat so a long chain does not nest.</summary>
internal sealed record AllOf(int Column, IReadOnlyList<RuleNode> Operands) : RuleNode(Column)
{
    public override string ToString() => string.Join(" and ", Operands.Select(operand => operand is AnyOf ? $"({operand})" : operand.ToString()));
}

internal sealed record AnyOf(int Column, IReadOnlyList<RuleNode> Operands) : RuleNode(Column)
{
    public override string ToString() => string.Join(" or ", Operands);
}

internal sealed record Negation(int Column, RuleNode Operand) : RuleNode(Column)
{
    public override string ToString() => Operand is AllOf or AnyOf ? $"not ({Operand})" : $"not {Operand}";
}

/// <summary>
/// A field name as written, lower-cased except for the attribute name after <c>attr.</c>, which is matched exactly as stored.
/// </summary>
internal sealed record FieldReference(int Column, string Name)
{
    public const string AttributePrefix = "attr.";

    public bool IsAttribute => Name.StartsWith(AttributePrefix, StringComparison.Ordinal);

    public string AttributeName => Name[AttributePrefix.Length..];

    public override string ToString() => Name;
}

/// <summary>
/// One test of one field. <see cref="Operands"/> holds one literal for comparisons, <c>contains</c>, <c>starts_with</c>,
/// <c>has</c>, <c>within</c> and <c>older_than</c>; the list items for <c>in</c>, <c>has any</c> and <c>has all</c>; nothing for <c>is null</c>.
/// </summary>
internal sealed record Condition(FieldReference Field, RuleOperator Operator, int OperatorColumn, IReadOnlyList<Literal> Operands)
    : RuleNode(Field.Column)
{
    public Literal Operand => Operands[0];

    public override string ToString() => Operator.Arity() switch
    {
        OperandArity.None => $"{Field} {Operator.Keyword()}",
        OperandArity.List => $"{Field} {Operator.Keyword()} [{string.Join(", ", Operands)}]",
        _ => $"{Field} {Operator.Keyword()} {Operand}",
    };
}
