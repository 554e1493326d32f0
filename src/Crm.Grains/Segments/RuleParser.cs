using System.Globalization;

namespace Crm.Grains.Segments;

/// <summary>
/// Recursive descent over the grammar in <see cref="SegmentRule"/>: <c>or</c> binds loosest, then <c>and</c>, then <c>not</c>.
/// Syntax only; whether a field exists and fits its operand is the <see cref="RuleValidator"/>'s call.
/// </summary>
internal sealed class RuleParser
{
    private const int MaxDurationDays = 36_500;

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "in", "has", "any", "all", "is", "null", "true", "false", "contains", "starts_with", "within", "older_than",
    };

    private static readonly string[] WordOperators = ["contains", "starts_with", "in", "has", "is", "within", "older_than"];

    private readonly List<RuleToken> _tokens;
    private int _position;
    private int _depth;

    private RuleParser(List<RuleToken> tokens) => _tokens = tokens;

    private RuleToken Current => _tokens[_position];

    public static RuleNode Parse(string text)
    {
        var parser = new RuleParser(RuleTokenizer.Tokenize(text));
        var root = parser.ParseOr();
        var trailing = parser.Current;
        return trailing.Kind switch
        {
            TokenKind.End => root,
            TokenKind.CloseParen => throw Error(trailing.Column, "')' has no matching '('"),
            _ => throw Error(trailing.Column, $"unexpected {trailing.Describe()}; join conditions with 'and' or 'or'"),
        };
    }

    private RuleNode ParseOr()
    {
        var first = ParseAnd();
        if (!Current.IsKeyword("or"))
        {
            return first;
        }

        var operands = new List<RuleNode> { first };
        while (Current.IsKeyword("or"))
        {
            Advance();
            operands.Add(ParseAnd());
        }

        return new AnyOf(first.Column, operands);
    }

    private RuleNode ParseAnd()
    {
        var first = ParseUnary();
        if (!Current.IsKeyword("and"))
        {
            return first;
        }

        var operands = new List<RuleNode> { first };
        while (Current.IsKeyword("and"))
        {
            Advance();
            operands.Add(ParseUnary());
        }

        return new AllOf(first.Column, operands);
    }

    private RuleNode ParseUnary()
    {
        var token = Current;
        if (token.IsKeyword("not"))
        {
            Enter(token);
            Advance();
            var operand = ParseUnary();
            _depth--;
            return new Negation(token.Column, operand);
        }

        if (token.Kind == TokenKind.OpenParen)
        {
            Enter(token);
            Advance();
            var inner = ParseOr();
            if (Current.Kind == TokenKind.End)
            {
                throw Error(token.Column, "the '(' here is not closed with ')'");
            }

            if (Current.Kind != TokenKind.CloseParen)
            {
                throw Error(Current.Column, $"expected ')' or 'and' or 'or' but found {Current.Describe()}");
            }

            Advance();
            _depth--;
            return inner;
        }

        if (token.Kind == TokenKind.Word && !Keywords.Contains(token.Text))
        {
            Advance();
            return ParseCondition(new FieldReference(token.Column, NormalizeFieldName(token.Text)));
        }

        throw Error(token.Column, $"expected a field name, 'not' or '(' but found {token.Describe()}");
    }

    private RuleNode ParseCondition(FieldReference field)
    {
        var token = Advance();
        if (token.Kind == TokenKind.Comparison)
        {
            return new Condition(field, RuleOperatorText.FromSymbol(token.Text), token.Column, [ParseValue(token)]);
        }

        var word = token.Kind == TokenKind.Word ? token.Text.ToLowerInvariant() : string.Empty;
        switch (word)
        {
            case "contains":
                return new Condition(field, RuleOperator.Contains, token.Column, [ParseValue(token)]);
            case "starts_with":
                return new Condition(field, RuleOperator.StartsWith, token.Column, [ParseValue(token)]);
            case "in":
                return new Condition(field, RuleOperator.In, token.Column, ParseList(token));
            case "has" when Current.IsKeyword("any"):
                return new Condition(field, RuleOperator.HasAny, token.Column, ParseList(Advance()));
            case "has" when Current.IsKeyword("all"):
                return new Condition(field, RuleOperator.HasAll, token.Column, ParseList(Advance()));
            case "has":
                return new Condition(field, RuleOperator.Has, token.Column, [ParseValue(token)]);
            case "is":
                var negated = Current.IsKeyword("not");
                if (negated)
                {
                    Advance();
                }

                if (!Current.IsKeyword("null"))
                {
                    throw Error(Current.Column, $"expected 'null' after '{(negated ? "is not" : "is")}' but found {Current.Describe()}");
                }

                Advance();
                return new Condition(field, negated ? RuleOperator.IsNotNull : RuleOperator.IsNull, token.Column, []);
            case "within":
                return new Condition(field, RuleOperator.Within, token.Column, [ParseDuration(token)]);
            case "older_than":
                return new Condition(field, RuleOperator.OlderThan, token.Column, [ParseDuration(token)]);
        }

        var hint = word == "not" ? $"; to negate a condition, put 'not' before it: not {field} ..."
            : token.Kind == TokenKind.Word && Suggestions.Closest(word, WordOperators) is { } suggestion ? $" (did you mean '{suggestion}'?)"
            : " (=, !=, <, <=, >, >=, contains, starts_with, in, has, is, within or older_than)";
        throw Error(token.Column, $"expected an operator after '{field}' but found {token.Describe()}{hint}");
    }

    private Literal ParseValue(RuleToken after)
    {
        var token = Advance();
        switch (token.Kind)
        {
            case TokenKind.String:
                return new StringLiteral(token.Column, token.Text);
            case TokenKind.Number:
                return decimal.TryParse(token.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    ? new NumberLiteral(token.Column, number)
                    : throw Error(token.Column, $"'{token.Text}' is too large a number");
            case TokenKind.Date:
                return DateLiteral.TryParse(token.Text, token.Column)
                    ?? throw Error(token.Column, $"'{token.Text}' is not a date; write a day like 2026-01-31 or an instant like 2026-01-31T09:30:00Z");
            case TokenKind.Duration:
                throw Error(token.Column, $"'{token.Text}' is a duration, which only follows 'within' or 'older_than'");
            case TokenKind.Word when token.IsKeyword("true") || token.IsKeyword("false"):
                return new BooleanLiteral(token.Column, token.IsKeyword("true"));
            case TokenKind.Word when token.IsKeyword("null"):
                return new NullLiteral(token.Column);
            case TokenKind.Word when !Keywords.Contains(token.Text):
                return new WordLiteral(token.Column, token.Text.ToLowerInvariant());
            default:
                throw Error(token.Column, $"expected a value after '{after.Text.ToLowerInvariant()}' but found {token.Describe()}");
        }
    }

    private List<Literal> ParseList(RuleToken after)
    {
        var open = Advance();
        if (open.Kind != TokenKind.OpenBracket)
        {
            throw Error(open.Column, $"expected a list like [\"a\", \"b\"] after '{after.Text.ToLowerInvariant()}' but found {open.Describe()}");
        }

        if (Current.Kind == TokenKind.CloseBracket)
        {
            throw Error(open.Column, "the list is empty");
        }

        var items = new List<Literal>();
        while (true)
        {
            items.Add(ParseValue(items.Count == 0 ? open : _tokens[_position - 1]));
            var separator = Advance();
            if (separator.Kind == TokenKind.CloseBracket)
            {
                return items;
            }

            if (separator.Kind == TokenKind.End)
            {
                throw Error(open.Column, "the list that starts here is not closed with ']'");
            }

            if (separator.Kind != TokenKind.Comma)
            {
                throw Error(separator.Column, $"expected ',' or ']' in the list but found {separator.Describe()}");
            }
        }
    }

    private DurationLiteral ParseDuration(RuleToken after)
    {
        var token = Advance();
        var keyword = after.Text.ToLowerInvariant();
        if (token.Kind == TokenKind.Number)
        {
            throw Error(token.Column, $"'{token.Text}' needs a unit: {token.Text}d for days or {token.Text}h for hours");
        }

        if (token.Kind != TokenKind.Duration)
        {
            throw Error(token.Column, $"expected a duration like 30d or 12h after '{keyword}' but found {token.Describe()}");
        }

        var unitStart = token.Text.AsSpan().IndexOfAnyExceptInRange('0', '9');
        var unit = token.Text[unitStart..].ToLowerInvariant();
        if (unitStart == 0 || token.Text.Contains('.'))
        {
            throw Error(token.Column, $"'{token.Text}' is not a duration; write a whole number of days or hours, like 30d or 12h");
        }

        if (unit is not ("d" or "h"))
        {
            throw Error(token.Column, $"unknown unit '{unit}' in '{token.Text}'; use d for days or h for hours");
        }

        var limit = unit == "d" ? MaxDurationDays : MaxDurationDays * 24;
        if (!int.TryParse(token.Text.AsSpan(0, unitStart), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > limit)
        {
            throw Error(token.Column, $"'{token.Text}' is too long; the longest duration is {MaxDurationDays}d");
        }

        return new DurationLiteral(token.Column, amount, unit[0]);
    }

    private static string NormalizeFieldName(string written) =>
        written.StartsWith(FieldReference.AttributePrefix, StringComparison.OrdinalIgnoreCase)
            ? FieldReference.AttributePrefix + written[FieldReference.AttributePrefix.Length..]
            : written.ToLowerInvariant();

    private void Enter(RuleToken token)
    {
        if (++_depth > SegmentRule.MaxDepth)
        {
            throw Error(token.Column, $"the rule nests deeper than {SegmentRule.MaxDepth} levels of parentheses and 'not'");
        }
    }

    private RuleToken Advance()
    {
        var token = _tokens[_position];
        if (token.Kind != TokenKind.End)
        {
            _position++;
        }

        return token;
    }

    private static SegmentRuleException Error(int column, string message) => new(new RuleError(column, message));
}
