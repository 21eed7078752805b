using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Match;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Programme;

internal sealed class FellowshipConfiguration : IEntityTypeConfiguration<Fellowship>
{
    public void Configure(EntityTypeBuilder<Fellowship> fellowship)
    {
        fellowship.HasIndex(f => f.OfferId).IsUnique();
        fellowship.HasIndex(f => new { f.SeasonId, f.StreamId });
        fellowship.HasIndex(f => f.ApplicantId);
        fellowship.HasOne<Season>().WithMany().HasForeignKey(f => f.SeasonId);
        fellowship.HasOne<ResearchStream>().WithMany().HasForeignKey(f => f.StreamId);
        fellowship.HasOne<Offer>().WithMany().HasForeignKey(f => f.OfferId);
        fellowship.HasOne<StreamApplication>().WithMany().HasForeignKey(f => f.StreamApplicationId);
        fellowship.HasOne<CohortUser>().WithMany().HasForeignKey(f => f.ApplicantId);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> milestone)
    {
        milestone.HasIndex(m => new { m.SeasonId, m.DueAt });
        milestone.Property(m => m.Title).HasMaxLength(Milestone.MaxTitleLength);
        milestone.Property(m => m.Description).HasMaxLength(Milestone.MaxDescriptionLength);
        milestone.Property(m => m.Submission).HasConversion<string>().HasMaxLength(10);
        milestone.HasOne<Season>().WithMany().HasForeignKey(m => m.SeasonId);
        milestone.HasOne<Extensions.ExtensionRound>().WithMany().HasForeignKey(m => m.ExtensionRoundId);
    }
}

internal sealed class MilestoneSubmissionConfiguration : IEntityTypeConfiguration<MilestoneSubmission>
{
    public void Configure(EntityTypeBuilder<MilestoneSubmission> submission)
    {
        submission.HasIndex(s => new { s.FellowshipId, s.MilestoneId }).IsUnique();
        submission.Property(s => s.Text).HasMaxLength(MilestoneSubmission.MaxTextLength);
        submission.Property(s => s.Link).HasMaxLength(MilestoneSubmission.MaxLinkLength);
        submission.HasOne<Milestone>().WithMany().HasForeignKey(s => s.MilestoneId);
        submission.HasOne<Fellowship>().WithMany().HasForeignKey(s => s.FellowshipId);
        submission.HasOne(s => s.File).WithMany().HasForeignKey(s => s.FileId);
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> checkIn)
    {
        // One sign-off a fellow and milestone, even when two of the stream's mentors sign at once; check-ins between
        // milestones have no milestone, and both databases let NULLs repeat under a unique index.
        checkIn.HasIndex(c => new { c.FellowshipId, c.MilestoneId }).IsUnique();
        checkIn.Property(c => c.Assessment).HasConversion<string>().HasMaxLength(10);
        checkIn.Property(c => c.Comment).HasMaxLength(CheckIn.MaxCommentLength);
        checkIn.HasOne<Fellowship>().WithMany().HasForeignKey(c => c.FellowshipId);
        checkIn.HasOne<Mentor>().WithMany().HasForeignKey(c => c.MentorId);
        checkIn.HasOne<Milestone>().WithMany().HasForeignKey(c => c.MilestoneId);
    }
}
