using System.Text.Json;
using System.Text.RegularExpressions;

namespace Digest.Tests.TestSupport;

/// <summary>
/// Every <c>.bicep</c> file under <c>infra/</c> compiled to ARM JSON by the real Bicep CLI, once per test run, into a
/// temporary folder. Tests read what Azure would receive, not the Bicep text.
/// </summary>
internal static class CompiledBicep
{
    private static readonly Lazy<Compilation> Build = new(Compile);

    /// <summary>What <c>bicep build</c> printed: it must be free of warnings.</summary>
    public static BicepRun Run => Build.Value.Run;

    /// <summary>Every compiled file, keyed by its path under <c>infra/</c> (e.g. <c>modules/storage.bicep</c>).</summary>
    public static IReadOnlyDictionary<string, ArmTemplate> Files => Build.Value.Files;

    /// <summary><c>infra/main.bicep</c>, with every module it uses nested in it as the deployment Azure receives.</summary>
    public static ArmTemplate Main => Files["main.bicep"];

    /// <summary>The post-deploy template that subscribes SummarizeArticle to new articles.</summary>
    public static ArmTemplate ArticlesSubscription => Files["events/articles-subscription.bicep"];

    /// <summary>Every resource of every deployment a template run creates: main's modules and the post-deploy step.</summary>
    public static IEnumerable<ArmResource> AllResources() => Main.Resources().Concat(ArticlesSubscription.Resources());

    private sealed record Compilation(BicepRun Run, IReadOnlyDictionary<string, ArmTemplate> Files);

    private static Compilation Compile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "digest-bicep-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var run = BicepCli.Run(["build", "--pattern", "infra/**/*.bicep", "--outdir", folder]);
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"bicep build failed ({run.ExitCode}): {run.Diagnostics}");
            }

            var files = Directory.EnumerateFiles(RepositoryRoot.Infra, "*.bicep", SearchOption.AllDirectories)
                .Select(source => Path.GetRelativePath(RepositoryRoot.Infra, source).Replace('\\', '/'))
                .ToDictionary(
                    relative => relative,
                    relative => ArmTemplate.Parse(relative, File.ReadAllText(Path.Combine(folder, Path.ChangeExtension(relative, ".json")))));
            return new Compilation(run, files);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>A compiled ARM template (or a module's template nested in one).</summary>
/// <param name="Path">The Bicep file under <c>infra/</c>, and for a nested module <c>main.bicep > moduleName</c>.</param>
internal sealed class ArmTemplate(string path, JsonElement root)
{
    public string Path { get; } = path;

    public JsonElement Root { get; } = root;

    public static ArmTemplate Parse(string path, string json)
    {
        using var document = JsonDocument.Parse(json);
        return new ArmTemplate(path, document.RootElement.Clone());
    }

    public IEnumerable<KeyValuePair<string, JsonElement>> Parameters() => Section("parameters");

    public IEnumerable<KeyValuePair<string, JsonElement>> Outputs() => Section("outputs");

    public JsonElement Parameter(string name) => Root.GetProperty("parameters").GetProperty(name);

    public JsonElement Variable(string name) => Root.GetProperty("variables").GetProperty(name);

    public bool HasVariable(string name) => Root.TryGetProperty("variables", out var variables) && variables.TryGetProperty(name, out _);

    /// <summary>The template of a module this one deploys (a <c>Microsoft.Resources/deployments</c> of that name).</summary>
    public ArmTemplate Module(string name) =>
        Resources(nested: false).Where(r => r.IsModule && r.Name == name).Select(r => r.ModuleTemplate!).SingleOrDefault()
        ?? throw new InvalidOperationException($"{Path} deploys no module named '{name}'.");

    /// <summary>Every resource this template declares, and with <paramref name="nested"/> those of its modules too.</summary>
    public IEnumerable<ArmResource> Resources(bool nested = true)
    {
        if (!Root.TryGetProperty("resources", out var resources))
        {
            yield break;
        }

        var list = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(p => p.Value)
            : resources.EnumerateArray();
        foreach (var element in list)
        {
            var resource = new ArmResource(this, element);
            yield return resource;
            if (nested && resource.ModuleTemplate is { } module)
            {
                foreach (var inner in module.Resources())
                {
                    yield return inner;
                }
            }
        }
    }

    private IEnumerable<KeyValuePair<string, JsonElement>> Section(string name) =>
        Root.TryGetProperty(name, out var section) ? section.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value)) : [];
}

/// <summary>One resource of a compiled template.</summary>
internal sealed class ArmResource(ArmTemplate template, JsonElement element)
{
    public ArmTemplate Template { get; } = template;

    public JsonElement Element { get; } = element;

    public string Type => Element.GetProperty("type").GetString()!;

    public string ApiVersion => Element.TryGetProperty("apiVersion", out var version) ? version.GetString()! : "";

    /// <summary>The name as written (a literal or an expression such as <c>[format('{0}/{1}', ...)]</c>).</summary>
    public string Name => Element.GetProperty("name").GetString()!;

    public bool Existing => Element.TryGetProperty("existing", out var existing) && existing.GetBoolean();

    /// <summary>The <c>condition</c> expression, or null when the resource is always deployed.</summary>
    public string? Condition => Element.TryGetProperty("condition", out var condition) ? condition.ToString() : null;

    /// <summary>The <c>copy</c> loop's input (e.g. <c>[variables('appStorageRoles')]</c>), when the resource is a loop.</summary>
    public string? CopyCount => Element.TryGetProperty("copy", out var copy) ? copy.GetProperty("count").GetString() : null;

    public string? Scope => Element.TryGetProperty("scope", out var scope) ? scope.GetString() : null;

    public bool IsModule => Type == "Microsoft.Resources/deployments";

    public ArmTemplate? ModuleTemplate =>
        IsModule && Element.GetProperty("properties").TryGetProperty("template", out var template)
            ? new ArmTemplate($"{Template.Path} > {Name}", template)
            : null;

    public JsonElement Properties => Element.GetProperty("properties");

    /// <summary>A property anywhere under <c>properties</c> by its path, e.g. <c>functionAppConfig.runtime.name</c>.</summary>
    public JsonElement? Property(string path)
    {
        var current = Properties;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>A string property (literal or expression) by its path under <c>properties</c>.</summary>
    public string? String(string path) => Property(path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public override string ToString() => $"{Type} {Name} ({Template.Path})";
}

/// <summary>Just enough of the ARM template language to read what Bicep writes.</summary>
internal static partial class ArmExpression
{
    /// <summary>Whether a JSON string is an expression (<c>[...]</c>) rather than a literal.</summary>
    public static bool IsExpression(string value) => value.StartsWith('[') && !value.StartsWith("[[", StringComparison.Ordinal) && value.EndsWith(']');

    /// <summary>
    /// A string value with the parts a test can know filled in: <c>format()</c> arguments that are string literals or
    /// <c>variables('x')</c> holding a literal; unknown arguments become <c>{parameters('x')}</c>-style placeholders.
    /// </summary>
    public static string Resolve(ArmTemplate template, string value)
    {
        if (!IsExpression(value))
        {
            return value;
        }

        return ResolveInner(template, value[1..^1].Trim());
    }

    /// <summary>The top-level arguments of a function call <c>name(a, b(c, d), 'e')</c>.</summary>
    public static IReadOnlyList<string> Arguments(string call)
    {
        var open = call.IndexOf('(');
        if (open < 0 || !call.EndsWith(')'))
        {
            return [];
        }

        var arguments = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = open + 1;
        for (var i = open + 1; i < call.Length - 1; i++)
        {
            var c = call[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '(' or '[')
            {
                depth++;
            }
            else if (!quoted && c is ')' or ']')
            {
                depth--;
            }
            else if (!quoted && depth == 0 && c == ',')
            {
                arguments.Add(call[start..i].Trim());
                start = i + 1;
            }
        }

        var last = call[start..^1].Trim();
        if (last.Length > 0)
        {
            arguments.Add(last);
        }

        return arguments;
    }

    /// <summary>The name of the function an expression calls (<c>union</c> for <c>union(a, b)</c>).</summary>
    public static string FunctionName(string expression) =>
        expression.IndexOf('(') is var open and > 0 ? expression[..open] : expression;

    /// <summary>The string literal an expression argument is (<c>'x'</c> is x), or null.</summary>
    public static string? Literal(string argument) =>
        argument.Length >= 2 && argument[0] == '\'' && argument[^1] == '\'' ? argument[1..^1].Replace("''", "'", StringComparison.Ordinal) : null;

    /// <summary>The variable an argument names (<c>variables('x')</c> is x), or null.</summary>
    public static string? VariableName(string argument) => VariableCall().Match(argument) is { Success: true } m ? m.Groups["name"].Value : null;

    /// <summary>The parameter an argument names (<c>parameters('x')</c> is x), or null.</summary>
    public static string? ParameterName(string argument) => ParameterCall().Match(argument) is { Success: true } m ? m.Groups["name"].Value : null;

    private static string ResolveInner(ArmTemplate template, string expression)
    {
        if (Literal(expression) is { } literal)
        {
            return literal;
        }

        if (VariableName(expression) is { } variable && template.HasVariable(variable) && template.Variable(variable).ValueKind == JsonValueKind.String)
        {
            return Resolve(template, template.Variable(variable).GetString()!);
        }

        if (FunctionName(expression) == "format")
        {
            var arguments = Arguments(expression);
            var text = Literal(arguments[0]) ?? arguments[0];
            for (var i = 1; i < arguments.Count; i++)
            {
                text = text.Replace("{" + (i - 1) + "}", ResolveInner(template, arguments[i]), StringComparison.Ordinal);
            }

            return text;
        }

        return "{" + expression + "}";
    }

    [GeneratedRegex(@"^variables\('(?<name>[^']+)'\)$")]
    private static partial Regex VariableCall();

    [GeneratedRegex(@"^parameters\('(?<name>[^']+)'\)$")]
    private static partial Regex ParameterCall();
}
