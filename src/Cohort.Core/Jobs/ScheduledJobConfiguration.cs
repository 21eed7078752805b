using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Jobs;

internal sealed class ScheduledJobConfiguration : IEntityTypeConfiguration<ScheduledJob>
{
    public void Configure(EntityTypeBuilder<ScheduledJob> job)
    {
        // The name is the key, so two instances creating a new job's row at once make one row, and the claim is a
        // conditional update of that one row.
        job.HasKey(j => j.Name);
        job.Property(j => j.Name).HasMaxLength(JobDefinition.NameLength);
        job.Property(j => j.LeasedBy).HasMaxLength(ScheduledJob.ClaimLength);
        job.Property(j => j.LastRunBy).HasMaxLength(ScheduledJob.ClaimLength);
        job.Property(j => j.LastTrigger).HasMaxLength(200);
        job.Property(j => j.LastSummary).HasMaxLength(ScheduledJob.SummaryLength);
        job.Property(j => j.LastError).HasMaxLength(ScheduledJob.ErrorLength);
        job.Property(j => j.LastOutcome).HasConversion<string>().HasMaxLength(16);
    }
}
