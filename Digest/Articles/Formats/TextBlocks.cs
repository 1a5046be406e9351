using System.Text.RegularExpressions;
using Digest.Articles.Cleanup;

namespace Digest.Articles.Formats;

/// <summary>
/// Splits plain text into paragraphs: blank lines separate paragraphs; within a block, hard-wrapped lines are joined
/// back into one paragraph, while short lines (a title, a byline, a date) and list items stay on their own.
/// </summary>
internal static partial class TextBlocks
{
    /// <summary>Lines longer than this are not hard-wrapped: each such line is a paragraph of its own.</summary>
    private const int MaxWrappedLine = 100;

    /// <summary>A line shorter than this share of the block's width ends its paragraph (a wrapped line would be longer).</summary>
    private const double ShortLineShare = 0.6;

    [GeneratedRegex(@"^(?:[-*•·▪]\s+|\d{1,2}[.)]\s+)")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^(?:B[yY]\s+\p{Lu}|(?i:photo|image|credit|tags?|topics|related|read\s+more|source)\s*:|(?i:copyright)\b|©|\p{Lu}[\p{L}']*(?:\s+\p{L}[\p{L}']*)?:\s)")]
    private static partial Regex UnitLead();

    /// <summary>The paragraphs of <paramref name="text"/> (normalised text with <c>\n</c> line ends).</summary>
    public static List<string> Split(string text)
    {
        var paragraphs = new List<string>();
        var block = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                AddBlock(block, paragraphs);
                block.Clear();
            }
            else
            {
                block.Add(trimmed);
            }
        }

        AddBlock(block, paragraphs);
        return paragraphs;
    }

    private static void AddBlock(List<string> lines, List<string> paragraphs)
    {
        if (lines.Count == 0)
        {
            return;
        }

        if (lines.Max(l => l.Length) > MaxWrappedLine)
        {
            paragraphs.AddRange(lines.Select(StripListMarker));
            return;
        }

        var width = (lines.Count >= 3 ? lines.Skip(1) : lines).Max(l => l.Length);
        var current = StripListMarker(lines[0]);
        for (var i = 1; i < lines.Count; i++)
        {
            var previous = lines[i - 1];
            var line = lines[i];
            if (EndsUnit(previous, width) || StartsUnit(line))
            {
                paragraphs.Add(current);
                current = StripListMarker(line);
            }
            else if (previous.EndsWith('-') && previous.Length > 1 && char.IsLetter(previous[^2]) && char.IsLower(line[0]))
            {
                current += line;
            }
            else
            {
                current += " " + line;
            }
        }

        paragraphs.Add(current);
    }

    private static bool EndsUnit(string line, int width) =>
        line.EndsWith(':') ||
        Bylines.TryParse(line, out _) ||
        Datelines.IsDateOnly(line, out _) ||
        line.Length > width + 2 ||
        (line.Length < width * ShortLineShare && !line.EndsWith('-'));

    private static bool StartsUnit(string line) =>
        ListMarker().IsMatch(line) || UnitLead().IsMatch(line) || Datelines.IsDateOnly(line, out _);

    private static string StripListMarker(string line) => ListMarker().Replace(line, "", 1);
}
