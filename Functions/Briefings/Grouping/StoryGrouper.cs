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

    /// <summary>Returns the stories as lists of indexes into <paramref name="summaries"/>, each list in time order.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Group(IReadOnlyList<ArticleSummary> summaries)
    {
        var vectors = SummaryTerms.Vectorize(summaries);
        var order = Enumerable.Range(0, summaries.Count)
            .OrderBy(i => summaries[i].PublishedAt ?? summaries[i].SummarizedAt)
            .ThenBy(i => summaries[i].Article, StringComparer.Ordinal)
            .ToArray();

        var clusters = new List<Cluster>();
        var postings = new Dictionary<int, List<int>>();
        var shared = new Dictionary<int, int>();
        foreach (var index in order)
        {
            var vector = vectors[index];
            var topTerms = vector.TopTerms(options.IndexTermsPerArticle);
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
                if (cluster.IndexedTerms.Add(term))
                {
                    if (!postings.TryGetValue(term, out var list))
                    {
                        postings[term] = list = [];
                    }

                    list.Add(cluster.Id);
                }
            }
        }

        return clusters.Select(c => (IReadOnlyList<int>)c.Members).ToArray();
    }

    private (int Cluster, double Similarity)? FindBest(
        TermVector vector, int[] topTerms, List<Cluster> clusters, Dictionary<int, List<int>> postings, Dictionary<int, int> shared)
    {
        shared.Clear();
        foreach (var term in topTerms)
        {
            if (!postings.TryGetValue(term, out var list))
            {
                continue;
            }

            // Stories are created in time order, so the newest stories holding a common term are the likely matches.
            for (var k = list.Count - 1; k >= Math.Max(0, list.Count - options.MaxStoriesPerTerm); k--)
            {
                shared[list[k]] = shared.GetValueOrDefault(list[k]) + 1;
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

    private sealed class Cluster(int id)
    {
        private readonly Dictionary<int, double> centroid = [];
        private double squaredNorm;

        public int Id { get; } = id;

        public List<int> Members { get; } = [];

        public HashSet<int> IndexedTerms { get; } = [];

        public double Similarity(TermVector vector)
        {
            if (squaredNorm <= 0)
            {
                return 0;
            }

            double dot = 0;
            for (var i = 0; i < vector.Ids.Length; i++)
            {
                if (centroid.TryGetValue(vector.Ids[i], out var weight))
                {
                    dot += weight * vector.Weights[i];
                }
            }

            return dot / Math.Sqrt(squaredNorm);
        }

        public void Add(int member, TermVector vector)
        {
            Members.Add(member);
            for (var i = 0; i < vector.Ids.Length; i++)
            {
                var before = centroid.GetValueOrDefault(vector.Ids[i]);
                var after = before + vector.Weights[i];
                centroid[vector.Ids[i]] = after;
                squaredNorm += (after * after) - (before * before);
            }
        }
    }
}
