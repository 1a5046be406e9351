namespace Digest.Briefings.Grouping;

/// <summary>
/// An L2-normalised term vector. Only the terms that other summaries share are kept (ids in ascending order with their
/// weights); the terms of this summary alone can never match another, so they are kept only as their share of the
/// squared length, <see cref="PrivateMass"/>.
/// </summary>
internal sealed class TermVector(int[] ids, float[] weights, double privateMass, int[] indexTerms)
{
    public int[] Ids { get; } = ids;

    public float[] Weights { get; } = weights;

    /// <summary>The sum of the squared weights of the terms no other summary has.</summary>
    public double PrivateMass { get; } = privateMass;

    /// <summary>The shared terms among the summary's heaviest, which index its story.</summary>
    public int[] IndexTerms { get; } = indexTerms;

    /// <summary>
    /// Builds a normalised vector from raw term weights (ids unique, in any order; weights positive). The
    /// <paramref name="indexTerms"/> heaviest terms, ties broken by id, are chosen before the unshared ones are set aside.
    /// </summary>
    public static TermVector FromWeights(List<(int Id, float Weight, bool Shared)> raw, int indexTerms)
    {
        raw.Sort((x, y) => x.Id.CompareTo(y.Id));
        double norm = 0;
        foreach (var term in raw)
        {
            norm += (double)term.Weight * term.Weight;
        }

        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 1f;
        var scaled = new (int Id, float Weight, bool Shared)[raw.Count];
        var shared = 0;
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = (raw[i].Id, raw[i].Weight * scale, raw[i].Shared);
            shared += raw[i].Shared ? 1 : 0;
        }

        var ids = new int[shared];
        var weights = new float[shared];
        double privateMass = 0;
        var at = 0;
        foreach (var term in scaled)
        {
            var weight = term.Weight;
            if (term.Shared)
            {
                ids[at] = term.Id;
                weights[at++] = weight;
            }
            else
            {
                privateMass += (double)weight * weight;
            }
        }

        var heaviest = scaled;
        Array.Sort(heaviest, (x, y) => y.Weight != x.Weight ? y.Weight.CompareTo(x.Weight) : x.Id.CompareTo(y.Id));
        var index = heaviest.Take(indexTerms).Where(t => t.Shared).Select(t => t.Id).ToArray();
        return new TermVector(ids, weights, privateMass, index);
    }
}
