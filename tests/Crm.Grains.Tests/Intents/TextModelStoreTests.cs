using Crm.Grains.Intents;

namespace Crm.Grains.Tests.Intents;

public sealed class TextModelStoreTests : IDisposable
{
    private static readonly IReadOnlyList<IntentExample> Examples = IntentDataset.LoadEmbedded().Training;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "crm-text-models-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(TextModelTrainer.NaiveBayes)]
    [InlineData(TextModelTrainer.MaxEnt)]
    public void A_stored_model_loads_back_without_training_and_predicts_as_the_trained_one(TextModelTrainer trainer)
    {
        var recipe = new TextModelRecipe(trainer, TextFeatureSet.WordsBigramsAndCharacters);
        var trained = IntentTextModel.LoadOrTrain(new TextModelStore(folder), Examples, recipe);
        var trainings = 0;

        var stored = new TextModelStore(folder).LoadOrTrain(IntentTextModel.ModelName, trained.Version, () =>
        {
            trainings++;
            return recipe.Train([("unused", 0)], 1);
        });

        Assert.Equal(0, trainings);
        Assert.Equal(trained.Classifier.Vocabulary, stored.Vocabulary);
        var reloaded = IntentTextModel.LoadOrTrain(new TextModelStore(folder), Examples, recipe);
        Assert.All(IntentDataset.LoadEmbedded().Development, e =>
            Assert.Equal(trained.Predict(e.Text).Probabilities, reloaded.Predict(e.Text).Probabilities));
    }

    [Fact]
    public void The_version_changes_with_the_examples_and_with_the_recipe_and_each_version_has_its_own_file()
    {
        var store = new TextModelStore(folder);

        var all = IntentTextModel.LoadOrTrain(store, Examples);
        var fewer = IntentTextModel.LoadOrTrain(store, Examples.Skip(1));
        var maxent = IntentTextModel.LoadOrTrain(store, Examples, TextModelRecipe.MaxEnt);
        var again = IntentTextModel.LoadOrTrain(store, Examples);

        Assert.Equal(3, new[] { all.Version, fewer.Version, maxent.Version }.Distinct().Count());
        Assert.Equal(all.Version, again.Version);
        Assert.Equal(3, Directory.GetFiles(folder, "intent-*.model").Length);
    }

    [Fact]
    public void A_file_that_does_not_read_back_is_trained_again_and_replaced()
    {
        var store = new TextModelStore(folder);
        var trained = IntentTextModel.LoadOrTrain(store, Examples);
        var path = Directory.GetFiles(folder, "intent-*.model").Single();
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..100]);

        var retrained = IntentTextModel.LoadOrTrain(store, Examples);

        Assert.Equal(trained.Version, retrained.Version);
        Assert.Equal(trained.Classifier.Vocabulary, retrained.Classifier.Vocabulary);
        using var stream = File.OpenRead(path);
        Assert.Equal(trained.Classifier.Vocabulary.Count, LinearTextModelFile.Read(stream, trained.Version).Vocabulary.Count);
    }

    [Fact]
    public void A_file_of_garbage_is_trained_again_and_replaced()
    {
        var store = new TextModelStore(folder);
        var trained = IntentTextModel.LoadOrTrain(store, Examples);
        var path = Directory.GetFiles(folder, "intent-*.model").Single();
        File.WriteAllBytes(path, Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 251)).ToArray());

        var retrained = IntentTextModel.LoadOrTrain(store, Examples);

        Assert.Equal(trained.Classifier.Vocabulary, retrained.Classifier.Vocabulary);
        using var stream = File.OpenRead(path);
        Assert.Equal(trained.Classifier.Vocabulary.Count, LinearTextModelFile.Read(stream, trained.Version).Vocabulary.Count);
    }

    [Fact]
    public void A_file_of_another_version_is_refused()
    {
        var trained = IntentTextModel.Train(Examples);
        using var stream = new MemoryStream();
        LinearTextModelFile.Write(trained.Classifier, trained.Version, stream);
        stream.Position = 0;

        var error = Assert.Throws<InvalidDataException>(() => LinearTextModelFile.Read(stream, "0000000000000000"));

        Assert.Contains(trained.Version, error.Message);
    }

    [Fact]
    public void A_folder_that_cannot_be_written_still_gives_the_trained_model()
    {
        Directory.CreateDirectory(folder);
        var notAFolder = Path.Combine(folder, "occupied");
        File.WriteAllText(notAFolder, "a file where the model folder should be");

        var model = IntentTextModel.LoadOrTrain(new TextModelStore(notAFolder), Examples);

        Assert.Equal(Intent.SalesOpportunity, model.Predict("how much is the pro plan?").Intent);
        Assert.True(File.Exists(notAFolder));
    }

    [Fact]
    public void Without_a_folder_the_store_trains_every_time_and_writes_nothing()
    {
        var store = new TextModelStore(" ");

        var model = SentimentTextModel.LoadOrTrain(store, Examples);

        Assert.Null(store.Folder);
        Assert.Equal(Sentiment.Negative, model.Predict("this is ridiculous, still no refund 😡").Sentiment);
    }
}
