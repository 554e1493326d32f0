using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.Grains.Intents;

/// <summary>
/// Keeps trained text models in a folder (by default <c>data/models</c>, beside the SQLite database), one file per
/// model name and version, so a restart loads the weights instead of training again. A model is written to a
/// temporary file and moved into place, so a crash mid-write never leaves a file that half reads; a file that does not
/// read back is trained again and replaced, and one that cannot be written is only logged. With no folder, every start
/// trains. Training is deterministic (fixed seed,
/// one thread), so nodes that train the same version serve the same weights even without a shared folder.
/// </summary>
public sealed class TextModelStore(string? folder, ILogger<TextModelStore>? logger = null)
{
    /// <summary>The configuration key of the folder; an empty value keeps models in memory only, trained at every start.</summary>
    public const string FolderSetting = "TextModels:Folder";

    /// <summary>Beside the default SQLite database, <c>data/crm.db</c>.</summary>
    public const string DefaultFolder = "data/models";

    private readonly ILogger logger = logger ?? NullLogger<TextModelStore>.Instance;

    public string? Folder { get; } = string.IsNullOrWhiteSpace(folder) ? null : folder;

    public LinearTextClassifier LoadOrTrain(string name, string version, Func<LinearTextClassifier> train)
    {
        if (Folder is null)
        {
            return train();
        }

        var path = Path.Combine(Folder, $"{name}-{version}.model");
        if (File.Exists(path))
        {
            try
            {
                using var stream = File.OpenRead(path);
                return LinearTextModelFile.Read(stream, version);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "Stored text model {Path} does not read back; training it again", path);
            }
        }

        var model = train();
        try
        {
            Directory.CreateDirectory(Folder);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            using (var stream = File.Create(temporary))
            {
                LinearTextModelFile.Write(model, version, stream);
            }

            File.Move(temporary, path, overwrite: true);
            logger.LogInformation("Trained text model {Name} version {Version} and stored it in {Path}", name, version, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be written (read-only, full) costs a retraining at the next start, never the model itself.
            logger.LogWarning(e, "Trained text model {Name} version {Version} but could not store it in {Folder}", name, version, Folder);
        }

        return model;
    }
}
