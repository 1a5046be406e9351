using System.Reflection;
using Digest;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

/// <summary>
/// The app setting names Digest reads, derived from the code so they follow it: every property of every options class
/// (a type with a <c>SectionName</c> constant, nested option objects included) as <c>Section__Key</c>, the
/// identity-based settings of every storage connection the function catalog names, every <c>%Setting%</c> a binding
/// refers to, the briefing timer's schedule setting, and the Functions host's Application Insights settings.
/// </summary>
internal static class AppSettingNames
{
    /// <summary>The identity-based settings of a storage connection, as StorageConnection and the Functions host read them.</summary>
    public static IReadOnlyList<string> StorageConnectionKeys { get; } =
        ["accountName", "blobServiceUri", "queueServiceUri", "tableServiceUri", "credential", "clientId"];

    /// <summary>
    /// Settings the Functions host reads for Digest: Application Insights, and the schedule of the ComposeBriefing
    /// timer (<c>%BriefingSchedule%</c>, also found in the catalog once that function is in it).
    /// </summary>
    public static IReadOnlyList<string> HostSettings { get; } =
        ["APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "BriefingSchedule"];

    /// <summary>Every options setting, <c>Section__Key</c>; a collection ends in <c>__{index}</c>.</summary>
    public static IReadOnlyList<string> OptionSettings() =>
    [
        .. typeof(DigestServices).Assembly.GetTypes()
            .Select(type => (Type: type, Section: type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(t => t.Section is { IsLiteral: true } && t.Section.FieldType == typeof(string))
            .SelectMany(t => Keys(t.Type, ((string)t.Section!.GetRawConstantValue()!).Replace(":", "__", StringComparison.Ordinal), depth: 0))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The storage connection names the functions' bindings use (e.g. <c>AzureWebJobsStorage</c>).</summary>
    public static IReadOnlyList<string> ConnectionNames() =>
    [
        .. FunctionsMetadata.All.SelectMany(f => f.Bindings).SelectMany(b => b.Properties)
            .Where(p => p.Key == "connection").Select(p => (string)p.Value).Distinct(),
    ];

    /// <summary>The settings bindings refer to as <c>%Name%</c> (e.g. the briefing timer's schedule).</summary>
    public static IReadOnlyList<string> BindingExpressionSettings() =>
    [
        .. FunctionsMetadata.All.SelectMany(f => f.Bindings).SelectMany(b => b.Properties)
            .Select(p => p.Value).OfType<string>()
            .SelectMany(value => System.Text.RegularExpressions.Regex.Matches(value, "%([A-Za-z0-9_]+)%").Select(m => m.Groups[1].Value))
            .Distinct(),
    ];

    /// <summary>Whether the app (or the Functions host running it) reads a setting of this name.</summary>
    public static bool IsKnown(string name)
    {
        if (HostSettings.Contains(name) || BindingExpressionSettings().Contains(name))
        {
            return true;
        }

        if (ConnectionNames().Any(c => name == c || StorageConnectionKeys.Any(k => name == $"{c}__{k}")))
        {
            return true;
        }

        return OptionSettings().Any(known => known.EndsWith("__{index}", StringComparison.Ordinal)
            ? name.StartsWith(known[..^"{index}".Length], StringComparison.Ordinal) && name[(known.Length - "{index}".Length)..].All(char.IsAsciiDigit)
            : string.Equals(known, name, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Keys(Type type, string prefix, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = $"{prefix}__{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsLeaf(propertyType))
            {
                yield return key;
            }
            else if (propertyType.IsArray || propertyType.IsAssignableTo(typeof(System.Collections.IEnumerable)))
            {
                yield return key + "__{index}";
            }
            else if (depth < 4)
            {
                foreach (var nested in Keys(propertyType, key, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri) || type == typeof(Guid);
}
