using System.Text;

namespace Crm.Grains.Segments;

/// <summary>
/// The names a rule may use for the values of an enum: the member names in snake_case (<c>AtRisk</c> is <c>at_risk</c>),
/// plus aliases agents already use. Built from the enum, so a new member is usable in rules at once.
/// </summary>
internal sealed class Vocabulary<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];

    public Vocabulary(string noun, params (string Alias, TEnum Value)[] aliases)
    {
        Noun = noun;
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var name = SnakeCase(value.ToString());
            _names.Add(name);
            _values[name] = value;
        }

        foreach (var (alias, value) in aliases)
        {
            _values[alias] = value;
        }
    }

    public string Noun { get; }

    public bool TryGet(string name, out TEnum value) => _values.TryGetValue(name, out value);

    public TEnum Get(string name) => _values[name];

    public string Unknown(string written) => Suggestions.Closest(written, _values.Keys) is { } suggestion
        ? $"unknown {Noun} '{written}' (did you mean '{suggestion}'?)"
        : $"unknown {Noun} '{written}'; use {string.Join(", ", _names[..^1])} or {_names[^1]}";

    private static string SnakeCase(string pascal)
    {
        var snake = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && snake.Length > 0)
            {
                snake.Append('_');
            }

            snake.Append(char.ToLowerInvariant(c));
        }

        return snake.ToString();
    }
}
