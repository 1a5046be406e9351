using System.Runtime.InteropServices;
using Digest.Summaries;

namespace Digest.Briefings.Grouping;

/// <summary>
/// Groups a day's summaries into stories, one per real-world event.
/// <para>
/// Single-pass centroid clustering, as used in topic detection and tracking: summaries are taken in time order and
/// each joins the story whose centroid it is most similar to, if that similarity reaches
/// <see cref="GroupingOptions.SimilarityThreshold"/>, or starts a new story. Comparing with a story's centroid (the
/// average of its articles) rather than with its single closest article keeps two events that merely share people
/// and places from chaining together. Candidate stories come from an inverted index over each story's heaviest
/// terms, so the work grows with the number of summaries, not with its square.
/// </para>
/// </summary>
public sealed class StoryGrouper(GroupingOptions options)
{
    private const int CandidatesToScore = 8;

    /// <summary>Returns the stories as lists of indexes into <paramref name="summaries"/>, each list in ascending order.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Group(IReadOnlyList<ArticleSummary> summaries)
    {
        var vectors = SummaryTerms.Vectorize(summaries, options.IndexTermsPerArticle);
        var order = Enumerable.Range(0, summaries.Count)
            .OrderBy(i => summaries[i].PublishedAt ?? summaries[i].SummarizedAt)
            .ThenBy(i => summaries[i].Article, StringComparer.Ordinal)
            .ToArray();

        var clusters = new List<Cluster>();
        var postings = new Postings();
        var shared = new Dictionary<int, int>();
        foreach (var index in order)
        {
            var vector = vectors.Take(index);
            var topTerms = vector.IndexTerms;
            var best = FindBest(vector, topTerms, clusters, postings, shared);
            Cluster cluster;
            if (best is { } found && found.Similarity >= options.SimilarityThreshold)
            {
                cluster = clusters[found.Cluster];
            }
            else
            {
                cluster = new Cluster(clusters.Count);
                clusters.Add(cluster);
            }

            cluster.Add(index, vector);
            foreach (var term in topTerms)
            {
                if (cluster.AddIndexedTerm(term))
                {
                    postings.Add(term, cluster.Id);
                }
            }
        }

        MergeSimilarStories(clusters, postings, shared);
        return clusters.Where(c => c.Members.Count > 0).Select(c => (IReadOnlyList<int>)c.Members.Order().ToArray()).ToArray();
    }

    /// <summary>
    /// Single-pass clustering depends on arrival order: a report that comes before the others of its event may start a
    /// story of its own. This pass merges each story, smallest first, into the story whose centroid is most similar
    /// to its own centroid when that similarity reaches the threshold, until nothing changes (at most a few rounds).
    /// </summary>
    private void MergeSimilarStories(List<Cluster> clusters, Postings postings, Dictionary<int, int> shared)
    {
        const int MaxRounds = 3;
        for (var round = 0; round < MaxRounds; round++)
        {
            var merged = false;
            foreach (var cluster in clusters.Where(c => c.Members.Count > 0).OrderBy(c => c.Members.Count).ThenBy(c => c.Id).ToArray())
            {
                if (cluster.Members.Count == 0)
                {
                    continue;
                }

                shared.Clear();
                foreach (var term in cluster.IndexedTerms)
                {
                    for (var (e, k) = (postings.Newest(term), 0); e >= 0 && k < options.MaxStoriesPerTerm; e = postings.Next(e), k++)
                    {
                        var story = postings.Story(e);
                        if (story != cluster.Id && clusters[story].Members.Count > 0)
                        {
                            shared[story] = shared.GetValueOrDefault(story) + 1;
                        }
                    }
                }

                var best = shared.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(CandidatesToScore)
                    .Select(p => (Target: clusters[p.Key], Similarity: cluster.Similarity(clusters[p.Key])))
                    .OrderByDescending(x => x.Similarity).ThenBy(x => x.Target.Id)
                    .FirstOrDefault();
                if (best.Target is not null && best.Similarity >= options.SimilarityThreshold)
                {
                    best.Target.Absorb(cluster, postings);
                    merged = true;
                }
            }

            if (!merged)
            {
                return;
            }
        }
    }

    private (int Cluster, double Similarity)? FindBest(
        TermVector vector, int[] topTerms, List<Cluster> clusters, Postings postings, Dictionary<int, int> shared)
    {
        shared.Clear();
        foreach (var term in topTerms)
        {
            // Stories are created in time order, so the newest stories holding a common term are the likely matches.
            for (var (e, k) = (postings.Newest(term), 0); e >= 0 && k < options.MaxStoriesPerTerm; e = postings.Next(e), k++)
            {
                var story = postings.Story(e);
                shared[story] = shared.GetValueOrDefault(story) + 1;
            }
        }

        (int Cluster, double Similarity)? best = null;
        foreach (var (clusterId, _) in shared.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(CandidatesToScore))
        {
            var similarity = clusters[clusterId].Similarity(vector);
            if (best is null || similarity > best.Value.Similarity)
            {
                best = (clusterId, similarity);
            }
        }

        return best;
    }

    /// <summary>
    /// For each indexed term, the stories it indexes, newest first: chains in one shared list rather than a list per
    /// term, which cost more than the stories' own terms.
    /// </summary>
    private sealed class Postings
    {
        private readonly Dictionary<int, int> newest = [];
        private readonly List<(int Story, int Next)> entries = [];

        public void Add(int term, int story)
        {
            ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(newest, term, out var exists);
            entries.Add((story, exists ? head : -1));
            head = entries.Count - 1;
        }

        /// <summary>The newest entry for <paramref name="term"/>, or -1.</summary>
        public int Newest(int term) => newest.TryGetValue(term, out var entry) ? entry : -1;

        /// <summary>The entry before <paramref name="entry"/> for the same term, or -1.</summary>
        public int Next(int entry) => entries[entry].Next;

        public int Story(int entry) => entries[entry].Story;
    }

    /// <summary>
    /// A story: its members and the sum of their vectors, kept as sorted arrays of the shared terms (a dictionary per
    /// story cost several times the memory), plus the squared weights of the members' unshared terms.
    /// </summary>
    private sealed class Cluster(int id)
    {
        private int[] terms = [];
        private double[]? sums = [];

        // A story of one article shares that article's arrays instead of copying them; most stories have one or two.
        private float[]? single;
        private double squaredNorm;
        private double privateMass;

        public int Id { get; } = id;

        public List<int> Members { get; } = [];

        /// <summary>The terms that index this story, in ascending order (a list is a fraction of a hash set's size).</summary>
        public List<int> IndexedTerms { get; } = [];

        /// <summary>Adds <paramref name="term"/> to the story's index terms; false if it was there already.</summary>
        public bool AddIndexedTerm(int term)
        {
            var at = IndexedTerms.BinarySearch(term);
            if (at >= 0)
            {
                return false;
            }

            IndexedTerms.Insert(~at, term);
            return true;
        }

        public double Similarity(TermVector vector)
        {
            if (squaredNorm <= 0)
            {
                return 0;
            }

            return Dot(vector.Ids, vector.Weights) / Math.Sqrt(squaredNorm);
        }

        /// <summary>Cosine similarity of the two stories' centroids.</summary>
        public double Similarity(Cluster other)
        {
            if (squaredNorm <= 0 || other.squaredNorm <= 0)
            {
                return 0;
            }

            var (small, large) = terms.Length <= other.terms.Length ? (this, other) : (other, this);
            double dot = 0;
            for (var i = 0; i < small.terms.Length; i++)
            {
                var found = Array.BinarySearch(large.terms, small.terms[i]);
                if (found >= 0)
                {
                    dot += small.Sum(i) * large.Sum(found);
                }
            }

            return dot / Math.Sqrt(squaredNorm * other.squaredNorm);
        }

        /// <summary>Takes over <paramref name="other"/>'s articles, centroid and index entries; <paramref name="other"/> is left empty.</summary>
        public void Absorb(Cluster other, Postings postings)
        {
            Members.AddRange(other.Members);
            AddTerms(other.terms, other.sums, other.single);
            squaredNorm += other.privateMass;
            privateMass += other.privateMass;

            foreach (var term in other.IndexedTerms)
            {
                if (AddIndexedTerm(term))
                {
                    postings.Add(term, Id);
                }
            }

            other.Members.Clear();
            other.terms = [];
            other.sums = [];
            other.single = null;
            other.squaredNorm = 0;
            other.privateMass = 0;
        }

        public void Add(int member, TermVector vector)
        {
            Members.Add(member);
            if (Members.Count == 1 && terms.Length == 0)
            {
                terms = vector.Ids;
                single = vector.Weights;
                sums = null;
                foreach (var weight in single)
                {
                    double before = 0, after = before + weight;
                    squaredNorm += (after * after) - (before * before);
                }
            }
            else
            {
                AddTerms(vector.Ids, null, vector.Weights);
            }

            squaredNorm += vector.PrivateMass;
            privateMass += vector.PrivateMass;
        }

        private double Sum(int i) => sums is null ? single![i] : sums[i];

        private double Dot(int[] otherIds, float[] otherWeights)
        {
            var ids = terms;
            var count = terms.Length;
            double dot = 0;
            if (count > 8 * otherIds.Length)
            {
                for (var j = 0; j < otherIds.Length; j++)
                {
                    var found = Array.BinarySearch(ids, 0, count, otherIds[j]);
                    if (found >= 0)
                    {
                        dot += Sum(found) * otherWeights[j];
                    }
                }

                return dot;
            }

            int i = 0, k = 0;
            while (i < count && k < otherIds.Length)
            {
                var difference = ids[i] - otherIds[k];
                if (difference == 0)
                {
                    dot += Sum(i++) * otherWeights[k++];
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

            return dot;
        }

        /// <summary>Adds the sorted terms to the centroid, keeping the squared norm up to date.</summary>
        private void AddTerms(int[] ids, double[]? weights, float[]? floatWeights)
        {
            var count = ids.Length;
            var mergedTerms = new int[terms.Length + count];
            var mergedSums = new double[terms.Length + count];
            int i = 0, k = 0, at = 0;
            while (i < terms.Length || k < count)
            {
                if (k == count || (i < terms.Length && terms[i] < ids[k]))
                {
                    mergedTerms[at] = terms[i];
                    mergedSums[at++] = Sum(i++);
                    continue;
                }

                var before = i < terms.Length && terms[i] == ids[k] ? Sum(i++) : 0;
                var after = before + (weights is null ? floatWeights![k] : weights[k]);
                squaredNorm += (after * after) - (before * before);
                mergedTerms[at] = ids[k++];
                mergedSums[at++] = after;
            }

            terms = at == mergedTerms.Length ? mergedTerms : mergedTerms[..at];
            sums = at == mergedSums.Length ? mergedSums : mergedSums[..at];
            single = null;
        }
    }
}
