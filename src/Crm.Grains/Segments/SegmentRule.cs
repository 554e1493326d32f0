using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Crm.Grains.Customers;

namespace Crm.Grains.Segments;

/// <summary>
/// The rule of a rule-based segment, parsed and checked against the field catalog; compiled to a delegate on first use.
/// </summary>
/// <remarks>
/// <para>Grammar (keywords and field names are case-insensitive; <c>docs/SEGMENT_RULES.md</c> has examples):</para>
/// <code>
/// rule       = or
/// or         = and { "or" and }
/// and        = unary { "and" unary }
/// unary      = "not" unary | "(" or ")" | condition
/// condition  = field ( "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" ) value
///            | field ( "contains" | "starts_with" ) string
///            | field "in" list
///            | field "has" value | field "has" ( "any" | "all" ) list
///            | field "is" [ "not" ] "null"
///            | field ( "within" | "older_than" ) duration
/// list       = "[" value { "," value } "]"
/// value      = string | number | date | "true" | "false" | word
/// field      = name | "attr." name
/// string     = '"' { character | '\"' | '\\' | '\n' | '\r' | '\t' } '"'
/// number     = [ "-" ] digits [ "." digits ]
/// date       = yyyy-MM-dd | yyyy-MM-ddTHH:mm[:ss[.fffffff]][Z | ±hh:mm]
/// duration   = digits ( "d" | "h" )
/// word       = a lifecycle stage, intent or channel name, unquoted
/// </code>
/// <para>
/// Any comparison with a missing value (a null field, an absent attribute, or an attribute holding another kind of value
/// than the operand) is false, whatever the operator; <c>not</c> inverts the result. String equality, <c>contains</c>,
/// <c>starts_with</c> and <c>in</c> ignore case. A day stands for all of its instants in UTC.
/// </para>
/// </remarks>
public sealed class SegmentRule
{
    public const int MaxLength = 2_000;

    /// <summary>How many parentheses and <c>not</c>s may enclose each other.</summary>
    public const int MaxDepth = 32;

    private readonly RuleNode _root;
    private Func<CustomerSnapshot, DateTimeOffset, bool>? _predicate;

    private SegmentRule(RuleNode root, IReadOnlySet<string> fields)
    {
        _root = root;
        Fields = fields;
    }

    /// <summary>The fields the rule reads (<c>lifecycle</c>, <c>attr.plan</c>): a change to any other field cannot change its result.</summary>
    public IReadOnlySet<string> Fields { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out SegmentRule? rule, [NotNullWhen(false)] out RuleError? error)
    {
        try
        {
            rule = Parse(text);
            error = null;
            return true;
        }
        catch (SegmentRuleException exception)
        {
            rule = null;
            error = exception.Error;
            return false;
        }
    }

    /// <exception cref="SegmentRuleException">The rule is empty, too long, nests too deep, does not parse, or does not fit the field catalog.</exception>
    public static SegmentRule Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SegmentRuleException(new RuleError(1, "the rule is empty"));
        }

        if (text.Length > MaxLength)
        {
            throw new SegmentRuleException(new RuleError(MaxLength + 1, string.Create(CultureInfo.InvariantCulture, $"the rule is {text.Length:N0} characters long; the limit is {MaxLength:N0}")));
        }

        var root = RuleParser.Parse(text);
        return new SegmentRule(root, RuleValidator.Validate(root));
    }

    /// <summary>
    /// The compiled rule; <c>now</c> is the instant <c>within</c> and <c>older_than</c> count back from. Compiled on the first
    /// call and kept, so share one <see cref="SegmentRule"/> per rule text rather than parsing it per customer.
    /// </summary>
    public Func<CustomerSnapshot, DateTimeOffset, bool> Compile()
    {
        // Two threads may both compile on first use; either delegate is correct and only one is kept.
        return _predicate ?? Interlocked.CompareExchange(ref _predicate, RuleCompiler.Compile(_root), null) ?? _predicate;
    }

    public bool Matches(CustomerSnapshot customer, DateTimeOffset now) => Compile()(customer, now);

    /// <summary>The rule in normalized form, which parses back to an equivalent rule: the form to store.</summary>
    public override string ToString() => _root.ToString();
}
