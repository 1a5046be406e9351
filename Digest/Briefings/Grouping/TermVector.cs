namespace Digest.Briefings.Grouping;

/// <summary>A sparse, L2-normalised term vector: term ids in ascending order with their weights.</summary>
internal sealed class TermVector(int[] ids, float[] weights)
{
    public int[] Ids { get; } = ids;

    public float[] Weights { get; } = weights;

    /// <summary>Builds a normalised vector from raw term weights (ids need not be sorted; weights must be positive).</summary>
    public static TermVector FromWeights(Dictionary<int, float> raw)
    {
        var ids = raw.Keys.ToArray();
        Array.Sort(ids);
        var weights = new float[ids.Length];
        double norm = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            weights[i] = raw[ids[i]];
            norm += (double)weights[i] * weights[i];
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] *= scale;
            }
        }

        return new TermVector(ids, weights);
    }

    /// <summary>Cosine similarity of two normalised vectors (a merge join over the sorted ids).</summary>
    public static double Cosine(TermVector a, TermVector b)
    {
        double dot = 0;
        int i = 0, j = 0;
        while (i < a.Ids.Length && j < b.Ids.Length)
        {
            var difference = a.Ids[i] - b.Ids[j];
            if (difference == 0)
            {
                dot += (double)a.Weights[i++] * b.Weights[j++];
            }
            else if (difference < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot;
    }

    /// <summary>The ids of the <paramref name="count"/> heaviest terms.</summary>
    public int[] TopTerms(int count)
    {
        var order = Enumerable.Range(0, Ids.Length).ToArray();
        Array.Sort(order, (x, y) => Weights[y] != Weights[x] ? Weights[y].CompareTo(Weights[x]) : Ids[x].CompareTo(Ids[y]));
        return order.Take(count).Select(i => Ids[i]).ToArray();
    }
}
