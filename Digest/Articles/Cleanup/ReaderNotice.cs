namespace Digest.Articles.Cleanup;

/// <summary>
/// A page that talks to its visitor instead of reporting: most of its sentences say "you" or "your" outside quotation
/// marks ("Thank you for your interest in ...", "You can add location information to your Tweets ..."). News
/// addresses its reader only inside a quote.
/// </summary>
internal static class ReaderNotice
{
    private const int SentencesRead = 30;
    private const double AddressedShare = 0.5;

    /// <summary>How many of the first sentences address the reader, when that makes the text a notice; else null.</summary>
    public static (int Addressed, int Sentences)? Measure(IReadOnlyList<string> paragraphs)
    {
        // Most articles never say "you": no need to split them into sentences.
        if (!paragraphs.Take(SentencesRead).Any(p => p.Contains("you", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        int count = 0, addressed = 0;
        foreach (var paragraph in paragraphs.TakeWhile(_ => count < SentencesRead))
        {
            // A quotation may run over several sentences of its paragraph: the quote state carries over.
            var quoted = false;
            foreach (var sentence in Sentences.Split(paragraph))
            {
                if (count++ == SentencesRead)
                {
                    count--;
                    break;
                }

                addressed += AddressesReader(sentence, ref quoted) ? 1 : 0;
            }
        }

        return addressed >= 2 && addressed > AddressedShare * count ? (addressed, count) : null;
    }

    private static bool AddressesReader(string sentence, ref bool quoted)
    {
        var found = false;
        var start = -1;
        for (var i = 0; i <= sentence.Length; i++)
        {
            var c = i < sentence.Length ? sentence[i] : ' ';
            if (c is '"' or '“' or '”')
            {
                quoted = c == '“' || (c == '"' && !quoted);
            }

            if (char.IsLetter(c) || c is '\'' or '’')
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0 && !quoted)
            {
                var word = sentence.AsSpan(start, i - start);
                found |= word.Equals("you", StringComparison.OrdinalIgnoreCase) || word.Equals("your", StringComparison.OrdinalIgnoreCase) ||
                         word.Equals("you're", StringComparison.OrdinalIgnoreCase) || word.Equals("you’re", StringComparison.OrdinalIgnoreCase);
            }

            start = -1;
        }

        return found;
    }
}
