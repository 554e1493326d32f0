using System.Security.Cryptography;
using System.Text;

namespace Crm.Grains.Intents;

/// <summary>
/// A trained <see cref="LinearTextClassifier"/> as bytes, and its version: a hash of what it was trained on and how,
/// so a model is reused exactly when retraining would reproduce it. Binary, little-endian, with a header that names the
/// format; a file that does not read back whole is refused rather than half used.
/// </summary>
public static class LinearTextModelFile
{
    private const string Magic = "crm-linear-text-model";
    private const int FormatVersion = 1;

    /// <summary>
    /// The first 16 hex digits of a SHA-256 over the format, the trainer's settings, and every example's class and text
    /// in order: any change of the examples or of training gives another version.
    /// </summary>
    public static string Version(string trainer, IEnumerable<(string Text, int Class)> examples)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{Magic} {FormatVersion}\n{trainer}\n"));
        foreach (var (text, c) in examples)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{c}\t{text.Length}\t{text}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    public static void Write(LinearTextClassifier model, string version, Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(version);
        writer.Write(model.ScaleByLength);
        writer.Write(model.Features.Bigrams);
        writer.Write(model.Features.MinCharacters);
        writer.Write(model.Features.MaxCharacters);
        writer.Write(model.ClassCount);
        foreach (var bias in model.Biases)
        {
            writer.Write(bias);
        }

        writer.Write(model.Vocabulary.Count);
        var weights = model.Weights;
        for (var row = 0; row < model.Vocabulary.Count; row++)
        {
            writer.Write(model.Vocabulary[row]);
            for (var c = 0; c < model.ClassCount; c++)
            {
                writer.Write(weights[(row * model.ClassCount) + c]);
            }
        }
    }

    /// <exception cref="InvalidDataException">The stream is not a model of this format and version, or ends early.</exception>
    public static LinearTextClassifier Read(Stream stream, string expectedVersion)
    {
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException("not a linear text model of this format");
            }

            var version = reader.ReadString();
            if (version != expectedVersion)
            {
                throw new InvalidDataException($"the stored model is version {version}, not {expectedVersion}");
            }

            var scaleByLength = reader.ReadBoolean();
            var features = new TextFeatureSet(reader.ReadBoolean(), reader.ReadInt32(), reader.ReadInt32());
            var classes = reader.ReadInt32();
            var biases = new float[classes];
            for (var c = 0; c < classes; c++)
            {
                biases[c] = reader.ReadSingle();
            }

            var rows = reader.ReadInt32();
            var vocabulary = new string[rows];
            var weights = new float[rows * classes];
            for (var row = 0; row < rows; row++)
            {
                vocabulary[row] = reader.ReadString();
                for (var c = 0; c < classes; c++)
                {
                    weights[(row * classes) + c] = reader.ReadSingle();
                }
            }

            return new LinearTextClassifier(features, scaleByLength, vocabulary, weights, biases);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("the stored model ends early", e);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidDataException("the stored model is damaged", e);
        }
    }
}
