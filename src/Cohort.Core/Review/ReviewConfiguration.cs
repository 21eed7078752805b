using Cohort.Core.Accounts;
using Cohort.Core.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Review;

internal sealed class ReviewerProfileConfiguration : IEntityTypeConfiguration<ReviewerProfile>
{
    public void Configure(EntityTypeBuilder<ReviewerProfile> profile)
    {
        profile.HasIndex(p => new { p.SeasonId, p.UserId }).IsUnique();
        profile.Property(p => p.Organisation).HasMaxLength(200);
        profile.Property(p => p.ExpertiseText).HasMaxLength(2000);
        profile.Property(p => p.InterestsText).HasMaxLength(2000);
        profile.Property(p => p.ExpertiseStatement).HasMaxLength(ReviewerProfile.StatementLength);
        profile.HasOne<Season>().WithMany().HasForeignKey(p => p.SeasonId);
        profile.HasOne<CohortUser>().WithMany().HasForeignKey(p => p.UserId);
        profile.HasMany(p => p.Conflicts).WithOne().HasForeignKey(c => c.ReviewerProfileId);
        profile.Ignore(p => p.Expertise);
        profile.Ignore(p => p.Interests);
    }
}

internal sealed class DeclaredConflictConfiguration : IEntityTypeConfiguration<DeclaredConflict>
{
    public void Configure(EntityTypeBuilder<DeclaredConflict> conflict)
    {
        conflict.HasIndex(c => new { c.ReviewerProfileId, c.ApplicantId }).IsUnique();
        conflict.Property(c => c.Reason).HasMaxLength(500);
        conflict.HasOne<CohortUser>().WithMany().HasForeignKey(c => c.ApplicantId);
    }
}

internal sealed class RubricConfiguration : IEntityTypeConfiguration<Rubric>
{
    public void Configure(EntityTypeBuilder<Rubric> rubric)
    {
        rubric.Property(r => r.Name).HasMaxLength(200);
        rubric.HasOne<Season>().WithMany().HasForeignKey(r => r.SeasonId);
        rubric.HasMany(r => r.Criteria).WithOne().HasForeignKey(c => c.RubricId);
    }
}

internal sealed class RubricCriterionConfiguration : IEntityTypeConfiguration<RubricCriterion>
{
    public void Configure(EntityTypeBuilder<RubricCriterion> criterion)
    {
        criterion.Property(c => c.Name).HasMaxLength(200);
        criterion.Property(c => c.Description).HasMaxLength(2000);
        criterion.Property(c => c.AnchorsText).HasMaxLength(4000);
    }
}

internal sealed class ReviewRoundConfiguration : IEntityTypeConfiguration<ReviewRound>
{
    public void Configure(EntityTypeBuilder<ReviewRound> round)
    {
        round.Property(r => r.Name).HasMaxLength(200);
        round.Property(r => r.Stage).HasConversion<string>().HasMaxLength(20);
        round.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        round.HasOne<Season>().WithMany().HasForeignKey(r => r.SeasonId);
        round.HasOne<ResearchStream>().WithMany().HasForeignKey(r => r.StreamId);
        round.HasOne<Extensions.ExtensionRound>().WithMany().HasForeignKey(r => r.ExtensionRoundId);
        round.HasOne(r => r.Rubric).WithMany().HasForeignKey(r => r.RubricId);
        round.HasMany(r => r.Assignments).WithOne(a => a.Round).HasForeignKey(a => a.RoundId);
        round.HasMany(r => r.Anchors).WithOne().HasForeignKey(a => a.RoundId);
        round.OwnsOne(r => r.LastCost);
    }
}

internal sealed class ReviewAnchorConfiguration : IEntityTypeConfiguration<ReviewAnchor>
{
    public void Configure(EntityTypeBuilder<ReviewAnchor> anchor) => anchor.HasIndex(a => new { a.RoundId, a.SubjectId }).IsUnique();
}

internal sealed class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> assignment)
    {
        // A reviewer reads an application once per round, whatever the solver or an admin does.
        assignment.HasIndex(a => new { a.RoundId, a.SubjectId, a.ReviewerId }).IsUnique();
        assignment.HasIndex(a => new { a.ReviewerId, a.State });
        assignment.Property(a => a.Origin).HasConversion<string>().HasMaxLength(20);
        assignment.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        assignment.Property(a => a.DeclineReason).HasMaxLength(500);
        assignment.HasOne<CohortUser>().WithMany().HasForeignKey(a => a.ReviewerId);
        assignment.HasOne(a => a.Review).WithOne().HasForeignKey<ReviewSubmission>(r => r.AssignmentId);
    }
}

internal sealed class BidConfiguration : IEntityTypeConfiguration<Bid>
{
    public void Configure(EntityTypeBuilder<Bid> bid)
    {
        // One bid per reviewer and subject of a round: a new bid replaces the old.
        bid.HasIndex(b => new { b.RoundId, b.ReviewerId, b.SubjectId }).IsUnique();
        bid.Property(b => b.Level).HasConversion<string>().HasMaxLength(20);
        bid.HasOne<ReviewRound>().WithMany().HasForeignKey(b => b.RoundId);
        bid.HasOne<CohortUser>().WithMany().HasForeignKey(b => b.ReviewerId);
        bid.HasOne<DeclaredConflict>().WithMany().HasForeignKey(b => b.DeclaredConflictId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ReviewSubmissionConfiguration : IEntityTypeConfiguration<ReviewSubmission>
{
    public void Configure(EntityTypeBuilder<ReviewSubmission> review)
    {
        review.Property(r => r.Recommendation).HasConversion<string>().HasMaxLength(20);
        review.Property(r => r.Comment).HasMaxLength(10_000);
        review.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.ReviewSubmissionId);
    }
}

internal sealed class CriterionScoreConfiguration : IEntityTypeConfiguration<CriterionScore>
{
    public void Configure(EntityTypeBuilder<CriterionScore> score)
    {
        score.HasIndex(s => new { s.ReviewSubmissionId, s.CriterionId }).IsUnique();
        score.HasOne<RubricCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BlindSettingsConfiguration : IEntityTypeConfiguration<BlindSettings>
{
    public void Configure(EntityTypeBuilder<BlindSettings> settings)
    {
        settings.HasIndex(s => s.SeasonId).IsUnique();
        settings.Property(s => s.HiddenQuestionKeysText).HasMaxLength(4000);
        settings.HasOne<Season>().WithMany().HasForeignKey(s => s.SeasonId);
        settings.Ignore(s => s.HiddenQuestionKeys);
    }
}

internal sealed class ScoreWeightConfiguration : IEntityTypeConfiguration<ScoreWeight>
{
    public void Configure(EntityTypeBuilder<ScoreWeight> weight)
    {
        weight.Property(w => w.Stage).HasConversion<string>().HasMaxLength(20);
        weight.HasOne<Season>().WithMany().HasForeignKey(w => w.SeasonId);
        weight.HasOne<Assessments.Assessment>().WithMany().HasForeignKey(w => w.AssessmentId);
        weight.HasOne<ReviewRound>().WithMany().HasForeignKey(w => w.RoundId);
    }
}
