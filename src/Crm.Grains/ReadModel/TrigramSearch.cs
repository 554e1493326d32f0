namespace Crm.Grains.ReadModel;

/// <summary>
/// Substring search through SQLite's FTS5 trigram index (<c>crm_customer_search</c>), and the choice SQLite's planner
/// cannot make for it: the index reads every match before the page is sorted, which pays for a rare text and costs more
/// than walking the list in sort order for a common one (there the first page fills after a few hundred rows).
/// </summary>
public static class TrigramSearch
{
    /// <summary>The index holds three-character sequences, so a shorter text has nothing to look up.</summary>
    public const int MinimumLength = 3;

    /// <summary>At most this many of the text's trigrams are counted: enough to find a rare one, few enough to stay cheap.</summary>
    private const int CountedTrigrams = 8;

    /// <summary>Counted as FTS5 counts: in Unicode characters, not UTF-16 units.</summary>
    public static bool CanUseIndex(string text) => text.EnumerateRunes().Count() >= MinimumLength;

    /// <summary>
    /// The text as one FTS5 phrase: its trigrams in a row, so a row matches when its search text contains the text as a
    /// substring, as LIKE '%text%' does. Inside a quoted phrase only the quote itself needs escaping, doubled.
    /// </summary>
    public static string Phrase(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";

    /// <summary>
    /// Whether the index should serve a search for <paramref name="text"/> (lower-cased) filling a page of
    /// <paramref name="page"/> rows. Its rarest trigram bounds the matches m (from the index's own counts, per term); reading
    /// them costs about m, walking the sort order about page × n / m for n customers, so the index wins while m² &lt; page × n.
    /// </summary>
    public static async Task<bool> NarrowsAsync(SqlReader reader, string text, int page, CancellationToken cancellationToken)
    {
        if (!CanUseIndex(text))
        {
            return false;
        }

        var trigrams = Trigrams(text);
        var counted = Enumerable.Range(0, Math.Min(CountedTrigrams, trigrams.Length))
            .Select(i => trigrams[i * trigrams.Length / Math.Min(CountedTrigrams, trigrams.Length)])
            .ToArray();
        var names = counted.Select((_, i) => $"@t{i}").ToArray();
        var sql = $"""
            SELECT (SELECT coalesce(max(row), 0) FROM crm_customer_search_keys), count(*), coalesce(min(doc), 0)
            FROM crm_customer_search_vocab WHERE term IN ({string.Join(", ", names)})
            """;
        var counts = await reader.QueryAsync(
            sql, counted.Select((trigram, i) => ($"t{i}", (object)trigram)).ToArray(), row => (Rows: row.GetInt64(0), Found: row.GetInt64(1), Rarest: row.GetInt64(2)), cancellationToken);
        var (rows, found, rarest) = counts[0];
        var matches = found < counted.Length ? 0 : rarest;
        return matches * matches < (long)page * rows;
    }

    /// <summary>The distinct three-character sequences of the text, as the trigram tokenizer cuts them (by Unicode character).</summary>
    private static string[] Trigrams(string text)
    {
        var runes = text.EnumerateRunes().Select(rune => rune.ToString()).ToArray();
        return Enumerable.Range(0, runes.Length - 2).Select(i => runes[i] + runes[i + 1] + runes[i + 2]).Distinct().ToArray();
    }
}
