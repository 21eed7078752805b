using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Artifacts;

internal sealed class ArtifactConfiguration : IEntityTypeConfiguration<Artifact>
{
    public void Configure(EntityTypeBuilder<Artifact> artifact)
    {
        artifact.HasIndex(a => new { a.SeasonId, a.StreamId });
        artifact.Property(a => a.Title).HasMaxLength(Artifact.MaxTitleLength);
        artifact.Property(a => a.Abstract).HasMaxLength(Artifact.MaxAbstractLength);
        artifact.Property(a => a.ArxivId).HasMaxLength(Artifact.MaxIdentifierLength);
        artifact.Property(a => a.Doi).HasMaxLength(Artifact.MaxIdentifierLength);
        artifact.Property(a => a.RepositoryUrl).HasMaxLength(Artifact.MaxLinkLength);
        artifact.Property(a => a.WebsiteUrl).HasMaxLength(Artifact.MaxLinkLength);
        artifact.Property(a => a.Licence).HasMaxLength(64);
        artifact.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        artifact.Property(a => a.State).HasConversion<string>().HasMaxLength(10);
        artifact.HasOne<Season>().WithMany().HasForeignKey(a => a.SeasonId);
        artifact.HasOne<ResearchStream>().WithMany().HasForeignKey(a => a.StreamId);
        artifact.HasOne(a => a.Pdf).WithMany().HasForeignKey(a => a.PdfFileId);
        artifact.HasOne<Mentor>().WithMany().HasForeignKey(a => a.ConfirmedByMentorId);
        artifact.HasOne<CohortUser>().WithMany().HasForeignKey(a => a.RecordedById);
        artifact.HasMany(a => a.Authors).WithOne().HasForeignKey(a => a.ArtifactId);
    }
}

internal sealed class ArtifactAuthorConfiguration : IEntityTypeConfiguration<ArtifactAuthor>
{
    public void Configure(EntityTypeBuilder<ArtifactAuthor> author)
    {
        author.HasIndex(a => new { a.ArtifactId, a.Position }).IsUnique();
        author.HasIndex(a => a.FellowshipId);
        author.Property(a => a.Name).HasMaxLength(ArtifactAuthor.MaxNameLength);
        author.HasOne<Fellowship>().WithMany().HasForeignKey(a => a.FellowshipId);
        author.HasOne<Mentor>().WithMany().HasForeignKey(a => a.MentorId);
    }
}
