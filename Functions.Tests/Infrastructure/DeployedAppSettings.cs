using System.Text.RegularExpressions;

namespace Digest.Tests.Infrastructure;

/// <summary>One app setting the Bicep gives the function app.</summary>
/// <param name="Name">The setting name, e.g. <c>Mail__Sender</c>.</param>
/// <param name="Value">The Bicep value expression, e.g. <c>'sendgrid'</c> or <c>blobEndpoint</c>.</param>
/// <param name="Group">The variable that holds it (the app settings are a <c>union()</c> of variables).</param>
internal sealed partial record DeployedAppSetting(string Name, string Value, string Group)
{
    /// <summary>The value when it is a plain string literal without interpolation; null otherwise.</summary>
    public string? Literal => LiteralPattern().Match(Value) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>The secret name when the value is a Key Vault reference; null otherwise.</summary>
    public string? KeyVaultSecretName => KeyVaultReference().Match(Value) is { Success: true } match ? match.Groups["secret"].Value : null;

    [GeneratedRegex(@"^'([^'$\\]*)'$")]
    private static partial Regex LiteralPattern();

    [GeneratedRegex(@"^'@Microsoft\.KeyVault\(VaultName=[^;]+;SecretName=(?<secret>[A-Za-z0-9-]+)\)'$")]
    private static partial Regex KeyVaultReference();
}

/// <summary>The app settings of the function app in <c>infra/modules/function-app.bicep</c>.</summary>
internal static partial class DeployedAppSettings
{
    public const string File = "modules/function-app.bicep";

    /// <summary>
    /// Every app setting of the <c>Microsoft.Web/sites/config</c> resource named <c>appsettings</c>, whose properties
    /// are an object literal or a <c>union()</c> of object variables.
    /// </summary>
    public static IReadOnlyList<DeployedAppSetting> Read(BicepFile bicep)
    {
        var config = bicep.Resources().SingleOrDefault(r => r.Type == "Microsoft.Web/sites/config" && r.Property("name") == "'appsettings'")
            ?? throw new InvalidOperationException($"{bicep.Path} has no Microsoft.Web/sites/config resource named 'appsettings'.");
        var properties = config.Property("properties")
            ?? throw new InvalidOperationException($"{bicep.Path}: the appsettings resource has no properties.");
        var union = Union().Match(properties);
        if (!union.Success)
        {
            throw new InvalidOperationException($"{bicep.Path}: the appsettings properties are '{properties}', not union(...) of variables.");
        }

        return
        [
            .. union.Groups["vars"].Value.Split(',', StringSplitOptions.TrimEntries)
                .SelectMany(group => bicep.ObjectVariable(group).Select(p => new DeployedAppSetting(p.Key, p.Value, group))),
        ];
    }

    [GeneratedRegex(@"^union\((?<vars>\w+(\s*,\s*\w+)*)\)$")]
    private static partial Regex Union();
}
