using System.Linq.Expressions;
using System.Reflection;
using Crm.Grains.Customers;
using Crm.Grains.Intents;

namespace Crm.Grains.Segments;

/// <summary>
/// Compiles a validated rule into one delegate through an expression tree, so a rule runs as straight-line code with
/// short-circuiting <c>and</c>/<c>or</c>, no per-node dispatch and no allocation. Everything that depends only on the rule
/// (lower-cased tags, day boundaries in ticks, string sets for <c>in</c>) is worked out here, once.
/// </summary>
internal sealed class RuleCompiler
{
    private const StringComparison IgnoreCase = StringComparison.OrdinalIgnoreCase;

    private static readonly MethodInfo TextEquals = typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo TextCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo TextContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo TextStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo TextSetContains = typeof(HashSet<string>).GetMethod(nameof(HashSet<string>.Contains))!;
    private static readonly MethodInfo SetContains = typeof(IReadOnlySet<string>).GetMethod(nameof(IReadOnlySet<string>.Contains))!;
    private static readonly MethodInfo AttributeIsMissing = typeof(AttributeReader).GetMethod(nameof(AttributeReader.IsMissing))!;

    private readonly ParameterExpression _customer = Expression.Parameter(typeof(CustomerSnapshot), "customer");
    private readonly ParameterExpression _now = Expression.Parameter(typeof(DateTimeOffset), "now");

    /// <summary>How a field's value and a literal are compared; for a custom attribute, chosen by the literal.</summary>
    private enum Domain
    {
        Text,
        Stage,
        Integer,
        Real,
        Money,
        Timestamp,
        Day,
        Boolean,
    }

    public static Func<CustomerSnapshot, DateTimeOffset, bool> Compile(RuleNode root)
    {
        var compiler = new RuleCompiler();
        var body = compiler.Build(root);
        return Expression.Lambda<Func<CustomerSnapshot, DateTimeOffset, bool>>(body, compiler._customer, compiler._now).Compile();
    }

    private Expression Build(RuleNode node) => node switch
    {
        AllOf all => all.Operands.Select(Build).Aggregate(Expression.AndAlso),
        AnyOf any => any.Operands.Select(Build).Aggregate(Expression.OrElse),
        Negation negation => Expression.Not(Build(negation.Operand)),
        Condition condition => Build(condition),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "unknown rule node"),
    };

    private Expression Build(Condition condition)
    {
        var field = FieldCatalog.Find(condition.Field)!;
        switch (condition.Operator)
        {
            case RuleOperator.IsNull:
                return IsMissing(field);
            case RuleOperator.IsNotNull:
                return Expression.Not(IsMissing(field));
            case RuleOperator.Has:
                return Contains(field, condition.Operand);
            case RuleOperator.HasAny:
                return condition.Operands.Select(operand => Contains(field, operand)).Aggregate(Expression.OrElse);
            case RuleOperator.HasAll:
                return condition.Operands.Select(operand => Contains(field, operand)).Aggregate(Expression.AndAlso);
            case RuleOperator.Within or RuleOperator.OlderThan:
                return WhenPresent(Read(field, Domain.Timestamp), value => Recency(condition.Operator, value, (DurationLiteral)condition.Operand));
            case RuleOperator.In:
                return condition.Operands
                    .GroupBy(operand => DomainOf(field, operand))
                    .Select(group => WhenPresent(Read(field, group.Key), value => EqualsAny(group.Key, value, group.ToList())))
                    .Aggregate(Expression.OrElse);
            default:
                var domain = DomainOf(field, condition.Operand);
                return WhenPresent(Read(field, domain), value => Compare(domain, condition.Operator, value, condition.Operand));
        }
    }

    private static Domain DomainOf(FieldDefinition field, Literal operand) => field.Kind switch
    {
        FieldKind.Text => Domain.Text,
        FieldKind.Lifecycle or FieldKind.Intent or FieldKind.Sentiment => Domain.Stage,
        FieldKind.Integer => Domain.Integer,
        FieldKind.Real => Domain.Real,
        FieldKind.Money => Domain.Money,
        FieldKind.Timestamp => Domain.Timestamp,
        _ => operand switch
        {
            StringLiteral => Domain.Text,
            NumberLiteral => Domain.Money,
            BooleanLiteral => Domain.Boolean,
            _ => Domain.Day,
        },
    };

    private Expression Read(FieldDefinition field, Domain domain)
    {
        if (field.Kind != FieldKind.Attribute)
        {
            return Expression.Property(_customer, field.Property);
        }

        var reader = domain switch
        {
            Domain.Text => nameof(AttributeReader.Text),
            Domain.Money => nameof(AttributeReader.Number),
            Domain.Boolean => nameof(AttributeReader.Boolean),
            _ => nameof(AttributeReader.Day),
        };
        return Expression.Call(typeof(AttributeReader).GetMethod(reader)!, _customer, Expression.Constant(AttributeName(field)));
    }

    private Expression IsMissing(FieldDefinition field)
    {
        if (field.Kind == FieldKind.Attribute)
        {
            return Expression.Call(AttributeIsMissing, _customer, Expression.Constant(AttributeName(field)));
        }

        var value = Expression.Property(_customer, field.Property);
        return value.Type.IsValueType
            ? Expression.Not(Expression.Property(value, nameof(Nullable<int>.HasValue)))
            : Expression.ReferenceEqual(value, Expression.Constant(null, value.Type));
    }

    /// <summary>Sets hold lower-case strings, so the rule's value is lower-cased here rather than at every evaluation.</summary>
    private Expression Contains(FieldDefinition field, Literal operand)
    {
        var name = operand is WordLiteral word ? word.Word : ((StringLiteral)operand).Value;
        return Expression.Call(Expression.Property(_customer, field.Property), SetContains, Expression.Constant(name.ToLowerInvariant()));
    }

    private Expression Recency(RuleOperator op, Expression value, DurationLiteral duration)
    {
        var threshold = Expression.Subtract(Expression.Property(_now, nameof(DateTimeOffset.UtcTicks)), Expression.Constant(duration.Span.Ticks));
        var ticks = Expression.Property(value, nameof(DateTimeOffset.UtcTicks));
        return op == RuleOperator.Within ? Expression.GreaterThanOrEqual(ticks, threshold) : Expression.LessThan(ticks, threshold);
    }

    private static Expression EqualsAny(Domain domain, Expression value, IReadOnlyList<Literal> operands)
    {
        if (domain == Domain.Text)
        {
            var set = new HashSet<string>(operands.Select(operand => ((StringLiteral)operand).Value), StringComparer.OrdinalIgnoreCase);
            return Expression.Call(Expression.Constant(set), TextSetContains, value);
        }

        return operands.Select(operand => Compare(domain, RuleOperator.Equal, value, operand)).Aggregate(Expression.OrElse);
    }

    private static Expression Compare(Domain domain, RuleOperator op, Expression value, Literal operand) => domain switch
    {
        Domain.Text => CompareText(op, value, ((StringLiteral)operand).Value),
        Domain.Stage => Expression.MakeBinary(Binary(op), value, Expression.Constant(Stage(value.Type, operand), value.Type)),
        Domain.Integer => CompareInteger(op, value, ((NumberLiteral)operand).Value),
        Domain.Real => Expression.MakeBinary(Binary(op), value, Expression.Constant((double)((NumberLiteral)operand).Value)),
        Domain.Money => Expression.MakeBinary(Binary(op), value, Expression.Constant(((NumberLiteral)operand).Value)),
        Domain.Timestamp => CompareTimestamp(op, Expression.Property(value, nameof(DateTimeOffset.UtcTicks)), (DateLiteral)operand),
        Domain.Day => Expression.MakeBinary(Binary(op), value, Expression.Constant(DateOnly.FromDateTime(((DateLiteral)operand).Value.UtcDateTime).DayNumber)),
        _ => Expression.MakeBinary(Binary(op), value, Expression.Constant(((BooleanLiteral)operand).Value)),
    };

    private static Expression CompareText(RuleOperator op, Expression value, string text)
    {
        var literal = Expression.Constant(text);
        var ignoreCase = Expression.Constant(IgnoreCase);
        return op switch
        {
            RuleOperator.Equal => Expression.Call(TextEquals, value, literal, ignoreCase),
            RuleOperator.NotEqual => Expression.Not(Expression.Call(TextEquals, value, literal, ignoreCase)),
            RuleOperator.Contains => Expression.Call(value, TextContains, literal, ignoreCase),
            RuleOperator.StartsWith => Expression.Call(value, TextStartsWith, literal, ignoreCase),
            _ => Expression.MakeBinary(Binary(op), Expression.Call(TextCompare, value, literal, ignoreCase), Expression.Constant(0)),
        };
    }

    /// <summary>
    /// Keeps counters in ints: an int is below 2.5 exactly when it is at most 2, and a literal beyond the int range
    /// behaves like the nearest number just outside it.
    /// </summary>
    private static Expression CompareInteger(RuleOperator op, Expression value, decimal literal)
    {
        var number = Math.Clamp(literal, int.MinValue - 1m, int.MaxValue + 1m);
        var exact = decimal.IsInteger(number) && number is >= int.MinValue and <= int.MaxValue;
        return op switch
        {
            RuleOperator.Equal => exact ? Expression.Equal(value, Expression.Constant((int)number)) : Expression.Constant(false),
            RuleOperator.NotEqual => exact ? Expression.NotEqual(value, Expression.Constant((int)number)) : Expression.Constant(true),
            RuleOperator.Less => AtMost(value, decimal.Ceiling(number) - 1),
            RuleOperator.LessOrEqual => AtMost(value, decimal.Floor(number)),
            RuleOperator.Greater => AtLeast(value, decimal.Floor(number) + 1),
            _ => AtLeast(value, decimal.Ceiling(number)),
        };
    }

    private static Expression AtMost(Expression value, decimal bound) =>
        bound >= int.MaxValue ? Expression.Constant(true)
        : bound < int.MinValue ? Expression.Constant(false)
        : Expression.LessThanOrEqual(value, Expression.Constant((int)bound));

    private static Expression AtLeast(Expression value, decimal bound) =>
        bound <= int.MinValue ? Expression.Constant(true)
        : bound > int.MaxValue ? Expression.Constant(false)
        : Expression.GreaterThanOrEqual(value, Expression.Constant((int)bound));

    /// <summary>A day stands for all of its instants: <c>= 2026-01-31</c> is any time that day (UTC), <c>&lt;=</c> includes the whole day.</summary>
    private static Expression CompareTimestamp(RuleOperator op, Expression ticks, DateLiteral date)
    {
        var start = Expression.Constant(date.Value.UtcTicks);
        if (!date.IsDay)
        {
            return Expression.MakeBinary(Binary(op), ticks, start);
        }

        var end = Expression.Constant(date.DayEnd.UtcTicks);
        return op switch
        {
            RuleOperator.Equal => Expression.AndAlso(Expression.GreaterThanOrEqual(ticks, start), Expression.LessThan(ticks, end)),
            RuleOperator.NotEqual => Expression.OrElse(Expression.LessThan(ticks, start), Expression.GreaterThanOrEqual(ticks, end)),
            RuleOperator.Less => Expression.LessThan(ticks, start),
            RuleOperator.LessOrEqual => Expression.LessThan(ticks, end),
            RuleOperator.Greater => Expression.GreaterThanOrEqual(ticks, end),
            _ => Expression.GreaterThanOrEqual(ticks, start),
        };
    }

    private static object Stage(Type type, Literal operand)
    {
        var name = operand is WordLiteral word ? word.Word : ((StringLiteral)operand).Value;
        return type == typeof(Lifecycle) ? FieldCatalog.Lifecycles.Get(name)
            : type == typeof(Sentiment) ? FieldCatalog.Sentiments.Get(name)
            : FieldCatalog.Intents.Get(name);
    }

    /// <summary>
    /// Evaluates <paramref name="value"/> once and runs <paramref name="test"/> only when it is present, so every comparison
    /// with a missing value, whatever its operator, is false.
    /// </summary>
    private static Expression WhenPresent(Expression value, Func<Expression, Expression> test)
    {
        var underlying = Nullable.GetUnderlyingType(value.Type);
        if (value.Type.IsValueType && underlying is null)
        {
            return test(value);
        }

        var variable = Expression.Variable(value.Type);
        var present = underlying is null
            ? Expression.ReferenceNotEqual(variable, Expression.Constant(null, value.Type))
            : (Expression)Expression.Property(variable, nameof(Nullable<int>.HasValue));
        var inner = underlying is null ? variable : (Expression)Expression.Call(variable, value.Type.GetMethod(nameof(Nullable<int>.GetValueOrDefault), Type.EmptyTypes)!);
        return Expression.Block([variable], Expression.Assign(variable, value), Expression.AndAlso(present, test(inner)));
    }

    private static ExpressionType Binary(RuleOperator op) => op switch
    {
        RuleOperator.Equal => ExpressionType.Equal,
        RuleOperator.NotEqual => ExpressionType.NotEqual,
        RuleOperator.Less => ExpressionType.LessThan,
        RuleOperator.LessOrEqual => ExpressionType.LessThanOrEqual,
        RuleOperator.Greater => ExpressionType.GreaterThan,
        RuleOperator.GreaterOrEqual => ExpressionType.GreaterThanOrEqual,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a comparison"),
    };

    private static string AttributeName(FieldDefinition field) => field.Name[FieldReference.AttributePrefix.Length..];
}
