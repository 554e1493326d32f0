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
    public void Training_and_held_out_split_every_example_into_exactly_one_side()
    {
        var training = dataset.Training.Select(e => e.Id).ToHashSet();
        var heldOut = dataset.HeldOut.Select(e => e.Id).ToHashSet();

        Assert.Empty(training.Intersect(heldOut));
        Assert.Equal(dataset.Examples.Select(e => e.Id).Order(), training.Concat(heldOut).Order());
    }

    [Fact]
    public void Every_intent_has_roughly_a_fifth_of_its_examples_held_out()
    {
        var heldOutShare = Enum.GetValues<Intent>().ToDictionary(
            intent => intent,
            intent => (double)dataset.HeldOut.Count(e => e.Intent == intent) / dataset.Examples.Count(e => e.Intent == intent));

        Assert.All(heldOutShare, pair => Assert.InRange(pair.Value, 0.12, 0.28));
    }
}
