using System.Collections;
using System.Numerics;
using Digest.Language;
using Digest.Summaries;
using Digest.Summaries.Ranking;

namespace Digest.Briefings.Grouping;

/// <summary>
/// Turns summary records into TF-IDF vectors for grouping. The title counts double (it names the event), the summary
/// sentences and key phrases once; stems of non-stop words plus adjacent-stem pairs, so "police chief" is a feature
/// of its own and not just "police" and "chief". IDF comes from the day's own summaries.
/// </summary>
internal static class SummaryTerms
{
    private const float TitleWeight = 2f;
    private const float PairWeight = 0.5f;


    /// <summary>
    /// Counts the summaries' terms; the result makes each summary's vector when asked. <paramref name="indexTerms"/> is
    /// how many of each summary's heaviest terms index its story (<see cref="TermVector.IndexTerms"/>).
    /// </summary>
    public static SummaryVectors Vectorize(IReadOnlyList<ArticleSummary> summaries, int indexTerms)
    {
        // A day's terms are mostly stem pairs that occur in one summary only (2.6 million of 3.1 million in 100,000
        // synthetic summaries). Such a term can never make two summaries similar, so it gets no id and no place in a
        // story's centroid; it only lengthens its summary's vector (TermVector.PrivateMass). Stem pairs are counted
        // by sorting their keys once rather than in a dictionary of every pair.
        TermIds? terms = new TermIds();
        var counts = new DocumentTerms[summaries.Count];
        var eventCounts = new DocumentTerms[summaries.Count];
        var eventTerms = new Dictionary<int, float>();
        var noPairs = new Dictionary<long, (float Count, int First)>();
        var stemTerms = new Dictionary<int, float>();
        var pairTerms = new Dictionary<long, (float Count, int First)>();
        var pairTotal = 0;
        for (var d = 0; d < summaries.Count; d++)
        {
            stemTerms.Clear();
            pairTerms.Clear();
            var summary = summaries[d];
            AddText(summary.Title, TitleWeight, stemTerms, pairTerms, terms);
            foreach (var sentence in summary.Sentences)
            {
                AddText(sentence, 1f, stemTerms, pairTerms, terms);
            }

            foreach (var phrase in summary.KeyPhrases)
            {
                AddText(phrase, 1f, stemTerms, pairTerms, terms);
            }

            foreach (var stem in stemTerms.Keys)
            {
                terms.StemFrequency[stem]++;
            }

            counts[d] = DocumentTerms.From(stemTerms, pairTerms);
            eventTerms.Clear();
            AddEventTerms(summary.EventTerms, eventTerms, terms);
            foreach (var term in eventTerms.Keys)
            {
                terms.EventFrequency[term]++;
            }

            eventCounts[d] = eventTerms.Count == 0 ? default : DocumentTerms.From(eventTerms, noPairs);
            pairTotal += pairTerms.Count;
        }

        // The stem dictionary is not needed past this point; only the stems' order and frequency are.
        var (stemOrder, stemFrequency) = (terms.StemOrder, terms.StemFrequency);
        var (eventOrder, eventFrequency) = (terms.EventOrder, terms.EventFrequency);
        terms = null;
        return new SummaryVectors(counts, stemOrder, stemFrequency, SharedPairs(counts, pairTotal), (eventCounts, eventOrder, eventFrequency), indexTerms);
    }

    /// <summary>
    /// The fewest summaries IDF is computed over. On a day of a handful of reports every term is "common", so the words
    /// three reports of one storm share would weigh hardly more than any report's own words; counting such a day as
    /// this many summaries keeps a shared term worth what it is worth on an ordinary day.
    /// </summary>
    internal const int MinimumDocuments = 100;

    internal static float Weight(float count, int documentFrequency, int documents)
    {
        var idf = Math.Log((1.0 + Math.Max(documents, MinimumDocuments)) / (1.0 + documentFrequency)) + 1.0;
        return (float)((1 + Math.Log(count)) * idf);
    }

    /// <summary>The stem pairs found in more than one summary: sorted keys, how many summaries hold each, and where each first appeared.</summary>
    private static (long[] Keys, int[] Frequency, int[] Order) SharedPairs(DocumentTerms[] documents, int total)
    {
        // Most pairs occur once. A bit per hash bucket, set on a second sighting, finds the few that may not, so
        // only those are copied and sorted (a pair sharing a bucket by chance is sorted too, and found to be single).
        var bits = Math.Max(1 << 16, (int)Math.Min(1 << 30, BitOperations.RoundUpToPowerOf2((uint)total) * 8));
        var seen = new BitArray(bits);
        var seenAgain = new BitArray(bits);
        var candidates = 0;
        foreach (var document in documents)
        {
            for (var t = 0; t < document.Pairs; t++)
            {
                var key = document.Pair(t);
                var bucket = Bucket(key, bits);
                if (seen[bucket])
                {
                    seenAgain[bucket] = true;
                }

                seen[bucket] = true;
            }
        }

        foreach (var document in documents)
        {
            for (var t = 0; t < document.Pairs; t++)
            {
                var key = document.Pair(t);
                candidates += seenAgain[Bucket(key, bits)] ? 1 : 0;
            }
        }

        seen = null;
        var keys = new long[candidates];
        var first = new int[candidates];
        var at = 0;
        foreach (var document in documents)
        {
            for (var t = 0; t < document.Pairs; t++)
            {
                if (seenAgain[Bucket(document.Pair(t), bits)])
                {
                    keys[at] = document.Pair(t);
                    first[at++] = document.PairOrder(t);
                }
            }
        }

        total = candidates;
        Array.Sort(keys, first);
        List<long> sharedKeys = [];
        List<int> frequency = [];
        List<int> order = [];
        for (var start = 0; start < total;)
        {
            var end = start + 1;
            var earliest = first[start];
            while (end < total && keys[end] == keys[start])
            {
                earliest = Math.Min(earliest, first[end++]);
            }

            if (end - start > 1)
            {
                sharedKeys.Add(keys[start]);
                frequency.Add(end - start);
                order.Add(earliest);
            }

            start = end;
        }

        return ([.. sharedKeys], [.. frequency], [.. order]);
    }

    private static int Bucket(long key, int bits) => (int)((ulong)(key * -7046029254386353131L) >> 34) & (bits - 1);

    /// <summary>The stems of the content words in <paramref name="text"/>, in order.</summary>
    public static List<string> ContentStems(string? text)
    {
        var stems = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return stems;
        }

        // Scanned in place rather than with Words.Tokenize: a known word costs a look-up, not a new string.
        var scanner = new WordScanner(text);
        Span<char> buffer = stackalloc char[128];
        while (scanner.Next(out var token))
        {
            var target = token.Length <= buffer.Length ? buffer : new char[token.Length];
            var word = target[..Words.Normalize(text.AsSpan(token.Start, token.Length), target)];

            // The summarizer's word cache: stop words have no stem, and each word is stemmed once per process.
            if ((word.Length > 1 || (word.Length == 1 && char.IsDigit(word[0]))) && WordCache.Get(word).Info.Stem is { } stem)
            {
                stems.Add(stem);
            }
        }

        return stems;
    }

    /// <summary>
    /// The summary's event terms, each a term of its own, apart from any word stem: a name or amount is matched whole,
    /// so "north korea" says nothing of "south korea". Each counts once however often the article used it.
    /// </summary>
    private static void AddEventTerms(IReadOnlyList<string> eventTerms, Dictionary<int, float> found, TermIds ids)
    {
        foreach (var term in eventTerms)
        {
            if (!string.IsNullOrWhiteSpace(term))
            {
                found[ids.EventOf(term)] = 1f;
            }
        }
    }

    private static void AddText(
        string? text, float weight, Dictionary<int, float> stemTerms, Dictionary<long, (float Count, int First)> pairTerms, TermIds ids)
    {
        var stems = ContentStems(text);
        var previous = -1;
        foreach (var stem in stems)
        {
            var id = ids.Of(stem);
            stemTerms[id] = stemTerms.GetValueOrDefault(id) + weight;
            if (previous >= 0)
            {
                var key = ((long)previous << 32) | (uint)id;
                var order = ids.NextOrder();
                pairTerms[key] = pairTerms.TryGetValue(key, out var seen)
                    ? (seen.Count + (weight * PairWeight), seen.First)
                    : (weight * PairWeight, order);
            }

            previous = id;
        }
    }

    /// <summary>One summary's raw term counts until IDF is known: stems by index, stem pairs by their two stem indexes.</summary>
    /// <remarks>
    /// One array per summary (a count of stems, then a stem index and its count per stem, then a key and an order and
    /// count per stem pair): five small arrays per summary cost a sixth more in object headers alone.
    /// </remarks>
    internal readonly struct DocumentTerms(long[] data)
    {
        public int Stems => data is null ? 0 : (int)data[0];

        public int Pairs => data is null ? 0 : (data.Length - 1 - Stems) / 2;

        public int Stem(int t) => (int)(data[1 + t] >> 32);

        public float StemCount(int t) => BitConverter.UInt32BitsToSingle((uint)data[1 + t]);

        public long Pair(int t) => data[1 + Stems + (2 * t)];

        public int PairOrder(int t) => (int)(data[2 + Stems + (2 * t)] >> 32);

        public float PairCount(int t) => BitConverter.UInt32BitsToSingle((uint)data[2 + Stems + (2 * t)]);

        public static DocumentTerms From(Dictionary<int, float> stems, Dictionary<long, (float Count, int First)> pairs)
        {
            var data = new long[1 + stems.Count + (2 * pairs.Count)];
            data[0] = stems.Count;
            var at = 1;
            foreach (var (stem, count) in stems)
            {
                data[at++] = ((long)stem << 32) | BitConverter.SingleToUInt32Bits(count);
            }

            foreach (var (key, (count, first)) in pairs)
            {
                data[at++] = key;
                data[at++] = ((long)first << 32) | BitConverter.SingleToUInt32Bits(count);
            }

            return new DocumentTerms(data);
        }
    }

    /// <summary>
    /// Stem indexes, and the order in which terms (stems and stem pairs) first appear: a term's id is that order, so
    /// ties between equally heavy terms are broken the same way however the terms are stored.
    /// </summary>
    private sealed class TermIds
    {
        private readonly Dictionary<string, int> stems = new(StringComparer.Ordinal);
        private readonly Dictionary<ulong, int> events = [];
        private int order;

        /// <summary>By stem index: the stem's id.</summary>
        public List<int> StemOrder { get; } = [];

        /// <summary>By stem index: how many summaries hold the stem.</summary>
        public List<int> StemFrequency { get; } = [];

        public int NextOrder() => order++;

        /// <summary>By event term index: the term's id (apart from every stem's).</summary>
        public List<int> EventOrder { get; } = [];

        /// <summary>By event term index: how many summaries hold the term.</summary>
        public List<int> EventFrequency { get; } = [];

        /// <summary>
        /// The event term's index. Terms are told apart by a 64-bit hash of their text rather than kept as strings: a
        /// day of 100,000 reports holds some hundreds of thousands of names, most of them once.
        /// </summary>
        public int EventOf(string term)
        {
            var next = NextOrder();
            var hash = 14695981039346656037UL;
            foreach (var c in term)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            ref var index = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(events, hash, out var exists);
            if (!exists)
            {
                index = events.Count - 1;
                EventOrder.Add(next);
                EventFrequency.Add(0);
            }

            return index;
        }

        /// <summary>The stem's index.</summary>
        public int Of(string stem)
        {
            var next = NextOrder();
            if (!stems.TryGetValue(stem, out var index))
            {
                stems[stem] = index = stems.Count;
                StemOrder.Add(next);
                StemFrequency.Add(0);
            }

            return index;
        }
    }
}

/// <summary>
/// The day's term counts, each summary's made into its vector when grouping comes to it and then let go, so the
/// vectors of the whole day never exist at once (a vector is needed only while its summary joins a story).
/// </summary>
internal sealed class SummaryVectors(
    SummaryTerms.DocumentTerms[] counts,
    List<int> stemOrder,
    List<int> stemFrequency,
    (long[] Keys, int[] Frequency, int[] Order) sharedPairs,
    (SummaryTerms.DocumentTerms[] Counts, List<int> Order, List<int> Frequency) events,
    int indexTerms)
{
    /// <summary>The event vector of a summary without shared event terms (and of every record stored without them).</summary>
    private static readonly TermVector NoEvents = new([], [], 0, []);

    private readonly List<(int Id, float Weight, bool Shared)> all = [];

    /// <summary>The vector of summary <paramref name="index"/>; asked once per summary.</summary>
    public TermVector Take(int index)
    {
        all.Clear();
        var total = counts.Length;
        var document = counts[index];
        for (var t = 0; t < document.Stems; t++)
        {
            var stem = document.Stem(t);
            var frequency = stemFrequency[stem];
            all.Add((stemOrder[stem], SummaryTerms.Weight(document.StemCount(t), frequency, total), frequency > 1));
        }

        for (var t = 0; t < document.Pairs; t++)
        {
            var found = Array.BinarySearch(sharedPairs.Keys, document.Pair(t));
            all.Add(found >= 0
                ? (sharedPairs.Order[found], SummaryTerms.Weight(document.PairCount(t), sharedPairs.Frequency[found], total), true)
                : (document.PairOrder(t), SummaryTerms.Weight(document.PairCount(t), 1, total), false));
        }

        counts[index] = default;
        return TermVector.FromWeights(all, indexTerms);
    }

    /// <summary>
    /// Summary <paramref name="index"/>'s event terms that another summary of the day shares (ids ascending), each
    /// weighted by how unlikely it is that two unrelated reports share it, <c>ln((N + 1) / (1 + df))</c>; the heaviest
    /// index it. Empty for a record without event terms. Asked once per summary.
    /// </summary>
    public TermVector TakeEvents(int index)
    {
        all.Clear();
        var documents = Math.Max(events.Counts.Length, SummaryTerms.MinimumDocuments);
        var document = events.Counts[index];
        for (var t = 0; t < document.Stems; t++)
        {
            var term = document.Stem(t);
            var frequency = events.Frequency[term];
            if (frequency > 1)
            {
                all.Add((events.Order[term], (float)Math.Log((documents + 1.0) / (1.0 + frequency)), true));
            }
        }

        events.Counts[index] = default;
        if (all.Count == 0)
        {
            return NoEvents;
        }

        all.Sort((x, y) => x.Id.CompareTo(y.Id));
        var ids = all.Select(t => t.Id).ToArray();
        var weights = all.Select(t => t.Weight).ToArray();
        var heaviest = all.OrderByDescending(t => t.Weight).ThenBy(t => t.Id).Take(indexTerms).Select(t => t.Id).ToArray();
        return new TermVector(ids, weights, 0, heaviest);
    }
}
