using Cohort.Core.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Match;

internal sealed class MatchRunConfiguration : IEntityTypeConfiguration<MatchRun>
{
    public void Configure(EntityTypeBuilder<MatchRun> run)
    {
        run.HasIndex(r => new { r.SeasonId, r.Kind, r.CreatedAt });
        run.HasIndex(r => new { r.StreamId, r.CreatedAt });
        run.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        run.Property(r => r.CreatedBy).HasMaxLength(256);
        run.Property(r => r.Algorithm).HasConversion<string>().HasMaxLength(20);
        run.HasOne<Season>().WithMany().HasForeignKey(r => r.SeasonId);
        run.HasOne<ResearchStream>().WithMany().HasForeignKey(r => r.StreamId);
    }
}

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> offer)
    {
        // One offer per applicant per run.
        offer.HasIndex(o => new { o.RunId, o.ApplicantId }).IsUnique();
        offer.HasIndex(o => new { o.SeasonId, o.ApplicantId });
        offer.Property(o => o.State).HasConversion<string>().HasMaxLength(20);
        offer.HasOne<MatchRun>().WithMany().HasForeignKey(o => o.RunId);
        offer.HasOne<StreamApplications.StreamApplication>().WithMany().HasForeignKey(o => o.StreamApplicationId);
        offer.HasOne<Accounts.CohortUser>().WithMany().HasForeignKey(o => o.ApplicantId);
        offer.Ignore(o => o.HoldsSeat);
    }
}

internal sealed class UnplacedApplicantConfiguration : IEntityTypeConfiguration<UnplacedApplicant>
{
    public void Configure(EntityTypeBuilder<UnplacedApplicant> unplaced)
    {
        unplaced.HasIndex(u => new { u.RunId, u.ApplicantId }).IsUnique();
        unplaced.Property(u => u.Explanation).HasMaxLength(8000);
        unplaced.HasOne<MatchRun>().WithMany().HasForeignKey(u => u.RunId);
        unplaced.HasOne<Accounts.CohortUser>().WithMany().HasForeignKey(u => u.ApplicantId);
    }
}
