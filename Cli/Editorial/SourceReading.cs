namespace Digest.Cli.Editorial;

/// <summary>Whether the name a reader sees for a source is really the name of a file: a file name, a hash, a number.</summary>
internal static class SourceReading
{
    private static readonly string[] FileEndings = [".txt", ".md", ".markdown", ".html", ".htm", ".json", ".xml", ".eml"];

    public static bool IsFileLikeName(string? shown, string article)
    {
        if (string.IsNullOrWhiteSpace(shown))
        {
            return true;
        }

        var name = shown.Trim();
        var file = article.Replace('\\', '/').Split('/')[^1];
        var dot = file.LastIndexOf('.');
        var stem = dot > 0 ? file[..dot] : file;
        if (name.Equals(file, StringComparison.OrdinalIgnoreCase) || name.Equals(stem, StringComparison.OrdinalIgnoreCase) ||
            FileEndings.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return !name.Any(char.IsLetter) || HasHashRun(name) || (name.Contains('_') && name.Any(char.IsDigit) && !name.Contains(' '));
    }

    /// <summary>Eight or more hexadecimal characters in a row that mix digits and letters, or are all digits.</summary>
    private static bool HasHashRun(string name)
    {
        int run = 0, digits = 0;
        foreach (var c in name + " ")
        {
            if (char.IsAsciiHexDigit(c))
            {
                run++;
                digits += char.IsDigit(c) ? 1 : 0;
                continue;
            }

            if (run >= 8 && digits > 0)
            {
                return true;
            }

            run = 0;
            digits = 0;
        }

        return false;
    }
}
