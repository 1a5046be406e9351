using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;

namespace Digest.Subscribers;

/// <summary>Settings for subscriber links (configuration section <c>Subscriptions</c>).</summary>
public sealed class SubscriptionOptions : IValidatableObject
{
    public const string SectionName = "Subscriptions";

    /// <summary>
    /// The proxies whose <c>X-Forwarded-For</c> entries the subscribe limit believes: IP addresses and networks
    /// (<c>10.0.0.0/8</c>), comma-separated, or <c>platform</c> for the Functions host and Azure's front ends
    /// (<see cref="Web.ClientAddresses.PlatformNetworks"/>). Empty (the default, as under <c>serve</c>): nothing is
    /// trusted and each connection's own address is the client.
    /// </summary>
    public string? TrustedProxies { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Web.ClientAddresses.Problem(TrustedProxies) is { } problem)
        {
            yield return new ValidationResult($"Subscriptions:TrustedProxies: {problem}.", [nameof(TrustedProxies)]);
        }
    }

    /// <summary>
    /// Secret that signs unsubscribe and confirmation tokens (at least 32 characters; a Key Vault reference in Azure).
    /// When it is not set, local runs create a random one in the data folder's <c>signing.key</c>.
    /// </summary>
    [MinLength(32)]
    public string? SigningKey { get; set; }

    /// <summary>The configured key, or the data folder's key file, created with a random key on first use.</summary>
    public byte[] ResolveSigningKey(string dataFolder)
    {
        if (!string.IsNullOrEmpty(SigningKey))
        {
            return Encoding.UTF8.GetBytes(SigningKey);
        }

        var path = Path.Combine(dataFolder, "signing.key");
        if (!File.Exists(path))
        {
            // Written to a private temporary file and moved into place, so no reader ever sees an empty key.
            Directory.CreateDirectory(dataFolder);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
                File.Delete(temporary);
            }
        }

        var key = File.ReadAllText(path).Trim();
        return key.Length >= MinimumKeyLength
            ? Encoding.UTF8.GetBytes(key)
            : throw new InvalidDataException($"{path} holds a signing key of {key.Length} characters; it needs at least {MinimumKeyLength}. Delete the file to have a new one made.");
    }

    private const int MinimumKeyLength = 32;
}
