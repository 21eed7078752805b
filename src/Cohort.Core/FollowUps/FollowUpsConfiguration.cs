using Cohort.Core.Accounts;
using Cohort.Core.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.FollowUps;

internal sealed class InterviewSlotConfiguration : IEntityTypeConfiguration<InterviewSlot>
{
    public void Configure(EntityTypeBuilder<InterviewSlot> slot)
    {
        // Nulls are distinct in both databases, so free slots never collide; an applicant holds one slot per stream.
        slot.HasIndex(s => new { s.StreamId, s.BookedById }).IsUnique();
        slot.HasIndex(s => new { s.StreamId, s.StartsAt });
        slot.Property(s => s.Location).HasMaxLength(500);
        slot.HasOne<ResearchStream>().WithMany().HasForeignKey(s => s.StreamId);
        slot.HasOne<CohortUser>().WithMany().HasForeignKey(s => s.BookedById);
        slot.Ignore(s => s.EndsAt);
        slot.Ignore(s => s.IsFree);
    }
}

internal sealed class WorkTestConfiguration : IEntityTypeConfiguration<WorkTest>
{
    public void Configure(EntityTypeBuilder<WorkTest> test)
    {
        test.HasIndex(t => t.StreamId).IsUnique();
        test.HasOne<ResearchStream>().WithMany().HasForeignKey(t => t.StreamId);
    }
}

internal sealed class WorkTestSubmissionConfiguration : IEntityTypeConfiguration<WorkTestSubmission>
{
    public void Configure(EntityTypeBuilder<WorkTestSubmission> submission)
    {
        submission.HasIndex(s => new { s.WorkTestId, s.ApplicantId }).IsUnique();
        submission.Property(s => s.Url).HasMaxLength(2000);
        submission.HasOne<WorkTest>().WithMany().HasForeignKey(s => s.WorkTestId);
        submission.HasOne<CohortUser>().WithMany().HasForeignKey(s => s.ApplicantId);
        submission.HasOne(s => s.File).WithMany().HasForeignKey(s => s.FileId);
    }
}
