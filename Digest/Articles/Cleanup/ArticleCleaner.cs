using Digest.Articles.Decoding;

namespace Digest.Articles.Cleanup;

/// <summary>
/// Removes what is not news from an article body (datelines, bylines, subheads, captions and credits, end notes,
/// prompts, tag strips), recording each removal with its <see cref="DroppedKinds"/> kind. Conservative: a paragraph
/// is dropped only when it matches one of these shapes; fragments at the start or end of a real paragraph are cut
/// and the paragraph kept.
/// </summary>
public sealed class ArticleCleaner
{
    private const int MaxCaptionSentences = 2;
    private const int MaxCaptionWords = 45;

    /// <summary>Cleans <paramref name="paragraphs"/>; <paramref name="title"/> is the title the format gave, if any.</summary>
    public CleanedBody Clean(string? title, IReadOnlyList<string> paragraphs)
    {
        var run = new CleanupRun();
        var cleanTitle = run.AcceptTitle(title);
        var titleFromBody = false;
        foreach (var raw in paragraphs)
        {
            var paragraph = TextNormalizer.CollapseWhitespace(raw);
            if (paragraph.Length == 0)
            {
                continue;
            }

            // The title comes first, or right after a leading dateline and its dek sentence.
            if (run.Kept.Count == 0 || (run.Kept.Count == 1 && run.KeptDek))
            {
                if (cleanTitle is not null && string.Equals(paragraph, cleanTitle, StringComparison.OrdinalIgnoreCase))
                {
                    run.Drop(DroppedKinds.Boilerplate, paragraph);
                    continue;
                }

                if (cleanTitle is null && run.TakeTitle(paragraph) is { } found)
                {
                    cleanTitle = found;
                    titleFromBody = true;
                    run.DropDeck();
                    continue;
                }
            }

            run.Add(paragraph);
        }

        run.DropTrailingTags();

        // A line taken as the title because it opens the text states what the article reports: one that shares none
        // of the body's words is page furniture ("Page Content", "Play Facebook", "Image copyright AFP"). A title the
        // format names (a page's <title>, front matter, a JSON field) is the publisher's own and stays.
        if (cleanTitle is not null && titleFromBody && !TitleText.SharesBody(cleanTitle, run.Kept))
        {
            run.Drop(DroppedKinds.Clutter, cleanTitle);
            cleanTitle = null;
        }

        return new CleanedBody(cleanTitle is null ? null : TitleText.StripWirePrefix(cleanTitle), run.Kept, run.Dropped, run.Outlet, run.Date);
    }

    /// <summary>The state of cleaning one article: kept paragraphs, removals, and what bylines and datelines said.</summary>
    private sealed class CleanupRun
    {
        public List<string> Kept { get; } = [];

        public List<DroppedText> Dropped { get; } = [];

        public string? Outlet { get; private set; }

        public DateTimeOffset? Date { get; private set; }

        /// <summary>True when the first kept paragraph is the dek sentence that followed a leading dateline.</summary>
        public bool KeptDek { get; private set; }

        /// <summary>True when the first kept paragraph is one sentence after a bare date field: a deck if more follows.</summary>
        private bool _deckAfterDateField;

        /// <summary>True right after a byline that named no outlet: the next line may be the outlet's name.</summary>
        private bool _outletMayFollow;

        public void Drop(string kind, string text) => Dropped.Add(new DroppedText(kind, text));

        /// <summary>
        /// The title when the paragraph is one: a heading-like line, a headline-cased line of up to two sentences
        /// (<c>Chief Raft Is Out. The Overtime Questions Aren't Going Anywhere.</c>), or either after a dateline glued
        /// to it (<c>PORT CALDER, Ore. (Metro Wire) -- Fire Chief Resigns</c>, the dateline is dropped).
        /// </summary>
        public string? TakeTitle(string paragraph)
        {
            if (_outletMayFollow && Bylines.OutletUnderByline(paragraph) is not null)
            {
                return null;
            }

            var headline = TitleText.StripWirePrefix(paragraph);
            if (IsTitle(headline) || (Kept.Count == 0 && TitleText.IsTitleLine(headline)))
            {
                return headline;
            }

            var (dateline, rest, date) = Datelines.SplitPrefix(paragraph);
            rest = TitleText.StripWirePrefix(rest.Trim());
            if (dateline is null || !IsTitle(rest))
            {
                return null;
            }

            Drop(DroppedKinds.Dateline, dateline);
            Date ??= date;
            return rest;
        }

        private static bool IsTitle(string line) =>
            (TitleText.LooksLikeTitle(line) && Subheads.IsHeadingLike(line)) || TitleText.IsHeadlineCased(line);

        /// <summary>Keeps a format-given title unless it is really a date, byline, caption or other metadata.</summary>
        public string? AcceptTitle(string? title)
        {
            var clean = title is null ? "" : TextNormalizer.CollapseWhitespace(title);
            if (clean.Length == 0)
            {
                return null;
            }

            var kind = Datelines.StartsWithDateline(clean) ? DroppedKinds.Dateline
                : Bylines.TryParse(clean, out _) ? DroppedKinds.Byline
                : Captions.SplitCredit(clean).Credit is not null ? DroppedKinds.Caption
                : ClassifyFragment(clean);
            if (kind is not null)
            {
                Drop(kind, clean);
                return null;
            }

            return clean;
        }

        public void Add(string paragraph)
        {
            // A dateline opens the body: the first paragraph, or the first after a dateline-and-dek line.
            if (Kept.Count == 0 || (Kept.Count == 1 && KeptDek))
            {
                var (dateline, rest, date) = Datelines.SplitPrefix(paragraph);
                if (dateline is not null)
                {
                    rest = rest.Trim();
                    if (!Sentences.EndsLikeSentence(rest) && Sentences.WordCount(rest) < Sentences.UsableWords)
                    {
                        Drop(DroppedKinds.Dateline, paragraph);
                        Date ??= date;
                        return;
                    }

                    Drop(DroppedKinds.Dateline, dateline);
                    Date ??= date;
                    paragraph = rest;
                    KeptDek = true;

                    // After a bare date field ("date 2025-08-06 ..."), one sentence with the title under it is the
                    // page's standfirst: a deck, not the lead (a place dateline opens the lead itself).
                    _deckAfterDateField = Datelines.IsDateField(dateline) && Sentences.Split(rest).Count == 1;
                }
            }

            // By NAME / OUTLET / Updated TIME, one item a line.
            if (_outletMayFollow)
            {
                _outletMayFollow = false;
                if (Bylines.OutletUnderByline(paragraph) is { } named)
                {
                    Outlet ??= named;
                    Drop(DroppedKinds.Byline, paragraph);
                    return;
                }
            }

            var kind = ClassifyWhole(paragraph);
            if (kind is not null)
            {
                Drop(kind, paragraph);
                return;
            }

            paragraph = CutFragments(paragraph);
            if (paragraph.Length > 0)
            {
                Kept.Add(paragraph);
            }
        }

        /// <summary>Drops closing paragraphs that are bare tag lists (<c>Politics, Harbor City, Transit</c>).</summary>
        /// <summary>Drops the one sentence kept under a date field when a title follows it: it was the deck above the title.</summary>
        public void DropDeck()
        {
            if (_deckAfterDateField && Kept.Count == 1 && KeptDek)
            {
                Drop(DroppedKinds.Deck, Kept[0]);
                Kept.RemoveAt(0);
            }
        }

        public void DropTrailingTags()
        {
            while (Kept.Count > 0 && TagLines.IsBareList(Kept[^1]))
            {
                Drop(DroppedKinds.Tags, Kept[^1]);
                Kept.RemoveAt(Kept.Count - 1);
            }
        }

        private string? ClassifyWhole(string paragraph)
        {
            if (Datelines.IsDateOnly(paragraph, out var date))
            {
                Date ??= date;
                return DroppedKinds.Dateline;
            }

            if (Bylines.TryParse(paragraph, out var byline))
            {
                Outlet ??= byline.Outlet;
                Date ??= byline.Date;
                _outletMayFollow = byline.Outlet is null && Outlet is null;
                return DroppedKinds.Byline;
            }

            if (Bylines.IsStamp(paragraph))
            {
                return DroppedKinds.Dateline;
            }

            if (TagLines.IsGlued(paragraph))
            {
                return DroppedKinds.Tags;
            }

            // A bare tag list is only known to be tags when it closes the article (see DropTrailingTags).
            return ClassifyFragment(paragraph) ??
                   (Subheads.IsSubhead(paragraph) && !TagLines.IsBareList(paragraph) ? DroppedKinds.Subhead : null);
        }

        /// <summary>The kinds that can also appear as a sentence glued to the start or end of a real paragraph.</summary>
        private static string? ClassifyFragment(string text) =>
            Captions.IsCaption(text) ? DroppedKinds.Caption
            : TagLines.IsLabelled(text) ? DroppedKinds.Tags
            : EndNotes.IsEndNote(text) ? DroppedKinds.EndNote
            : Prompts.IsPrompt(text) ? DroppedKinds.Prompt
            : null;

        /// <summary>Cuts section labels, bracketed credits and boilerplate sentences off the ends of a paragraph.</summary>
        private string CutFragments(string paragraph)
        {
            var (label, rest) = Subheads.SplitLabel(paragraph);
            if (label is not null)
            {
                Drop(DroppedKinds.Subhead, label);
                paragraph = rest.Trim();
            }

            var credited = false;
            for (var (credit, remainder) = Captions.SplitCredit(paragraph); credit is not null; (credit, remainder) = Captions.SplitCredit(paragraph))
            {
                Drop(DroppedKinds.Caption, credit);
                paragraph = remainder;
                credited = true;
            }

            // A photo credit belongs to a caption: a short paragraph that carried one is the caption itself.
            if (credited && Sentences.Split(paragraph).Count <= MaxCaptionSentences && Sentences.WordCount(paragraph) <= MaxCaptionWords)
            {
                Drop(DroppedKinds.Caption, paragraph);
                return string.Empty;
            }

            var sentences = new List<string>(Sentences.Split(paragraph));
            var count = sentences.Count;
            while (sentences.Count > 0 && ClassifyFragment(sentences[0]) is { } kind)
            {
                Drop(kind, sentences[0]);
                sentences.RemoveAt(0);
            }

            var tail = new List<DroppedText>();
            while (sentences.Count > 0 && (ClassifyFragment(sentences[^1]) ?? ClassifyCredits(sentences[^1])) is { } kind)
            {
                tail.Insert(0, new DroppedText(kind, sentences[^1]));
                sentences.RemoveAt(sentences.Count - 1);
            }

            Dropped.AddRange(tail);
            return sentences.Count == count ? paragraph : string.Join(' ', sentences);
        }

        private string? ClassifyCredits(string sentence)
        {
            if (!Bylines.TryParse(sentence, out var byline))
            {
                return null;
            }

            Outlet ??= byline.Outlet;
            return DroppedKinds.Byline;
        }
    }
}
