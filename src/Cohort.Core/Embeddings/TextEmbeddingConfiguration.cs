using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Embeddings;

internal sealed class TextEmbeddingConfiguration : IEntityTypeConfiguration<TextEmbedding>
{
    public void Configure(EntityTypeBuilder<TextEmbedding> embedding)
    {
        // One vector per text and model: the cache's lookup, and what stops two writers storing a text twice.
        embedding.HasIndex(e => new { e.Model, e.TextHash }).IsUnique();
        embedding.Property(e => e.Model).HasMaxLength(100);
        embedding.Property(e => e.TextHash).HasMaxLength(64).IsFixedLength();
    }
}
