using System.Security.Cryptography;
using System.Text;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Embeddings;

/// <summary>
/// Vectors of texts through the database: the texts already embedded under this model are read back in one query by
/// their hashes, the others are embedded in one batch and stored. A text changed by one character has another hash,
/// so it is embedded again; the old vector stays for any other text that still has it.
/// </summary>
public sealed class EmbeddingCache(CohortDbContext db, ITextEmbedder embedder, TimeProvider clock) : ITextVectors
{
    public string Model => embedder.Model;

    public async Task<IReadOnlyList<float[]>> GetOrComputeAsync(IReadOnlyList<string> texts, CancellationToken cancellation = default)
    {
        var hashes = texts.Select(t => HashOf(Model, t)).ToArray();
        var wanted = hashes.Distinct().ToList();
        var known = await Cached(wanted).ToDictionaryAsync(e => e.TextHash, e => EmbeddingVectors.FromBytes(e.Vector), cancellation);

        var missing = Enumerable.Range(0, texts.Count).Where(i => !known.ContainsKey(hashes[i]))
            .DistinctBy(i => hashes[i]).ToList();
        if (missing.Count > 0)
        {
            var computed = embedder.Embed([.. missing.Select(i => texts[i])]);
            var now = clock.GetUtcNow().UtcDateTime;
            var added = missing.Select((i, k) => new TextEmbedding
            {
                Model = Model, TextHash = hashes[i], Dimensions = computed[k].Length, Vector = EmbeddingVectors.ToBytes(computed[k]), CreatedAt = now,
            }).ToList();
            db.AddRange(added);
            await SaveAsync(added, cancellation);
            for (int k = 0; k < missing.Count; k++)
            {
                known[hashes[missing[k]]] = computed[k];
            }
        }

        return [.. hashes.Select(h => known[h])];
    }

    /// <summary>The distinct texts of <paramref name="texts"/> that have no vector under this model yet, in their order.</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(IReadOnlyList<string> texts, CancellationToken cancellation = default)
    {
        var byHash = texts.Distinct(StringComparer.Ordinal).ToDictionary(t => HashOf(Model, t));
        var wanted = byHash.Keys.ToList();
        var cached = (await Cached(wanted).Select(e => e.TextHash).ToListAsync(cancellation)).ToHashSet();
        return [.. byHash.Where(p => !cached.Contains(p.Key)).Select(p => p.Value)];
    }

    /// <summary>
    /// Marks for deletion, with the caller's next save, the vectors of what <see cref="SemanticMethod.Chosen"/> embeds
    /// of <paramref name="texts"/> (an erasure: a vector is derived from its text and could be read back towards it). A
    /// sentence another text shares loses its vector too and is embedded again when next needed.
    /// </summary>
    public async Task ForgetAsync(IEnumerable<string> texts, CancellationToken cancellation = default)
    {
        var hashes = texts.SelectMany(SemanticMethod.Chosen.UnitsOf).Distinct(StringComparer.Ordinal).Select(t => HashOf(Model, t)).ToList();
        db.RemoveRange(await db.Set<TextEmbedding>().Where(e => e.Model == Model && hashes.Contains(e.TextHash)).ToListAsync(cancellation));
    }

    // One query for any number of hashes: both providers send the list as one parameter (json_each, = ANY).
    private IQueryable<TextEmbedding> Cached(List<string> hashes) =>
        db.Set<TextEmbedding>().AsNoTracking().Where(e => e.Model == Model && hashes.Contains(e.TextHash));

    /// <summary>The cache's key for <paramref name="text"/> under <paramref name="model"/>: SHA-256 of model, line feed, text, in hex.</summary>
    public static string HashOf(string model, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model + "\n" + text)));

    // Another request may have stored some of the same texts a moment earlier; its vectors are the same, so its rows
    // stand and this save's refusal changes nothing. Either way the rows leave the change tracker, so a later save in
    // the same unit of work does not try them again.
    private async Task SaveAsync(List<TextEmbedding> added, CancellationToken cancellation)
    {
        try
        {
            await db.SaveChangesAsync(cancellation);
        }
        catch (DbUpdateException)
        {
            // The vectors are returned all the same; only their storing failed.
        }
        finally
        {
            foreach (var embedding in added)
            {
                db.Entry(embedding).State = EntityState.Detached;
            }
        }
    }
}
