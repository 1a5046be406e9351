namespace Digest.Summaries.Ranking;

/// <summary>
/// News is written lead first: the first sentences, and the opening sentence of each early paragraph, carry the
/// story. The prior decays with position so that later sentences compete on centrality alone.
/// </summary>
internal static class PositionPrior
{
    /// <summary>
    /// The weight of the <paramref name="rank"/>-th usable sentence (0 = lead), which sits in the
    /// <paramref name="paragraphRank"/>-th paragraph that has usable sentences. 1 for late sentences, up to 2.9 for the lead.
    /// </summary>
    public static double Weight(int rank, int paragraphRank, bool opensParagraph)
    {
        var lead = 1.5 * Math.Exp(-rank / 4.0);
        var paragraphOpening = opensParagraph ? 0.4 * Math.Exp(-paragraphRank / 5.0) : 0;
        return 1 + lead + paragraphOpening;
    }
}
