using Cohort.Core.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Match;

internal sealed class MatchRunConfiguration : IEntityTypeConfiguration<MatchRun>
{
    public void Configure(EntityTypeBuilder<MatchRun> run)
    {
        run.HasIndex(r => new { r.SeasonId, r.CreatedAt });
        run.Property(r => r.CreatedBy).HasMaxLength(256);
        run.Property(r => r.Proposer).HasConversion<string>().HasMaxLength(20);
        run.HasOne<Season>().WithMany().HasForeignKey(r => r.SeasonId);
    }
}
