using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Assessments;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> assessment)
    {
        assessment.HasIndex(a => new { a.TrackId, a.Slug }).IsUnique();
        assessment.Property(a => a.Slug).HasMaxLength(80);
        assessment.Property(a => a.Title).HasMaxLength(200);
        assessment.HasOne(a => a.Track).WithMany().HasForeignKey(a => a.TrackId);
        assessment.HasOne(a => a.Stream).WithMany().HasForeignKey(a => a.StreamId);
        assessment.HasMany(a => a.Items).WithOne().HasForeignKey(i => i.AssessmentId);
    }
}

internal sealed class AssessmentItemConfiguration : IEntityTypeConfiguration<AssessmentItem>
{
    public void Configure(EntityTypeBuilder<AssessmentItem> item)
    {
        item.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        item.Property(i => i.Identity).HasConversion<string>().HasMaxLength(20);
        item.Ignore(i => i.Choices);
        item.Ignore(i => i.KeyOrder);
        item.Ignore(i => i.IsScoredAutomatically);
    }
}

internal sealed class AttemptConfiguration : IEntityTypeConfiguration<Attempt>
{
    public void Configure(EntityTypeBuilder<Attempt> attempt)
    {
        // One attempt per applicant per assessment: the database refuses a second, whatever races above it.
        attempt.HasIndex(a => new { a.AssessmentId, a.ApplicantId }).IsUnique();
        attempt.HasOne(a => a.Assessment).WithMany().HasForeignKey(a => a.AssessmentId);
        attempt.HasOne<Accounts.CohortUser>().WithMany().HasForeignKey(a => a.ApplicantId);
        attempt.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.AttemptId);
    }
}

internal sealed class AttemptAnswerConfiguration : IEntityTypeConfiguration<AttemptAnswer>
{
    public void Configure(EntityTypeBuilder<AttemptAnswer> answer)
    {
        answer.HasIndex(a => new { a.AttemptId, a.ItemId }).IsUnique();
        answer.HasOne<AssessmentItem>().WithMany().HasForeignKey(a => a.ItemId);
    }
}

internal sealed class AnswerReviewConfiguration : IEntityTypeConfiguration<AnswerReview>
{
    public void Configure(EntityTypeBuilder<AnswerReview> review)
    {
        // One review per reviewer per answer: re-scoring changes it, and a double submit cannot add a second.
        review.HasIndex(r => new { r.AnswerId, r.ReviewerId }).IsUnique();
        review.HasOne(r => r.Answer).WithMany().HasForeignKey(r => r.AnswerId);
        review.HasOne<Accounts.CohortUser>().WithMany().HasForeignKey(r => r.ReviewerId);
        review.Property(r => r.Comment).HasMaxLength(AnswerReview.MaxCommentLength);
    }
}
