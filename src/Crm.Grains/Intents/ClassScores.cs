namespace Crm.Grains.Intents;

/// <summary>One class's counts from an evaluation; a ratio with nothing to divide by is 0, never a free pass.</summary>
public sealed record ClassScores(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public int Support => TruePositives + FalseNegatives;

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double F1 => Ratio(2 * Precision * Recall, Precision + Recall);

    private static double Ratio(double part, double whole) => whole == 0 ? 0 : part / whole;
}
