using Cohort.Core.Accounts;
using Cohort.Core.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.StreamApplications;

internal sealed class StreamQuestionConfiguration : IEntityTypeConfiguration<StreamQuestion>
{
    public void Configure(EntityTypeBuilder<StreamQuestion> question)
    {
        question.HasIndex(q => new { q.SeasonId, q.Key }).IsUnique();
        question.Property(q => q.Key).HasMaxLength(80);
        question.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        question.Property(q => q.Identity).HasConversion<string>().HasMaxLength(20);
        question.HasOne<Season>().WithMany().HasForeignKey(q => q.SeasonId);
        question.HasMany(q => q.AskedBy).WithOne().HasForeignKey(a => a.QuestionId);
    }
}

internal sealed class StreamQuestionAskerConfiguration : IEntityTypeConfiguration<StreamQuestionAsker>
{
    public void Configure(EntityTypeBuilder<StreamQuestionAsker> asker)
    {
        asker.HasKey(a => new { a.QuestionId, a.StreamId });
        asker.HasOne<ResearchStream>().WithMany().HasForeignKey(a => a.StreamId);
    }
}

internal sealed class StreamApplicationConfiguration : IEntityTypeConfiguration<StreamApplication>
{
    public void Configure(EntityTypeBuilder<StreamApplication> application)
    {
        // One application per applicant per stream, whatever races above it.
        application.HasIndex(a => new { a.StreamId, a.ApplicantId }).IsUnique();
        application.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        application.HasOne(a => a.Stream).WithMany().HasForeignKey(a => a.StreamId);
        application.HasOne<CohortUser>().WithMany().HasForeignKey(a => a.ApplicantId);
    }
}

internal sealed class StreamAnswerConfiguration : IEntityTypeConfiguration<StreamAnswer>
{
    public void Configure(EntityTypeBuilder<StreamAnswer> answer)
    {
        answer.HasIndex(a => new { a.ApplicantId, a.QuestionId }).IsUnique();
        answer.HasOne<StreamQuestion>().WithMany().HasForeignKey(a => a.QuestionId);
        answer.HasOne<CohortUser>().WithMany().HasForeignKey(a => a.ApplicantId);
    }
}
