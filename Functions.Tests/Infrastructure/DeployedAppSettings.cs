using System.Text.Json;
using System.Text.RegularExpressions;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

/// <summary>One app setting the compiled Bicep gives the function app.</summary>
/// <param name="Name">The setting name, e.g. <c>Mail__Sender</c>.</param>
/// <param name="Value">The ARM value: a literal (<c>sendgrid</c>) or an expression (<c>[parameters('blobEndpoint')]</c>).</param>
/// <param name="Group">The variable that holds it (the app settings are a <c>union()</c> of variables).</param>
/// <param name="Condition">The ARM expression under which the group is merged in, or null when it always is.</param>
internal sealed partial record DeployedAppSetting(string Name, string Value, string Group, string? Condition)
{
    /// <summary>The value when it is a plain literal; null for an expression.</summary>
    public string? Literal => ArmExpression.IsExpression(Value) ? null : Value;

    /// <summary>The main.bicep parameter the value is passed down from unchanged, if it is one.</summary>
    public string? Parameter => ArmExpression.IsExpression(Value) ? ArmExpression.ParameterName(Value[1..^1]) : null;

    /// <summary>The secret name when the value is a Key Vault reference; null otherwise.</summary>
    public string? KeyVaultSecretName => KeyVaultReference().Match(Value) is { Success: true } match ? match.Groups["secret"].Value : null;

    [GeneratedRegex(@"^\[format\('@Microsoft\.KeyVault\(VaultName=\{0\};SecretName=(?<secret>[A-Za-z0-9-]+)\)', parameters\('keyVaultName'\)\)\]$")]
    private static partial Regex KeyVaultReference();
}

/// <summary>The app settings of the function app, read from the compiled <c>infra/main.bicep</c>.</summary>
internal static class DeployedAppSettings
{
    /// <summary>The compiled module that sets them (<c>infra/modules/app-settings.bicep</c>, deployed by the function app module).</summary>
    public static ArmTemplate Template => CompiledBicep.Main.Module("functionApp").Module("appSettings");

    /// <summary>The <c>Microsoft.Web/sites/config</c> resource named <c>appsettings</c>.</summary>
    public static ArmResource Resource =>
        Template.Resources().SingleOrDefault(r => r.Type == "Microsoft.Web/sites/config" && ArmExpression.Resolve(Template, r.Name).EndsWith("/appsettings", StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"{Template.Path} has no Microsoft.Web/sites/config resource named appsettings.");

    /// <summary>The arguments of the <c>union()</c> the settings are.</summary>
    public static IReadOnlyList<string> UnionArguments()
    {
        var properties = Resource.Element.GetProperty("properties");
        var expression = properties.ValueKind == JsonValueKind.String ? properties.GetString()! : "";
        if (!ArmExpression.IsExpression(expression) || ArmExpression.FunctionName(expression[1..^1]) != "union")
        {
            throw new InvalidOperationException($"{Template.Path}: the appsettings properties are '{properties}', not union(...).");
        }

        return ArmExpression.Arguments(expression[1..^1]);
    }

    /// <summary>
    /// Every setting of the object variables the <c>union()</c> merges, directly (<c>variables('x')</c>) or under a
    /// condition (<c>if(cond, variables('x'), createObject())</c>, or <c>if(cond, createObject(), variables('x'))</c>,
    /// merged when <c>cond</c> is false), whatever the parameters. Parameters merged in (an operator's own settings)
    /// are not listed: their names are not known before deployment.
    /// </summary>
    public static IReadOnlyList<DeployedAppSetting> Read()
    {
        var settings = new List<DeployedAppSetting>();
        foreach (var argument in UnionArguments())
        {
            var (variable, condition) = ArmExpression.VariableName(argument) is { } direct
                ? (direct, (string?)null)
                : ArmExpression.FunctionName(argument) != "if" ? (null, null)
                : ArmExpression.Arguments(argument) switch
                {
                    [var when, "createObject()", var then] when ArmExpression.VariableName(then) is { } guarded => (guarded, $"not({when})"),
                    [var when, var then, "createObject()"] when ArmExpression.VariableName(then) is { } guarded => (guarded, when),
                    _ => (null, null),
                };
            if (variable is null)
            {
                continue;
            }

            settings.AddRange(Template.Variable(variable).EnumerateObject().Select(p => new DeployedAppSetting(p.Name, p.Value.GetString()!, variable, condition)));
        }

        return settings;
    }

    /// <summary>
    /// The settings Azure would write for these values of the app-settings module's parameters: each group's
    /// condition evaluated (<see cref="ArmEvaluator"/>). <see cref="Configuration"/> builds the usual ones.
    /// </summary>
    public static IReadOnlyList<DeployedAppSetting> ReadFor(IReadOnlyDictionary<string, object?> parameters) =>
        [.. Read().Where(s => s.Condition is null || ArmEvaluator.Evaluate(s.Condition, parameters) is true)];

    /// <summary>The app-settings module's parameters that choose settings, for one configuration a user can deploy.</summary>
    public static IReadOnlyDictionary<string, object?> Configuration(
        string mailSender = "sendgrid", string smtpUserName = "", string languageEndpoint = "") => new Dictionary<string, object?>
    {
        ["mailSender"] = mailSender,
        ["smtpUserName"] = smtpUserName,
        ["languageEndpoint"] = languageEndpoint,
    };
}
