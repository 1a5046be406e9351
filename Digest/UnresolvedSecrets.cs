using Microsoft.Extensions.Options;

namespace Digest;

/// <summary>
/// Refuses settings that hold an unresolved Key Vault reference. When App Service cannot resolve
/// <c>@Microsoft.KeyVault(...)</c> (the identity's role not yet effective, the vault unreachable) it hands the app the
/// reference text itself until its next refresh. Taken as a secret, that text would be a signing key anyone who can
/// read the vault's name could use to forge links, or an API key that makes every send fail; so start-up stops and
/// names the setting instead, and the platform retries the start.
/// </summary>
public sealed class UnresolvedSecrets(IConfiguration configuration)
{
    private const string Reference = "@Microsoft.KeyVault(";

    /// <exception cref="OptionsValidationException">One or more settings hold an unresolved reference; the message names each.</exception>
    public void Check()
    {
        var unresolved = configuration.AsEnumerable()
            .Where(setting => setting.Value?.TrimStart().StartsWith(Reference, StringComparison.OrdinalIgnoreCase) == true)
            .Select(setting => setting.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unresolved.Count > 0)
        {
            throw new OptionsValidationException(nameof(UnresolvedSecrets), typeof(UnresolvedSecrets),
                [.. unresolved.Select(key => $"{key} holds an unresolved Key Vault reference; the app's identity cannot read the secret yet (check its 'Key Vault Secrets User' role and the vault's network access), so Digest will not start with it.")]);
        }
    }
}
