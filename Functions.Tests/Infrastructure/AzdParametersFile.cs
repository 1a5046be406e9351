using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

/// <summary>
/// <c>infra/main.parameters.json</c>, the parameters azd passes to <c>infra/main.bicep</c>. azd replaces each
/// <c>${NAME}</c> with the environment's value (<c>azd env set</c>, or the pipeline's variables) and each
/// <c>${NAME=default}</c> with the value or, when it is unset or empty, the default; a parameter without a default
/// that comes out empty is one azd prompts for. The Bicep CLI cannot build a JSON parameters file, so this reads it
/// the way azd does and holds the values against the compiled main.bicep's declarations.
/// </summary>
internal static partial class AzdParametersFile
{
    public static string FilePath => Path.Combine(RepositoryRoot.Infra, "main.parameters.json");

    /// <summary>Each parameter's <c>value</c> as written, e.g. <c>${AZURE_PRINCIPAL_TYPE=User}</c>.</summary>
    public static IReadOnlyDictionary<string, string> Values()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(FilePath));
        return document.RootElement.GetProperty("parameters").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("value").GetString() ?? throw new InvalidOperationException($"{p.Name} has no string value."));
    }

    /// <summary>The variable and default of a value that is exactly one <c>${NAME}</c> or <c>${NAME=default}</c>; null otherwise.</summary>
    public static (string Variable, string? Default)? Reference(string value) =>
        VariableReference().Match(value) is { Success: true } m ? (m.Groups["name"].Value, m.Groups["default"].Success ? m.Groups["default"].Value : null) : null;

    /// <summary>Every variable the file reads.</summary>
    public static IReadOnlyList<string> Variables() => [.. Values().Values.Select(v => Reference(v)?.Variable).OfType<string>().Distinct()];

    /// <summary>The values azd passes with this environment (a missing or empty variable takes the default).</summary>
    public static IReadOnlyDictionary<string, string> Substitute(IReadOnlyDictionary<string, string?> environment) =>
        Values().ToDictionary(
            p => p.Key,
            p => VariableReference().Replace(p.Value, m =>
                environment.TryGetValue(m.Groups["name"].Value, out var value) && !string.IsNullOrEmpty(value) ? value
                : m.Groups["default"].Success ? m.Groups["default"].Value
                : ""));

    /// <summary>
    /// What Azure (or azd's prompt) would object to in these values: a parameter of main.bicep left without a value
    /// and without a default, a value not of its type, outside its allowed values, lengths or range. Each names the
    /// parameter.
    /// </summary>
    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, string> values)
    {
        var problems = new List<string>();
        foreach (var (name, declared) in CompiledBicep.Main.Parameters())
        {
            var type = declared.GetProperty("type").GetString()!.ToLowerInvariant();
            var hasDefault = declared.TryGetProperty("defaultValue", out _);
            if (!values.TryGetValue(name, out var text) || text.Length == 0)
            {
                if (!hasDefault)
                {
                    problems.Add($"{name}: no value and no default (azd prompts for it)");
                }

                continue;
            }

            object value;
            switch (type)
            {
                case "int" when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                    value = number;
                    break;
                case "bool" when bool.TryParse(text, out var flag):
                    value = flag;
                    break;
                case "object" or "array":
                    problems.Add($"{name}: an {type} parameter cannot be given as text");
                    continue;
                case "string" or "securestring":
                    value = text;
                    break;
                default:
                    problems.Add($"{name}: '{text}' is not a {type}");
                    continue;
            }

            if (declared.TryGetProperty("allowedValues", out var allowed)
                && !allowed.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.Number ? value is long n && a.GetInt64() == n : Equals(a.GetString(), value)))
            {
                problems.Add($"{name}: '{text}' is not one of its allowed values");
            }

            if (value is string s && (s.Length < MinLength(declared) || (declared.TryGetProperty("maxLength", out var max) && s.Length > max.GetInt32())))
            {
                problems.Add($"{name}: length {s.Length} is outside its allowed lengths");
            }

            if (value is long l && ((declared.TryGetProperty("minValue", out var low) && l < low.GetInt64()) || (declared.TryGetProperty("maxValue", out var high) && l > high.GetInt64())))
            {
                problems.Add($"{name}: {l} is outside its allowed range");
            }
        }

        return problems;
    }

    private static int MinLength(JsonElement declared) => declared.TryGetProperty("minLength", out var min) ? min.GetInt32() : 0;

    [GeneratedRegex(@"^\$\{(?<name>[A-Z][A-Z0-9_]*)(=(?<default>[^}]*))?\}$")]
    private static partial Regex VariableReference();
}
