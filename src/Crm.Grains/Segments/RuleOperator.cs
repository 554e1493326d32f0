namespace Crm.Grains.Segments;

internal enum RuleOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Contains,
    StartsWith,
    In,
    Has,
    HasAny,
    HasAll,
    IsNull,
    IsNotNull,
    Within,
    OlderThan,
}

internal enum OperandArity
{
    None,
    One,
    List,
}

internal static class RuleOperatorText
{
    public static string Keyword(this RuleOperator op) => op switch
    {
        RuleOperator.Equal => "=",
        RuleOperator.NotEqual => "!=",
        RuleOperator.Less => "<",
        RuleOperator.LessOrEqual => "<=",
        RuleOperator.Greater => ">",
        RuleOperator.GreaterOrEqual => ">=",
        RuleOperator.Contains => "contains",
        RuleOperator.StartsWith => "starts_with",
        RuleOperator.In => "in",
        RuleOperator.Has => "has",
        RuleOperator.HasAny => "has any",
        RuleOperator.HasAll => "has all",
        RuleOperator.IsNull => "is null",
        RuleOperator.IsNotNull => "is not null",
        RuleOperator.Within => "within",
        RuleOperator.OlderThan => "older_than",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    public static OperandArity Arity(this RuleOperator op) => op switch
    {
        RuleOperator.IsNull or RuleOperator.IsNotNull => OperandArity.None,
        RuleOperator.In or RuleOperator.HasAny or RuleOperator.HasAll => OperandArity.List,
        _ => OperandArity.One,
    };

    public static bool IsOrdering(this RuleOperator op) =>
        op is RuleOperator.Less or RuleOperator.LessOrEqual or RuleOperator.Greater or RuleOperator.GreaterOrEqual;

    public static RuleOperator FromSymbol(string symbol) => symbol switch
    {
        "=" => RuleOperator.Equal,
        "!=" => RuleOperator.NotEqual,
        "<" => RuleOperator.Less,
        "<=" => RuleOperator.LessOrEqual,
        ">" => RuleOperator.Greater,
        ">=" => RuleOperator.GreaterOrEqual,
        _ => throw new ArgumentOutOfRangeException(nameof(symbol), symbol, "not a comparison symbol"),
    };
}
