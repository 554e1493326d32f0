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
    [InlineData("não", "nao")]
    [InlineData("NÃO", "nao")]
    [InlineData("café", "cafe")]
    [InlineData("reçu", "recu")]
    [InlineData("devolución", "devolucion")]
    [InlineData("siiiii", "si")]
    [InlineData("pedidos", "pedido")]
    [InlineData("jajajaja", "haha")]
    [InlineData("kkkkkkk", "k")]
    [InlineData("cœur", "coeur")]
    public void Spelling_variants_share_a_key(string variant, string canonical)
    {
        var variantKeys = Keys(variant);

        var canonicalKeys = Keys(canonical);

        Assert.Equal(canonicalKeys, variantKeys);
    }

    [Theory]
    [InlineData("l'appli", "le appli")]
    [InlineData("j'ai", "je ai")]
    [InlineData("qu'il", "que il")]
    [InlineData("d’accord", "de accord")]
    [InlineData("J'arrive", "je arrive")]
    public void French_elisions_split_into_the_words_they_stand_for(string elided, string expanded)
    {
        var words = IntentTokenizer.Words(elided).Select(w => w.Key);

        Assert.Equal(IntentTokenizer.Words(expanded).Select(w => w.Key), words);
        Assert.Equal(2, words.Count());
    }

    [Fact]
    public void An_apostrophe_that_is_not_an_elision_joins_the_word()
    {
        var words = IntentTokenizer.Words("it's aujourd'hui").Select(w => w.Key);

        Assert.Equal(["its", "aujourdhui"], words);
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

    [Fact]
    public void Emoji_variation_selectors_and_joiners_do_not_split_or_add_words()
    {
        var words = IntentTokenizer.Words("te amo ❤️ obrigada 🙋‍♀️").Select(w => w.Key);

        Assert.Equal(["te", "amo", "❤", "obrigada", "🙋", "♀"], words);
    }

    [Fact]
    public void Accented_capitals_fold_like_their_small_letters()
    {
        var words = IntentTokenizer.Words("ÉTÉ ÇA ÑANDÚ").Select(w => w.Key);

        Assert.Equal(["ete", "ca", "nandu"], words);
    }

    [Fact]
    public void Surfaces_keep_the_accents_the_customer_typed()
    {
        var words = IntentTokenizer.Words("Não recebi");

        Assert.Equal(["não", "recebi"], words.Select(w => w.Surface));
        Assert.Equal(["nao", "recebi"], words.Select(w => w.Key));
    }

    [Fact]
    public void Character_n_grams_come_from_each_word_with_its_edges_and_credit_that_word()
    {
        var features = TextFeaturizer.Distinct("Olá", new TextFeatureSet(false, 3, 3));

        Assert.Equal(["ola", "#<ol", "#ola", "#la>"], features.Select(f => f.Key));
        Assert.All(features, f => Assert.Equal("olá", f.Surface));
    }

    [Fact]
    public void A_typo_shares_a_good_part_of_its_character_n_grams_with_the_word_it_misspells()
    {
        var typo = Grams("nesesito");

        var word = Grams("necesito");

        Assert.NotEqual(Keys("nesesito"), Keys("necesito"));
        Assert.True(typo.Intersect(word).Count() * 3 >= word.Count, $"{typo.Intersect(word).Count()} of {word.Count} shared");
    }

    private static HashSet<string> Grams(string text) =>
        TextFeaturizer.Distinct(text, TextFeatureSet.WordsBigramsAndCharacters).Where(f => f.Key.StartsWith('#')).Select(f => f.Key).ToHashSet();

    private static IEnumerable<string> Keys(string text) => IntentTokenizer.Tokenize(text).Select(f => f.Key);
}
