using Crm.Grains.Intents;

namespace Crm.Grains.Tests.Intents;

public sealed class IntentDatasetTests
{
    private static readonly string[] Registers = ["chat", "email", "typos", "emoji", "mixed_case"];

    private readonly IntentDataset dataset = IntentDataset.LoadEmbedded();

    [Fact]
    public void Dataset_holds_at_least_400_examples()
    {
        var count = dataset.Examples.Count;

        Assert.True(count >= 400, $"{count} examples");
    }

    [Fact]
    public void Every_intent_has_at_least_80_examples()
    {
        var perIntent = Enum.GetValues<Intent>().ToDictionary(i => i, i => dataset.Examples.Count(e => e.Intent == i));

        Assert.All(perIntent, pair => Assert.True(pair.Value >= 80, $"{pair.Key.Label()} has {pair.Value}"));
    }

    [Fact]
    public void Ids_are_unique()
    {
        var repeated = dataset.Examples.GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(repeated);
    }

    [Fact]
    public void No_two_examples_have_the_same_text_ignoring_case_and_surrounding_space()
    {
        var repeated = dataset.Examples
            .GroupBy(e => e.Text.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(", ", g.Select(e => e.Id)));

        Assert.Empty(repeated);
    }

    [Fact]
    public void Every_intent_is_written_in_every_register()
    {
        var missing = Enum.GetValues<Intent>()
            .SelectMany(intent => Registers.Select(register => (intent, register)))
            .Where(pair => !dataset.Examples.Any(e => e.Intent == pair.intent && e.Register == pair.register))
            .Select(pair => $"{pair.intent.Label()}/{pair.register}");

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_register_is_one_of_the_known_ones()
    {
        var unknown = dataset.Examples.Where(e => !Registers.Contains(e.Register)).Select(e => $"{e.Id}: {e.Register}");

        Assert.Empty(unknown);
    }

    [Fact]
    public void Training_and_development_split_every_example_into_exactly_one_side()
    {
        var training = dataset.Training.Select(e => e.Id).ToHashSet();
        var development = dataset.Development.Select(e => e.Id).ToHashSet();

        Assert.Empty(training.Intersect(development));
        Assert.Equal(dataset.Examples.Select(e => e.Id).Order(), training.Concat(development).Order());
    }

    [Fact]
    public void Every_intent_has_roughly_a_fifth_of_its_examples_kept_for_development()
    {
        var developmentShare = Enum.GetValues<Intent>().ToDictionary(
            intent => intent,
            intent => (double)dataset.Development.Count(e => e.Intent == intent) / dataset.Examples.Count(e => e.Intent == intent));

        Assert.All(developmentShare, pair => Assert.InRange(pair.Value, 0.12, 0.28));
    }

    [Fact]
    public void Every_language_has_at_least_200_examples_and_every_intent_in_it()
    {
        var perLanguage = IntentDataset.Languages.ToDictionary(l => l, l => dataset.Examples.Count(e => e.Language == l));
        var missing = IntentDataset.Languages
            .SelectMany(language => Enum.GetValues<Intent>().Select(intent => (language, intent)))
            .Where(pair => !dataset.Examples.Any(e => e.Language == pair.language && e.Intent == pair.intent))
            .Select(pair => $"{pair.language}/{pair.intent.Label()}");

        Assert.All(perLanguage, pair => Assert.True(pair.Value >= 200, $"{pair.Key} has {pair.Value}"));
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_sentiment_is_written_in_every_language()
    {
        var missing = IntentDataset.Languages
            .SelectMany(language => Enum.GetValues<Sentiment>().Select(sentiment => (language, sentiment)))
            .Where(pair => dataset.Examples.Count(e => e.Language == pair.language && e.Sentiment == pair.sentiment) < 30)
            .Select(pair => $"{pair.language}/{pair.sentiment.Label()}");

        Assert.Empty(missing);
    }

    /// <summary>
    /// Two people writing short chat independently meet on "stop", "k", "prix" or "👍"; a message longer than three words
    /// found in both would say one was copied, and would flatter the model measured on it.
    /// </summary>
    [Fact]
    public void Held_out_set_covers_every_language_and_shares_no_message_of_more_than_three_words_with_the_training_examples()
    {
        var heldOut = IntentDataset.LoadHeldOut();
        var training = dataset.Examples.Select(e => Normalized(e.Text)).ToHashSet();

        var shared = heldOut.Where(e => training.Contains(Normalized(e.Text)) && Normalized(e.Text).Split(' ').Length > 3).Select(e => e.Id);

        Assert.Equal(IntentDataset.Languages.Order(), heldOut.Select(e => e.Language).Distinct().Order());
        Assert.Empty(shared);
    }

    /// <summary>Case, accents, spacing and punctuation aside, so a copy with a changed comma still counts as shared.</summary>
    private static string Normalized(string text) =>
        string.Join(' ', IntentTokenizer.Words(text).Select(w => w.Key));
}
