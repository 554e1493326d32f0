using System.Diagnostics;
using Crm.Bench.Infrastructure;
using Crm.Bench.StateEncoding;
using Crm.Grains.Intents;

namespace Crm.Bench.Intents;

/// <summary>
/// The text models by the numbers: naive Bayes and ML.NET's maximum entropy trainer, each on words and word pairs and
/// on those plus character n-grams, trained on every shipped example and measured on the separate held-out set: intent
/// macro-F1 over sales opportunity, support and general, overall and per language, with no engagement's F1 beside it;
/// sentiment macro-F1 over negative, neutral and positive likewise; and the cost of one prediction in µs, cycling
/// through the held-out messages on one thread. Training is deterministic, so the quality figures repeat exactly; only
/// the costs wander with the machine.
/// </summary>
public static class IntentSuite
{
    private static readonly (string Name, TextModelRecipe Recipe)[] Recipes =
    [
        ("naive_bayes", TextModelRecipe.Default),
        ("naive_bayes_chars", new(TextModelTrainer.NaiveBayes, TextFeatureSet.WordsBigramsAndCharacters)),
        ("maxent_words", new(TextModelTrainer.MaxEnt, TextFeatureSet.WordsAndBigrams)),
        ("maxent", TextModelRecipe.MaxEnt),
    ];

    public static Task<BenchReport> RunAsync(BenchSettings settings)
    {
        var report = new BenchReport("intent", settings.Command);
        var examples = IntentDataset.LoadEmbedded().Examples;
        var heldOut = IntentDataset.LoadHeldOut();
        var texts = heldOut.Select(e => e.Text).ToArray();
        report.Add("training_examples", examples.Count, "examples");
        report.Add("heldout_examples", heldOut.Count, "examples");

        var operations = new List<(string Name, Func<object> Operation)>();
        var next = 0;
        string Next() => texts[next++ % texts.Length];
        foreach (var (name, recipe) in Recipes)
        {
            var started = Stopwatch.GetTimestamp();
            var intent = IntentTextModel.Train(examples, recipe);
            report.Add($"intent.{name}.train_ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds, "ms", recipe.Describe());
            Quality($"intent.{name}", IntentQuality.Intents(intent, heldOut), report);
            report.Add($"intent.{name}.no_engagement_f1", IntentQuality.Intents(intent, heldOut).PerClass[Intent.NoEngagement].F1, "");
            operations.Add(($"intent.{name}", () => intent.Predict(Next())));

            started = Stopwatch.GetTimestamp();
            var sentiment = SentimentTextModel.Train(examples, recipe);
            report.Add($"sentiment.{name}.train_ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds, "ms");
            Quality($"sentiment.{name}", IntentQuality.Sentiments(sentiment, heldOut), report);
            operations.Add(($"sentiment.{name}", () => sentiment.Predict(Next())));
        }

        foreach (var (name, cost) in InterleavedTimer.Measure(settings, operations))
        {
            report.Add($"{name}.predict_us_per_message", cost.Microseconds, "µs", "one thread, held-out messages in turn");
            report.Add($"{name}.predict_alloc_bytes", cost.AllocatedBytes, "bytes");
        }

        return Task.FromResult(report);
    }

    private static void Quality<TClass>(string name, ClassificationReport<TClass> report, BenchReport bench)
        where TClass : struct, Enum
    {
        bench.Add($"{name}.heldout_macro_f1", report.MacroF1, "");
        foreach (var language in IntentDataset.Languages)
        {
            bench.Add($"{name}.per_language.{language}.macro_f1", report.ForLanguage(language).MacroF1, "");
        }
    }
}
