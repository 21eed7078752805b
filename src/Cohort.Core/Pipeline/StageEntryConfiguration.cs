using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Pipeline;

internal sealed class StageEntryConfiguration : IEntityTypeConfiguration<StageEntry>
{
    public void Configure(EntityTypeBuilder<StageEntry> entry)
    {
        // One place per applicant per stage, whatever races above it.
        entry.HasIndex(e => new { e.StageId, e.ApplicantId }).IsUnique();
        entry.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        entry.HasOne(e => e.Stage).WithMany().HasForeignKey(e => e.StageId);
        entry.HasOne<Accounts.CohortUser>().WithMany().HasForeignKey(e => e.ApplicantId);
    }
}
