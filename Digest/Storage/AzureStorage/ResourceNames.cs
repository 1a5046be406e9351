using System.Text.RegularExpressions;

namespace Digest.Storage.AzureStorage;

/// <summary>The naming rules Azure applies to containers, queues and tables, checked before any request.</summary>
public static partial class ResourceNames
{
    /// <summary>Container and queue names: 3-63 lower-case letters, digits and single hyphens, starting with a letter or digit.</summary>
    public static string Container(string name) => Check(name, ContainerOrQueue(), "container or queue");

    /// <summary>Queue names follow the container rules.</summary>
    public static string Queue(string name) => Check(name, ContainerOrQueue(), "container or queue");

    /// <summary>Table names: 3-63 letters and digits, starting with a letter.</summary>
    public static string Table(string name) => Check(name, TableName(), "table");

    private static string Check(string name, Regex rule, string kind) =>
        rule.IsMatch(name ?? string.Empty)
            ? name!
            : throw new ArgumentException($"'{name}' is not a valid {kind} name.", nameof(name));

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$")]
    private static partial Regex ContainerOrQueue();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();
}
