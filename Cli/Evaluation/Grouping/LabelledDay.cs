using System.Text.Json;

namespace Digest.Cli.Evaluation.Grouping;

/// <summary>
/// A labelled news day: a folder of article files and a JSON object naming each file's event,
/// <c>{"file-name.txt": "event-id", ...}</c> (an event id may be a string or a number). Files are named relative to
/// the folder, as <c>run</c> names them.
/// </summary>
public static class LabelledDay
{
    /// <summary>Reads the labels file.</summary>
    /// <exception cref="InvalidDataException">The file is not a JSON object of names and event ids.</exception>
    public static IReadOnlyDictionary<string, string> ReadLabels(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException invalid)
        {
            throw new InvalidDataException($"'{path}' is not JSON: {invalid.Message}", invalid);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"'{path}' must be a JSON object of file names and event ids, as {{\"a.txt\": \"event-1\"}}.");
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                labels[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => throw new InvalidDataException($"'{path}': the event of '{property.Name}' must be a string or a number."),
                };
            }

            return labels;
        }
    }
}
