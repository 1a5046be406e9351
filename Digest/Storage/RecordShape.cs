using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace Digest.Storage;

/// <summary>
/// Checks that a record read back from storage has the shape its type promises: every member the type declares
/// non-nullable (<c>string</c>, not <c>string?</c>) is present, in nested records and in the elements of lists too.
/// JSON that parses but has the wrong shape (<c>"stories": null</c>, <c>"sources": [null]</c>) is then refused like
/// damaged JSON instead of failing later, far from the store, with a <see cref="NullReferenceException"/>.
/// </summary>
public static class RecordShape
{
    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    /// <summary>Nesting deeper than this is not a Digest record.</summary>
    private const int MaxDepth = 16;

    /// <summary>The first member that breaks the type's promise, named by its JSON path (<c>'stories[0].sources' is missing or null</c>); null when the shape is right.</summary>
    public static string? FindFault(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value is IEnumerable list and not string)
        {
            // A stored list (a fan-out plan): each element is a record.
            var index = 0;
            foreach (var item in list)
            {
                var path = $"[{index++}]";
                if ((item is null ? $"'{path}' is null" : Check(item, path, 1)) is { } fault)
                {
                    return fault;
                }
            }

            return null;
        }

        return Check(value, string.Empty, 0);
    }

    /// <summary>Throws <see cref="System.Text.Json.JsonException"/> naming the first fault, for a reader to report as damage.</summary>
    public static T Checked<T>(T value)
        where T : class
    {
        if (FindFault(value) is { } fault)
        {
            throw new System.Text.Json.JsonException($"{fault}, which the record needs.");
        }

        return value;
    }

    private static string? Check(object value, string path, int depth)
    {
        if (depth > MaxDepth || !IsRecord(value.GetType()))
        {
            return null;
        }

        foreach (var member in Members.GetOrAdd(value.GetType(), Describe))
        {
            var memberPath = path.Length == 0 ? member.JsonName : path + "." + member.JsonName;
            var memberValue = member.Property.GetValue(value);
            if (memberValue is null)
            {
                if (member.NotNull)
                {
                    return $"'{memberPath}' is missing or null";
                }

                continue;
            }

            if (memberValue is IEnumerable items and not string and not byte[])
            {
                var index = 0;
                foreach (var item in items)
                {
                    var itemPath = $"{memberPath}[{index++}]";
                    if (item is null)
                    {
                        if (member.ElementsNotNull)
                        {
                            return $"'{itemPath}' is null";
                        }

                        continue;
                    }

                    if (Check(item, itemPath, depth + 1) is { } fault)
                    {
                        return fault;
                    }
                }
            }
            else if (Check(memberValue, memberPath, depth + 1) is { } fault)
            {
                return fault;
            }
        }

        return null;
    }

    /// <summary>Digest's own reference types (records); framework types and value types are left to the serializer.</summary>
    private static bool IsRecord(Type type) =>
        type.IsClass && type != typeof(string) && type.Assembly == typeof(RecordShape).Assembly;

    private static Member[] Describe(Type type)
    {
        // NullabilityInfoContext is not thread-safe: one per description.
        var context = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null)
            .Select(p =>
            {
                var nullability = context.Create(p);
                var element = nullability.ElementType ?? (nullability.GenericTypeArguments.Length == 1 ? nullability.GenericTypeArguments[0] : null);
                return new Member(
                    p,
                    DigestJson.Options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name,
                    !p.PropertyType.IsValueType && nullability.ReadState == NullabilityState.NotNull,
                    element is not null && !element.Type.IsValueType && element.ReadState == NullabilityState.NotNull);
            })
            .ToArray();
    }

    private sealed record Member(PropertyInfo Property, string JsonName, bool NotNull, bool ElementsNotNull);
}
