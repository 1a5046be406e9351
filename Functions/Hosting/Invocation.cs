using System.Text.Json;
using System.Text.Json.Serialization;

namespace Digest.Hosting;

/// <summary>
/// The body the Functions host posts to a custom handler for a non-HTTP trigger: <c>Data</c> holds one value per
/// input binding, <c>Metadata</c> the trigger's binding data.
/// </summary>
public sealed record InvocationRequest
{
    public Dictionary<string, JsonElement> Data { get; init; } = [];

    public Dictionary<string, JsonElement> Metadata { get; init; } = [];

    /// <summary>
    /// The bytes of a binding declared with <c>dataType: binary</c>: the host sends them as one base64 string.
    /// </summary>
    /// <exception cref="InvalidInvocationException">The binding is missing or is not base64.</exception>
    public byte[] Binary(string binding)
    {
        if (!Data.TryGetValue(binding, out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw new InvalidInvocationException($"Data.{binding} is missing or is not a base64 string.");
        }

        try
        {
            return Convert.FromBase64String(value.GetString()!);
        }
        catch (FormatException)
        {
            throw new InvalidInvocationException($"Data.{binding} is not valid base64.");
        }
    }

    /// <summary>
    /// A metadata string. The host serialises strings a second time (<c>"\"report.txt\""</c>) and numbers as strings;
    /// this undoes the extra level when it is there.
    /// </summary>
    public string? MetadataString(string key)
    {
        if (!Metadata.TryGetValue(key, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : value.GetRawText();
        }

        var text = value.GetString()!;
        if (text.Length >= 2 && text[0] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize<string>(text);
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return text;
    }
}

/// <summary>The handler's answer: output binding values, log lines for the host's logger, and a return value.</summary>
public sealed record InvocationResponse
{
    [JsonPropertyName("Outputs")]
    public Dictionary<string, object?> Outputs { get; init; } = [];

    [JsonPropertyName("Logs")]
    public IReadOnlyList<string> Logs { get; init; } = [];

    [JsonPropertyName("ReturnValue")]
    public object? ReturnValue { get; init; }
}

/// <summary>The host sent a request that does not fit the function's bindings; answered with 400.</summary>
public sealed class InvalidInvocationException(string message) : Exception(message);
