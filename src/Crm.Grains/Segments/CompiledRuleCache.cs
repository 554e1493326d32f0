using System.Collections.Concurrent;

namespace Crm.Grains.Segments;

/// <summary>
/// Compiled segment rules shared by the whole process, keyed by normalized rule text: parsing and compiling a rule costs
/// about a millisecond and evaluating it a few nanoseconds, so every customer of every workspace evaluates one compiled
/// rule per text, compiled exactly once.
/// </summary>
public sealed class CompiledRuleCache(int capacity)
{
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<string, Lazy<SegmentRule?>> _rules = new(StringComparer.Ordinal);
    private long _compilations;

    public CompiledRuleCache()
        : this(DefaultCapacity)
    {
    }

    /// <summary>How many rule texts this cache has compiled (or found not to parse).</summary>
    public long Compilations => Interlocked.Read(ref _compilations);

    /// <summary>
    /// The compiled rule, or null when the text does not parse. The catalog only stores rules that parse, so null means a
    /// stored rule that a later version of the language refuses: it matches no one rather than failing every customer's writes.
    /// </summary>
    public SegmentRule? Get(string ruleText)
    {
        if (_rules.TryGetValue(ruleText, out var cached))
        {
            return cached.Value;
        }

        // Rules edited or deleted long ago would otherwise stay forever; dropping everything costs one recompile per live rule.
        if (_rules.Count >= capacity)
        {
            _rules.Clear();
        }

        // Racing callers may each build a Lazy, but only the one stored is ever run.
        return _rules.GetOrAdd(ruleText, text => new Lazy<SegmentRule?>(() => Compile(text))).Value;
    }

    private SegmentRule? Compile(string ruleText)
    {
        Interlocked.Increment(ref _compilations);
        if (!SegmentRule.TryParse(ruleText, out var rule, out _))
        {
            return null;
        }

        rule.Compile();
        return rule;
    }
}
