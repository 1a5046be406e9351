using System.Text;

namespace Digest.Storage;

/// <summary>
/// Checks blob names and writes them into URLs. A name may contain spaces, any Unicode and <c>#?%</c> (each path
/// segment is percent-encoded), but it may not try to leave its container: empty names, a leading '/',
/// backslashes, empty, '.' or '..' segments and control characters are refused with the reason.
/// </summary>
public static class BlobNames
{
    /// <summary>Azure's limit on a blob name's length.</summary>
    public const int MaxLength = 1024;

    /// <summary>Throws <see cref="ArgumentException"/> saying why <paramref name="name"/> cannot be a blob name.</summary>
    public static void Validate(string? name)
    {
        if (Problem(name) is { } problem)
        {
            throw new ArgumentException($"Blob name '{name}' is not allowed: {problem}.", nameof(name));
        }
    }

    /// <summary>Why the name is refused, or null when it is a valid blob name.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "it is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }

        if (name.Contains('\\'))
        {
            return "it contains a backslash";
        }

        if (name.StartsWith('/'))
        {
            return "it starts with '/'";
        }

        if (name.Any(char.IsControl))
        {
            return "it contains a control character";
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0)
            {
                return "it has an empty path segment ('//' or a trailing '/')";
            }

            if (segment is "." or "..")
            {
                return $"it has a '{segment}' path segment that would leave its folder";
            }
        }

        return null;
    }

    /// <summary>The validated name as a URL path: each '/'-separated segment percent-encoded as UTF-8.</summary>
    public static string ToUrlPath(string name)
    {
        Validate(name);
        var builder = new StringBuilder(name.Length + 16);
        foreach (var segment in name.Split('/'))
        {
            if (builder.Length > 0)
            {
                builder.Append('/');
            }

            builder.Append(Uri.EscapeDataString(segment));
        }

        return builder.ToString();
    }
}
