using System.Text;
using System.Text.RegularExpressions;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

/// <summary>A resource declared in a Bicep file: its symbolic name, type, API version and body.</summary>
/// <param name="Symbol">The symbolic name, e.g. <c>storage</c>.</param>
/// <param name="Type">The resource type without API version, e.g. <c>Microsoft.Storage/storageAccounts</c>.</param>
/// <param name="ApiVersion">The API version, e.g. <c>2024-01-01</c>.</param>
/// <param name="Existing">Whether the declaration only refers to an existing resource.</param>
/// <param name="Condition">The <c>if (...)</c> condition, or null when the resource is always deployed.</param>
/// <param name="Body">The declaration's body (the object, or the whole <c>[for ...]</c> loop), comments removed.</param>
internal sealed record BicepResource(string Symbol, string Type, string ApiVersion, bool Existing, string? Condition, string Body)
{
    /// <summary>The value text of the first <c>key:</c> property in the body, to the end of its line.</summary>
    public string? Property(string key) =>
        Regex.Match(Body, $@"(?m)^\s*{Regex.Escape(key)}\s*:\s*(.+?)\s*$") is { Success: true } match ? match.Groups[1].Value : null;
}

/// <summary>
/// Reads the few shapes of Bicep that the infrastructure tests need (no Bicep compiler exists here): string, array and
/// object variables, resource declarations with their bodies, and string interpolation of variables. Comments and the
/// contents of strings (interpolations included) are masked before brackets are matched, so a brace or an apostrophe
/// in a description or a comment never confuses the structure.
/// </summary>
internal sealed partial class BicepFile
{
    private readonly string masked;
    private readonly string uncommented;

    private BicepFile(string path, string text)
    {
        Path = path;
        Text = text;
        masked = Mask(text, blankStrings: true);
        uncommented = Mask(text, blankStrings: false);
    }

    /// <summary>The file's path, for messages.</summary>
    public string Path { get; }

    /// <summary>The file's text.</summary>
    public string Text { get; }

    /// <summary>Loads a file of the repository's <c>infra/</c> folder, e.g. <c>modules/storage.bicep</c>.</summary>
    public static BicepFile Load(string pathUnderInfra) => Parse(
        System.IO.Path.Combine("infra", pathUnderInfra),
        File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Infra, pathUnderInfra)));

    /// <summary>Every .bicep file under <c>infra/</c>.</summary>
    public static IReadOnlyList<BicepFile> LoadAll() =>
    [
        .. Directory.EnumerateFiles(RepositoryRoot.Infra, "*.bicep", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => Load(System.IO.Path.GetRelativePath(RepositoryRoot.Infra, file))),
    ];

    /// <summary>Parses Bicep text; <paramref name="path"/> names it in messages.</summary>
    public static BicepFile Parse(string path, string text) => new(path, text.ReplaceLineEndings("\n"));

    /// <summary>Every resource declared in the file, in order.</summary>
    public IReadOnlyList<BicepResource> Resources()
    {
        var resources = new List<BicepResource>();
        foreach (Match match in ResourceDeclaration().Matches(Text))
        {
            var condition = match.Groups["condition"].Success ? match.Groups["condition"].Value.Trim() : null;
            var open = match.Index + match.Length - 1;
            resources.Add(new BicepResource(
                match.Groups["symbol"].Value,
                match.Groups["type"].Value,
                match.Groups["version"].Value,
                match.Groups["existing"].Success,
                condition,
                uncommented[open..(MatchingClose(open) + 1)]));
        }

        return resources;
    }

    /// <summary>The value of <c>var name = 'literal'</c> for every such variable.</summary>
    public IReadOnlyDictionary<string, string> StringVariables() =>
        StringVariable().Matches(Text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);

    /// <summary>The string literals of <c>var name = [ 'a' 'b' ]</c>.</summary>
    /// <exception cref="InvalidOperationException">No such array variable.</exception>
    public IReadOnlyList<string> StringArray(string variable)
    {
        var expression = VariableExpression(variable);
        if (!expression.TrimStart().StartsWith('['))
        {
            throw new InvalidOperationException($"{Path}: var {variable} is not an array literal.");
        }

        return [.. StringLiteral().Matches(expression).Select(m => m.Groups["value"].Value)];
    }

    /// <summary>
    /// The properties of the object literals of <c>var name = ...</c> (all of them, e.g. both branches of a
    /// conditional), key to value text, at the objects' top level only.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such variable.</exception>
    public IReadOnlyDictionary<string, string> ObjectVariable(string variable)
    {
        var start = VariableStart(variable);
        return ObjectProperties(start, VariableEnd(start));
    }

    /// <summary>The top-level properties of the object literals between two offsets of the text.</summary>
    public IReadOnlyDictionary<string, string> ObjectProperties(int start, int end)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var depth = 0;
        for (var i = start; i < end; i++)
        {
            switch (masked[i])
            {
                case '{' or '[' or '(':
                    depth++;
                    break;
                case '}' or ']' or ')':
                    depth--;
                    break;
                case '\n' when depth == 1:
                    var line = uncommented[(i + 1)..Math.Min(end, LineEnd(i + 1))];
                    if (PropertyLine().Match(line) is { Success: true } property)
                    {
                        properties[property.Groups["key"].Value.Trim('\'')] = property.Groups["value"].Value;
                    }

                    break;
            }
        }

        return properties;
    }

    /// <summary>Replaces <c>${name}</c> in <paramref name="value"/> with the file's string variables.</summary>
    /// <exception cref="InvalidOperationException">An interpolated name is not a string variable of the file.</exception>
    public string Interpolate(string value)
    {
        var variables = StringVariables();
        return Interpolation().Replace(value, m => variables.TryGetValue(m.Groups["name"].Value, out var text)
            ? text
            : throw new InvalidOperationException($"{Path}: '${{{m.Groups["name"].Value}}}' is not a string variable."));
    }

    private string VariableExpression(string variable)
    {
        var start = VariableStart(variable);
        return Text[start..VariableEnd(start)];
    }

    private int VariableStart(string variable)
    {
        var declaration = new Regex($@"(?m)^var\s+{Regex.Escape(variable)}\s*=").Match(Text);
        return declaration.Success
            ? declaration.Index + declaration.Length
            : throw new InvalidOperationException($"{Path} has no var {variable}.");
    }

    /// <summary>A variable's expression ends at the next line that starts a declaration or a comment at column 0.</summary>
    private int VariableEnd(int start)
    {
        var next = NextDeclaration().Match(masked, start);
        return next.Success ? next.Index : masked.Length;
    }

    private int LineEnd(int start)
    {
        var end = Text.IndexOf('\n', start);
        return end < 0 ? Text.Length : end;
    }

    private int MatchingClose(int open)
    {
        var depth = 0;
        for (var i = open; i < masked.Length; i++)
        {
            if (masked[i] is '{' or '[')
            {
                depth++;
            }
            else if (masked[i] is '}' or ']' && --depth == 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{Path}: the bracket at offset {open} is never closed.");
    }

    /// <summary>
    /// The text with comments replaced by spaces and, with <paramref name="blankStrings"/>, everything inside string
    /// literals (interpolations too) as well; the quotes stay. Bicep strings are single-quoted, escape with a
    /// backslash and interpolate with <c>${...}</c>, which may hold further strings.
    /// </summary>
    private static string Mask(string text, bool blankStrings)
    {
        var result = new StringBuilder(text);
        void Blank(int start, int length)
        {
            if (blankStrings)
            {
                BlankAll(result, start, length);
            }
        }

        var modes = new Stack<(bool InString, int Braces)>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var inString = modes.Count > 0 && modes.Peek().InString;
            if (inString)
            {
                if (c == '\\')
                {
                    Blank(i, 2);
                    i++;
                }
                else if (c == '\'')
                {
                    modes.Pop();
                    if (modes.Count > 0)
                    {
                        Blank(i, 1);
                    }
                }
                else if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
                {
                    modes.Push((false, 0));
                    Blank(i, 2);
                    i++;
                }
                else
                {
                    Blank(i, 1);
                }

                continue;
            }

            var inInterpolation = modes.Count > 0;
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                var end = text.IndexOf('\n', i);
                end = end < 0 ? text.Length : end;
                BlankAll(result, i, end - i);
                i = end - 1;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                BlankAll(result, i, end - i);
                i = end - 1;
            }
            else if (c == '\'' && text.AsSpan(i).StartsWith("'''"))
            {
                var end = text.IndexOf("'''", i + 3, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 3;
                Blank(i + 3, end - i - 6);
                i = end - 1;
            }
            else if (c == '\'')
            {
                modes.Push((true, 0));
                if (inInterpolation)
                {
                    Blank(i, 1);
                }
            }
            else if (inInterpolation)
            {
                var (_, braces) = modes.Pop();
                if (c == '}' && braces == 0)
                {
                    // The interpolation ends; back in its string.
                }
                else
                {
                    modes.Push((false, braces + (c == '{' ? 1 : c == '}' ? -1 : 0)));
                }

                Blank(i, 1);
            }
        }

        return result.ToString();
    }

    private static void BlankAll(StringBuilder text, int start, int length)
    {
        for (var i = start; i < Math.Min(text.Length, start + length); i++)
        {
            if (text[i] != '\n')
            {
                text[i] = ' ';
            }
        }
    }

    [GeneratedRegex(@"(?m)^resource\s+(?<symbol>\w+)\s+'(?<type>[^'@]+)@(?<version>[^']+)'(?<existing>\s+existing)?\s*=\s*(?:if\s*\((?<condition>.*)\)\s*)?[\[{]")]
    private static partial Regex ResourceDeclaration();

    [GeneratedRegex(@"(?m)^var\s+(?<name>\w+)\s*=\s*'(?<value>[^'$\\]*)'\s*$")]
    private static partial Regex StringVariable();

    [GeneratedRegex(@"'(?<value>[^'$\\]*)'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"^\s*(?<key>[A-Za-z_]\w*|'[^']+')\s*:\s*(?<value>.*?)\s*$")]
    private static partial Regex PropertyLine();

    [GeneratedRegex(@"\$\{(?<name>\w+)\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"(?m)^(?:var|param|resource|module|output|@|//|type|func|targetScope|metadata|import)")]
    private static partial Regex NextDeclaration();
}
