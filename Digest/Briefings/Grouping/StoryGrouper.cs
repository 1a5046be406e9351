using System.Runtime.InteropServices;
using Digest.Summaries;

namespace Digest.Briefings.Grouping;

/// <summary>
/// Groups a day's summaries into stories, one per real-world event.
/// <para>
/// Two stages. <b>Links</b>: each summary, taken in time order, is compared with the earlier summaries that share its
/// heaviest terms (an inverted index finds them, so the work grows with the number of summaries, not with its
/// square); the TF-IDF cosine of the two is kept as a link when it reaches <see cref="GroupingOptions.LinkFloor"/>
/// and the two were published close enough in time to tell one happening. <b>Stories</b>: average-linkage
/// agglomerative clustering over those links: the two stories whose articles are, on average over every pair of
/// them, most alike are merged, as long as that average reaches <see cref="GroupingOptions.SimilarityThreshold"/>. A
/// pair of articles without a link counts as 0, so a story grows only by what is like most of it: one report that
/// shares a topic with two events cannot chain them together, as a centroid or a single closest article would.
/// </para>
/// </summary>
public sealed class StoryGrouper(GroupingOptions options)
{
    /// <summary>Returns the stories as lists of indexes into <paramref name="summaries"/>, each list in ascending order.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Group(IReadOnlyList<ArticleSummary> summaries) =>
        GroupWithSupport(summaries).Select(s => s.Members).ToArray();

    /// <summary>
    /// Returns the stories, each with its members (indexes into <paramref name="summaries"/>, ascending) and, for each
    /// member, how firmly it belongs: its mean similarity to the story's other members (1 for a story of one).
    /// </summary>
    public IReadOnlyList<GroupedStory> GroupWithSupport(IReadOnlyList<ArticleSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var links = Links(summaries);
        var clusters = AverageLinkage(summaries.Count, links);
        return Stories(clusters, links, options.SimilarityThreshold);
    }

    /// <summary>The links between summaries: each pair at most once, the earlier (in time order) first.</summary>
    private List<Link> Links(IReadOnlyList<ArticleSummary> summaries)
    {
        var source = SummaryTerms.Vectorize(summaries, options.IndexTermsPerArticle);
        var order = Enumerable.Range(0, summaries.Count)
            .OrderBy(i => Time(summaries[i]))
            .ThenBy(i => summaries[i].Article, StringComparer.Ordinal)
            .ToArray();
        var vectors = new TermVector?[summaries.Count];
        var events = new TermVector?[summaries.Count];
        var postings = new Postings();
        var shared = new Dictionary<int, int>();
        var links = new List<Link>();
        var span = options.MaxPublishedApart;
        foreach (var index in order)
        {
            var vector = source.Take(index);
            vectors[index] = vector;
            var eventVector = events[index] = source.TakeEvents(index);
            shared.Clear();
            // An article is looked up by its heaviest summary terms and by its rarest event terms: two reports told in
            // different words are found by the names and figures they share.
            foreach (var term in vector.IndexTerms.Concat(eventVector.IndexTerms))
            {
                // Summaries are indexed in time order, so the newest holding a common term are the likely matches.
                for (var (e, k) = (postings.Newest(term), 0); e >= 0 && k < options.MaxArticlesPerTerm; e = postings.Next(e), k++)
                {
                    ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(shared, postings.Article(e), out _);
                    count++;
                }
            }

            var time = Time(summaries[index]);
            foreach (var (other, _) in shared.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(options.CandidatesPerArticle))
            {
                // Two reports published further apart than an event lasts tell two happenings, however alike.
                if (summaries[other].PublishedAt is not null && summaries[index].PublishedAt is not null && time - Time(summaries[other]) > span)
                {
                    continue;
                }

                var similarity = Similarity(vector, vectors[other]!, eventVector, events[other]!);
                if (similarity > 0)
                {
                    links.Add(new Link(other, index, similarity));
                }
            }

            foreach (var term in vector.IndexTerms.Concat(eventVector.IndexTerms))
            {
                postings.Add(term, index);
            }
        }

        return links;
    }

    private static DateTimeOffset Time(ArticleSummary summary) => summary.PublishedAt ?? summary.SummarizedAt;

    /// <summary>
    /// How alike two articles are, 0 for no link. Their summaries decide when they can: the TF-IDF cosine, if the two
    /// share <see cref="GroupingOptions.MinSharedTerms"/> terms and it reaches <see cref="GroupingOptions.LinkFloor"/>.
    /// Only when the summaries cannot link them do their event terms speak: the evidence of the names and figures both
    /// hold (see <see cref="Evidence"/>) past <see cref="GroupingOptions.EventEvidenceFloor"/> gives a link that grows
    /// over <see cref="GroupingOptions.EventEvidenceSpan"/> up to <see cref="GroupingOptions.EventTermWeight"/>. Event
    /// terms never add to a summary link: reports of two events on one topic share names too, and a boost would push
    /// such pairs over the joining threshold; an event told in different words has no summary link to boost.
    /// </summary>
    private double Similarity(TermVector vector, TermVector other, TermVector events, TermVector otherEvents)
    {
        var (similarity, sharedTerms) = Cosine(vector, other);
        if (sharedTerms >= options.MinSharedTerms && similarity >= options.LinkFloor)
        {
            return similarity;
        }

        var strength = Math.Clamp((Evidence(events, otherEvents) - options.EventEvidenceFloor) / options.EventEvidenceSpan, 0, 1);
        var link = options.EventTermWeight * strength;
        return link >= options.LinkFloor ? link : 0;
    }

    /// <summary>
    /// The evidence that two articles tell one event: over the event terms both hold, the sum of how unlikely each is to
    /// be shared by chance, <c>ln((N + 1) / (1 + df))</c> (see <see cref="SummaryVectors.TakeEvents"/>).
    /// </summary>
    private static double Evidence(TermVector a, TermVector b)
    {
        int i = 0, k = 0;
        double sum = 0;
        var (ai, bi) = (a.Ids, b.Ids);
        while (i < ai.Length && k < bi.Length)
        {
            var difference = ai[i] - bi[k];
            if (difference == 0)
            {
                sum += a.Weights[i++];
                k++;
            }
            else if (difference < 0)
            {
                i++;
            }
            else
            {
                k++;
            }
        }

        return sum;
    }

    /// <summary>Cosine similarity of two normalised vectors (only shared terms can meet).</summary>
    private static (double Similarity, int SharedTerms) Cosine(TermVector a, TermVector b)
    {
        int i = 0, k = 0, shared = 0;
        double dot = 0;
        var (ai, bi) = (a.Ids, b.Ids);
        while (i < ai.Length && k < bi.Length)
        {
            var difference = ai[i] - bi[k];
            if (difference == 0)
            {
                dot += (double)a.Weights[i++] * b.Weights[k++];
                shared++;
            }
            else if (difference < 0)
            {
                i++;
            }
            else
            {
                k++;
            }
        }

        return (dot, shared);
    }

    /// <summary>
    /// Average-linkage clustering over the sparse links: returns each summary's cluster (a representative index).
    /// Merges the best pair first; ties go to the lower indexes, so the result does not depend on input order.
    /// </summary>
    private int[] AverageLinkage(int count, List<Link> links)
    {
        var size = new int[count];
        var version = new int[count];
        var neighbours = new Dictionary<int, double>?[count];
        var parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            size[i] = 1;
            parent[i] = i;
        }

        foreach (var link in links)
        {
            (neighbours[link.A] ??= [])[link.B] = link.Similarity;
            (neighbours[link.B] ??= [])[link.A] = link.Similarity;
        }

        var queue = new PriorityQueue<(int A, int B, int VersionA, int VersionB), (double Score, int A, int B)>(Comparer<(double Score, int A, int B)>.Create(
            (x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B)));
        void Push(int a, int b, double sum)
        {
            var (low, high) = a < b ? (a, b) : (b, a);
            var score = sum / ((double)size[low] * size[high]);
            if (score >= options.SimilarityThreshold)
            {
                queue.Enqueue((low, high, version[low], version[high]), (score, low, high));
            }
        }

        foreach (var link in links)
        {
            Push(link.A, link.B, link.Similarity);
        }

        while (queue.TryDequeue(out var pair, out _))
        {
            if (version[pair.A] != pair.VersionA || version[pair.B] != pair.VersionB || size[pair.A] == 0 || size[pair.B] == 0)
            {
                continue; // one of them changed since this pair was scored
            }

            // The one with more neighbours keeps its table; the other's sums are added to it.
            var (keep, gone) = (neighbours[pair.A]?.Count ?? 0) >= (neighbours[pair.B]?.Count ?? 0) ? (pair.A, pair.B) : (pair.B, pair.A);
            var table = neighbours[keep]!;
            table.Remove(gone);
            foreach (var (other, sum) in neighbours[gone]!)
            {
                if (other != keep)
                {
                    table[other] = table.GetValueOrDefault(other) + sum;
                }
            }

            size[keep] += size[gone];
            size[gone] = 0;
            parent[gone] = keep;
            neighbours[gone] = null;
            version[keep]++;
            foreach (var (other, sum) in table)
            {
                var theirs = neighbours[other]!;
                theirs.Remove(gone);
                theirs[keep] = sum;
                Push(keep, other, sum);
            }
        }

        var root = new int[count];
        for (var i = 0; i < count; i++)
        {
            var r = i;
            while (parent[r] != r)
            {
                r = parent[r];
            }

            root[i] = r;
        }

        return root;
    }

    private static List<GroupedStory> Stories(int[] cluster, List<Link> links, double threshold)
    {
        var members = new Dictionary<int, List<int>>();
        for (var i = 0; i < cluster.Length; i++)
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(members, cluster[i], out _);
            (list ??= []).Add(i);
        }

        var linked = new double[cluster.Length];
        foreach (var link in links)
        {
            if (cluster[link.A] == cluster[link.B])
            {
                linked[link.A] += link.Similarity;
                linked[link.B] += link.Similarity;
            }
        }

        return members.Values
            .OrderBy(m => m[0])
            .Select(m => m.Select(i => m.Count == 1 ? 1.0 : linked[i] / (m.Count - 1)).ToArray())
            .Zip(members.Values.OrderBy(m => m[0]), (support, m) => new GroupedStory(m, support, support.Select(x => x >= threshold).ToArray()))
            .ToList();
    }

    private readonly record struct Link(int A, int B, double Similarity);

    /// <summary>
    /// For each indexed term, the summaries it indexes, newest first: chains in one shared list rather than a list per
    /// term, which cost more than the summaries' own terms.
    /// </summary>
    private sealed class Postings
    {
        private readonly Dictionary<int, int> newest = [];
        private readonly List<(int Article, int Next)> entries = [];

        public void Add(int term, int article)
        {
            ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(newest, term, out var exists);
            entries.Add((article, exists ? head : -1));
            head = entries.Count - 1;
        }

        /// <summary>The newest entry for <paramref name="term"/>, or -1.</summary>
        public int Newest(int term) => newest.TryGetValue(term, out var entry) ? entry : -1;

        /// <summary>The entry before <paramref name="entry"/> for the same term, or -1.</summary>
        public int Next(int entry) => entries[entry].Next;

        public int Article(int entry) => entries[entry].Article;
    }
}

/// <summary>One story found by <see cref="StoryGrouper"/>.</summary>
/// <param name="Members">Indexes of its summaries, ascending.</param>
/// <param name="Support">
/// For each member (same order), its mean similarity to the story's other members, a pair without a link counting 0;
/// 1 for a story of one. A member that joined on the strength of others has a low support.
/// </param>
/// <param name="Firm">
/// For each member (same order), whether it belongs firmly: its support reaches the joining threshold, so on average
/// it is as like the other members as two articles must be to make one story. Only firm members give a story weight.
/// </param>
public sealed record GroupedStory(IReadOnlyList<int> Members, IReadOnlyList<double> Support, IReadOnlyList<bool> Firm);
