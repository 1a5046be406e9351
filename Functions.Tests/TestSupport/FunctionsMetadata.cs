using System.Text.Json;

namespace Digest.Tests.TestSupport;

/// <summary>One binding of a function, as the Worker SDK wrote it to functions.metadata.</summary>
/// <param name="Properties">Every other property of the binding (path, queueName, connection, source, schedule, route...).</param>
public sealed record BindingDefinition(string Name, string Type, string Direction, IReadOnlyList<KeyValuePair<string, object>> Properties)
{
    public string? Property(string key) => Properties.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value as string;
}

/// <summary>A function of the app as the Functions host will load it.</summary>
public sealed record FunctionDefinition(string Name, string EntryPoint, IReadOnlyList<BindingDefinition> Bindings, JsonElement? Retry)
{
    public BindingDefinition Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));
}

/// <summary>
/// The functions.metadata the Worker SDK writes when the function app builds: the source of truth for every function's
/// name, trigger, path or queue, connection and schedule, read by the tests that hold the Bicep and README to it.
/// </summary>
public static class FunctionsMetadata
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string Path => System.IO.Path.Combine(RepositoryRoot.Path, "Functions", "bin", Configuration, "net10.0", "functions.metadata");

    private static readonly Lazy<IReadOnlyList<FunctionDefinition>> Functions = new(Read);

    public static IReadOnlyList<FunctionDefinition> All => Functions.Value;

    public static FunctionDefinition Named(string name) => All.Single(f => f.Name == name);

    private static IReadOnlyList<FunctionDefinition> Read()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path));
        return [.. json.RootElement.EnumerateArray().Select(function => new FunctionDefinition(
            function.GetProperty("name").GetString()!,
            function.GetProperty("entryPoint").GetString()!,
            [.. function.GetProperty("bindings").EnumerateArray().Select(ReadBinding)],
            function.TryGetProperty("retry", out var retry) ? retry.Clone() : null))];
    }

    private static BindingDefinition ReadBinding(JsonElement binding)
    {
        var properties = binding.EnumerateObject()
            .Where(p => p.Name is not ("name" or "type" or "direction" or "properties"))
            .Select(p => new KeyValuePair<string, object>(p.Name, p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.Array => p.Value.EnumerateArray().Select(v => v.ToString()).ToArray(),
                _ => p.Value.ToString(),
            }))
            .ToList();
        return new BindingDefinition(
            binding.GetProperty("name").GetString()!, binding.GetProperty("type").GetString()!, binding.GetProperty("direction").GetString()!, properties);
    }
}
