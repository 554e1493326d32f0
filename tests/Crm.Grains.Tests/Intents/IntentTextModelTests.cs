using System.Text.RegularExpressions;
using Crm.Grains.Intents;

namespace Crm.Grains.Tests.Intents;

public sealed partial class IntentTextModelTests
{
    private static readonly IntentTextModel TrainedOnTrainingSplit = IntentTextModel.Train(IntentDataset.LoadEmbedded().Training);

    [Fact]
    public void Request_for_a_quote_is_a_sales_opportunity()
    {
        var prediction = TrainedOnTrainingSplit.Predict("Can I get a quote for 50 licenses?");

        Assert.Equal(Intent.SalesOpportunity, prediction.Intent);
    }

    [Fact]
    public void Broken_order_with_a_refund_request_is_support()
    {
        var prediction = TrainedOnTrainingSplit.Predict("my order arrived broken, I want a refund");

        Assert.Equal(Intent.Support, prediction.Intent);
    }

    [Theory]
    [InlineData(TextModelTrainer.NaiveBayes)]
    [InlineData(TextModelTrainer.MaxEnt)]
    public void Models_trained_on_the_same_examples_predict_the_same_way(TextModelTrainer trainer)
    {
        var examples = IntentDataset.LoadEmbedded().Training;
        var recipe = new TextModelRecipe(trainer, TextFeatureSet.WordsBigramsAndCharacters);
        var first = IntentTextModel.Train(examples, recipe);
        var second = IntentTextModel.Train(examples, recipe);
        const string text = "hi, how much would 20 seats on the pro plan cost? thanks";

        var predictions = new[] { first.Predict(text), first.Predict(text), second.Predict(text) };

        Assert.All(predictions, p => Assert.Equal(predictions[0].Intent, p.Intent));
        Assert.All(predictions, p => Assert.Equal(predictions[0].Score, p.Score));
        Assert.All(predictions, p => Assert.Equal(predictions[0].Probabilities, p.Probabilities));
        Assert.All(predictions, p => Assert.Equal(predictions[0].Reasons, p.Reasons));
    }

    [Theory]
    [InlineData("Can I get a quote for 50 licenses?")]
    [InlineData("my order arrived broken, I want a refund")]
    [InlineData("please remove me from your mailing list")]
    [InlineData("thanks so much, have a lovely weekend")]
    public void Reasons_quote_words_of_the_message_and_name_the_predicted_intent(string text)
    {
        var words = WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet();

        var prediction = TrainedOnTrainingSplit.Predict(text);

        Assert.InRange(prediction.Reasons.Count, 1, 3);
        Assert.All(prediction.Reasons, reason =>
        {
            var match = ReasonPattern().Match(reason);
            Assert.True(match.Success, reason);
            Assert.Equal(prediction.Intent.Label(), match.Groups["intent"].Value);
            Assert.All(match.Groups["phrase"].Value.Split(' '), word => Assert.Contains(word, words));
        });
    }

    [Theory]
    [InlineData("Can I get a quote for 50 licenses?", "'quote' suggests sales_opportunity")]
    [InlineData("thanks, but my order arrived broken and I want a refund", "'refund' suggests support")]
    public void Reasons_lead_with_the_word_that_most_favours_the_prediction(string text, string expected)
    {
        var prediction = TrainedOnTrainingSplit.Predict(text);

        Assert.Equal(expected, prediction.Reasons[0]);
    }

    [Fact]
    public void Score_is_the_largest_probability_and_the_probabilities_sum_to_one()
    {
        var texts = IntentDataset.LoadEmbedded().Development.Select(e => e.Text);

        var predictions = texts.Select(TrainedOnTrainingSplit.Predict).ToList();

        Assert.All(predictions, p =>
        {
            Assert.All(p.Probabilities.Values, probability => Assert.InRange(probability, 0, 1));
            Assert.Equal(p.Probabilities.Values.Max(), p.Score);
            Assert.Equal(p.Score, p.Probabilities[p.Intent]);
            Assert.Equal(1, p.Probabilities.Values.Sum(), precision: 9);
            Assert.Equal(Enum.GetValues<Intent>().Length, p.Probabilities.Count);
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t ")]
    public void Empty_text_is_no_engagement_with_certainty(string text)
    {
        var prediction = TrainedOnTrainingSplit.Predict(text);

        Assert.Equal(Intent.NoEngagement, prediction.Intent);
        Assert.Equal(1, prediction.Score);
        Assert.Equal(["the message is empty"], prediction.Reasons);
    }

    [Fact]
    public void Text_without_a_known_word_is_no_engagement_at_even_odds()
    {
        var prediction = TrainedOnTrainingSplit.Predict("zqxv wqpt");

        Assert.Equal(Intent.NoEngagement, prediction.Intent);
        Assert.All(prediction.Probabilities.Values, probability => Assert.Equal(0.25, probability));
        Assert.Equal(["no word in the message was seen in training"], prediction.Reasons);
    }

    [Fact]
    public void Training_without_an_example_of_every_intent_is_refused()
    {
        var supportOnly = IntentDataset.LoadEmbedded().Training.Where(e => e.Intent == Intent.Support);

        var error = Assert.Throws<ArgumentException>(() => IntentTextModel.Train(supportOnly));

        Assert.Contains("sales_opportunity", error.Message);
    }

    [Theory]
    [InlineData("¿cuánto cuesta el plan pro?", Intent.SalesOpportunity)]
    [InlineData("meu pedido chegou quebrado, quero o reembolso", Intent.Support)]
    [InlineData("merci beaucoup, bonne journée !", Intent.General)]
    [InlineData("nao tenho interesse, obrigado", Intent.NoEngagement)]
    public void Reads_spanish_portuguese_and_french_written_casually(string text, Intent expected)
    {
        var prediction = TrainedOnTrainingSplit.Predict(text);

        Assert.Equal(expected, prediction.Intent);
    }

    [Theory]
    [InlineData(TextModelTrainer.NaiveBayes)]
    [InlineData(TextModelTrainer.MaxEnt)]
    public async Task Many_concurrent_callers_get_the_answers_one_caller_gets(TextModelTrainer trainer)
    {
        var model = IntentTextModel.Train(IntentDataset.LoadEmbedded().Training, new TextModelRecipe(trainer, TextFeatureSet.WordsBigramsAndCharacters));
        var texts = IntentDataset.LoadEmbedded().Development.Select(e => e.Text).ToArray();
        var expected = texts.Select(model.Predict).ToArray();
        using var start = new ManualResetEventSlim();

        var callers = Enumerable.Range(0, 16).Select(caller => Task.Run(() =>
        {
            start.Wait();
            return Enumerable.Range(0, texts.Length * 3).Select(i => (Index: (i + caller) % texts.Length, Prediction: model.Predict(texts[(i + caller) % texts.Length]))).ToList();
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(callers);

        Assert.All(results.SelectMany(r => r), r =>
        {
            Assert.Equal(expected[r.Index].Intent, r.Prediction.Intent);
            Assert.Equal(expected[r.Index].Probabilities, r.Prediction.Probabilities);
            Assert.Equal(expected[r.Index].Reasons, r.Prediction.Reasons);
        });
    }

    [Fact]
    public void Default_model_is_trained_once_and_shared()
    {
        var first = IntentTextModel.LoadDefault();

        var second = IntentTextModel.LoadDefault();

        Assert.Same(first, second);
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();

    [GeneratedRegex("^'(?<phrase>[^']+)' suggests (?<intent>[a-z_]+)$")]
    private static partial Regex ReasonPattern();
}
