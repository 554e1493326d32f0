using System.Diagnostics;
using Crm.Bench.Infrastructure;
using Crm.Bench.StateEncoding;
using Crm.Grains.Intents;

namespace Crm.Bench.Intents;

/// <summary>
/// The text models by the numbers: naive Bayes and ML.NET's maximum entropy trainer, each with and without character
/// n-grams, trained on every shipped example and measured on the separate held-out set (macro-F1 over sales opportunity,
/// support and general, overall and per language; no engagement's F1 beside it), the sentiment model likewise, and the
/// cost of one prediction in µs, cycling through the held-out messages. Training is deterministic, so the quality
/// figures repeat exactly; only the costs wander with the machine.
/// </summary>
public static class IntentSuite
{
    public static Task<BenchReport> RunAsync(BenchSettings settings)
    {
        var report = new BenchReport("intent", settings.Command);
        var examples = IntentDataset.LoadEmbedded().Examples;
        var heldOut = IntentDataset.LoadHeldOut();
        var texts = heldOut.Select(e => e.Text).ToArray();
        report.Add("training_examples", examples.Count, "examples");
        report.Add("heldout_examples", heldOut.Count, "examples");

        var models = new List<(string Name, IIntentTextModel Model)>();
        foreach (var (name, train) in Variants())
        {
            var started = Stopwatch.GetTimestamp();
            var model = train(examples);
            report.Add($"{name}.train_ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds, "ms");
            Quality(name, IntentQuality.Intents(model, heldOut), report);
            models.Add((name, model));
        }

        var sentimentStarted = Stopwatch.GetTimestamp();
        var sentiment = MaxEntSentimentModel.Train(examples);
        report.Add("sentiment.train_ms", Stopwatch.GetElapsedTime(sentimentStarted).TotalMilliseconds, "ms");
        var sentimentReport = IntentQuality.Sentiments(sentiment, heldOut);
        report.Add("sentiment.heldout_macro_f1", sentimentReport.MacroF1, "", "negative, neutral, positive");
        foreach (var language in IntentDataset.Languages)
        {
            report.Add($"sentiment.per_language.{language}.macro_f1", sentimentReport.ForLanguage(language).MacroF1, "");
        }

        var next = 0;
        string Next() => texts[next++ % texts.Length];
        var operations = models
            .Select(m => (m.Name, (Func<object>)(() => m.Model.Predict(Next()))))
            .Append(("sentiment", () => sentiment.Predict(Next())))
            .ToList();
        foreach (var (name, cost) in InterleavedTimer.Measure(settings, operations))
        {
            report.Add($"{name}.predict_us_per_message", cost.Microseconds, "µs", "one thread, held-out messages in turn");
            report.Add($"{name}.predict_alloc_bytes", cost.AllocatedBytes, "bytes");
        }

        return Task.FromResult(report);
    }

    private static IEnumerable<(string Name, Func<IReadOnlyList<IntentExample>, IIntentTextModel> Train)> Variants() =>
    [
        ("naive_bayes", examples => NaiveBayesIntentModel.Train(examples)),
        ("naive_bayes_chars", examples => NaiveBayesIntentModel.Train(examples, TextFeatureSet.WordsBigramsAndCharacters)),
        ("maxent_words", examples => MaxEntIntentModel.Train(examples, TextFeatureSet.WordsAndBigrams)),
        ("maxent", examples => MaxEntIntentModel.Train(examples, TextFeatureSet.WordsBigramsAndCharacters)),
    ];

    private static void Quality(string name, ClassificationReport<Intent> report, BenchReport bench)
    {
        bench.Add($"{name}.heldout_macro_f1", report.MacroF1, "", "sales_opportunity, support, general");
        bench.Add($"{name}.no_engagement_f1", report.PerClass[Intent.NoEngagement].F1, "");
        foreach (var language in IntentDataset.Languages)
        {
            bench.Add($"{name}.per_language.{language}.macro_f1", report.ForLanguage(language).MacroF1, "");
        }
    }
}
