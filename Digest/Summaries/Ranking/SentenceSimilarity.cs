namespace Digest.Summaries.Ranking;

/// <summary>
/// Cosine similarity of TF-IDF vectors over stemmed non-stop words. IDF is taken across all the article's
/// sentences and smoothed, <c>ln((1 + N) / (1 + df)) + 1</c>, so a term in every sentence still counts a little.
/// </summary>
internal static class SentenceSimilarity
{
    /// <summary>
    /// The symmetric similarity matrix of the sentences at <paramref name="chosen"/> (indexes into
    /// <see cref="ArticleText.Sentences"/>), row-major, <c>n × n</c>, with zeros on the diagonal.
    /// </summary>
    public static double[] Matrix(ArticleText article, int[] chosen)
    {
        var idf = InverseDocumentFrequency(article);
        var n = chosen.Length;
        var vectors = new SparseVector[n];
        var slots = new int[article.TermCount];
        Array.Fill(slots, -1);
        for (var i = 0; i < n; i++)
        {
            vectors[i] = SparseVector.Weighted(article.TokensOf(article.Sentences[chosen[i]]), idf, slots);
        }

        var matrix = new double[n * n];
        var dense = new double[article.TermCount];
        for (var i = 0; i < n; i++)
        {
            var a = vectors[i];
            if (a.Norm == 0)
            {
                continue;
            }

            a.Scatter(dense);
            for (var j = i + 1; j < n; j++)
            {
                var b = vectors[j];
                if (b.Norm == 0)
                {
                    continue;
                }

                var similarity = b.Dot(dense) / (a.Norm * b.Norm);
                matrix[(i * n) + j] = similarity;
                matrix[(j * n) + i] = similarity;
            }

            a.Clear(dense);
        }

        return matrix;
    }

    private static double[] InverseDocumentFrequency(ArticleText article)
    {
        var documentFrequency = new int[article.TermCount];
        var lastSeenIn = new int[article.TermCount];
        Array.Fill(lastSeenIn, -1);
        var sentences = article.Sentences;
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var token in article.TokensOf(sentences[s]))
            {
                if (token.Term >= 0 && lastSeenIn[token.Term] != s)
                {
                    lastSeenIn[token.Term] = s;
                    documentFrequency[token.Term]++;
                }
            }
        }

        var idf = new double[article.TermCount];
        for (var t = 0; t < idf.Length; t++)
        {
            idf[t] = Math.Log((1.0 + sentences.Count) / (1.0 + documentFrequency[t])) + 1.0;
        }

        return idf;
    }

    /// <summary>A sentence's TF-IDF weights by term id, with its Euclidean norm precomputed.</summary>
    private readonly struct SparseVector(int[] terms, double[] weights, double norm)
    {
        public double Norm { get; } = norm;

        /// <summary>
        /// The vector of <paramref name="tokens"/>. <paramref name="slots"/> is scratch space, one entry per term,
        /// all -1 on entry and on return.
        /// </summary>
        public static SparseVector Weighted(ReadOnlySpan<Token> tokens, double[] idf, int[] slots)
        {
            var distinct = 0;
            foreach (var token in tokens)
            {
                if (token.Term >= 0 && slots[token.Term] < 0)
                {
                    slots[token.Term] = distinct++;
                }
            }

            var terms = new int[distinct];
            var weights = new double[distinct];
            foreach (var token in tokens)
            {
                if (token.Term >= 0)
                {
                    var k = slots[token.Term];
                    terms[k] = token.Term;
                    weights[k]++;
                }
            }

            var squares = 0.0;
            for (var k = 0; k < distinct; k++)
            {
                slots[terms[k]] = -1;
                weights[k] *= idf[terms[k]];
                squares += weights[k] * weights[k];
            }

            return new SparseVector(terms, weights, Math.Sqrt(squares));
        }

        public void Scatter(double[] dense)
        {
            for (var k = 0; k < terms.Length; k++)
            {
                dense[terms[k]] = weights[k];
            }
        }

        public void Clear(double[] dense)
        {
            foreach (var term in terms)
            {
                dense[term] = 0;
            }
        }

        public double Dot(double[] dense)
        {
            var sum = 0.0;
            for (var k = 0; k < terms.Length; k++)
            {
                sum += weights[k] * dense[terms[k]];
            }

            return sum;
        }
    }
}
