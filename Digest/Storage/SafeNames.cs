using System.Security.Cryptography;
using System.Text;

namespace Digest.Storage;

/// <summary>
/// Maps article and blob names to file names that stay inside their folder. A name such as <c>../../etc/passwd</c>
/// becomes a plain file name: only letters, digits, '.', '-' and '_' survive, and a short hash of the original
/// keeps distinct names distinct.
/// </summary>
public static class SafeNames
{
    public static string ToFileName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        var readable = builder.ToString().Trim('.');
        if (readable.Length > 80)
        {
            readable = readable[..80];
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..10];
        return readable.Length == 0 ? hash : $"{readable}-{hash}";
    }
}
