using Crm.Grains.Intents;

namespace Crm.Grains.Tests.Intents;

public sealed class IntentTokenizerTests
{
    [Theory]
    [InlineData("pleeease", "please")]
    [InlineData("PRICING!!", "pricing")]
    [InlineData("don't", "dont")]
    [InlineData("orders", "order")]
    [InlineData("deliveries", "delivery")]
    [InlineData("adress", "address")]
    public void Spelling_variants_share_a_key(string variant, string canonical)
    {
        var variantKeys = Keys(variant);

        var canonicalKeys = Keys(canonical);

        Assert.Equal(canonicalKeys, variantKeys);
    }

    [Fact]
    public void Adjacent_words_form_bigrams_after_the_words()
    {
        var features = IntentTokenizer.Tokenize("How much, really?");

        Assert.Equal(["how", "much", "realy", "how much", "much realy"], features.Select(f => f.Key));
        Assert.Equal(["how", "much", "really", "how much", "much really"], features.Select(f => f.Surface));
    }

    [Fact]
    public void Numbers_share_one_key_and_keep_their_digits_for_reasons()
    {
        var features = IntentTokenizer.Tokenize("50 200");

        Assert.Equal(["<number>", "<number>"], features.Take(2).Select(f => f.Key));
        Assert.Equal(["50", "200"], features.Take(2).Select(f => f.Surface));
    }

    [Fact]
    public void Emoji_are_words_of_their_own_and_punctuation_is_dropped()
    {
        var features = IntentTokenizer.Tokenize("broken😡... again!");

        Assert.Equal(["broken", "😡", "again"], features.Take(3).Select(f => f.Key));
    }

    private static IEnumerable<string> Keys(string text) => IntentTokenizer.Tokenize(text).Select(f => f.Key);
}
