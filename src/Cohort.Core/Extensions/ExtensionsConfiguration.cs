using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Extensions;

internal sealed class ExtensionRoundConfiguration : IEntityTypeConfiguration<ExtensionRound>
{
    public void Configure(EntityTypeBuilder<ExtensionRound> round)
    {
        round.HasIndex(r => r.SeasonId);
        round.Property(r => r.Name).HasMaxLength(ExtensionRound.MaxNameLength);
        round.Property(r => r.Currency).HasMaxLength(3);
        round.HasOne<Season>().WithMany().HasForeignKey(r => r.SeasonId);
        round.HasMany(r => r.Questions).WithOne().HasForeignKey(q => q.RoundId);
    }
}

internal sealed class ExtensionQuestionConfiguration : IEntityTypeConfiguration<ExtensionQuestion>
{
    public void Configure(EntityTypeBuilder<ExtensionQuestion> question)
    {
        question.HasIndex(q => new { q.RoundId, q.Key }).IsUnique();
        question.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        question.Property(q => q.Identity).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class ExtensionApplicationConfiguration : IEntityTypeConfiguration<ExtensionApplication>
{
    public void Configure(EntityTypeBuilder<ExtensionApplication> application)
    {
        application.HasIndex(a => new { a.RoundId, a.FellowshipId }).IsUnique();
        application.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        application.HasOne<ExtensionRound>().WithMany().HasForeignKey(a => a.RoundId);
        application.HasOne<Fellowship>().WithMany().HasForeignKey(a => a.FellowshipId);
        application.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.ApplicationId);
        application.HasMany(a => a.Endorsements).WithOne().HasForeignKey(e => e.ApplicationId);
    }
}

internal sealed class ExtensionAnswerConfiguration : IEntityTypeConfiguration<ExtensionAnswer>
{
    public void Configure(EntityTypeBuilder<ExtensionAnswer> answer)
    {
        answer.HasIndex(a => new { a.ApplicationId, a.QuestionId }).IsUnique();
        answer.HasOne<ExtensionQuestion>().WithMany().HasForeignKey(a => a.QuestionId);
        answer.HasOne<StoredFile>().WithMany().HasForeignKey(a => a.FileId);
    }
}

internal sealed class ExtensionEndorsementConfiguration : IEntityTypeConfiguration<ExtensionEndorsement>
{
    public void Configure(EntityTypeBuilder<ExtensionEndorsement> endorsement)
    {
        endorsement.HasIndex(e => new { e.ApplicationId, e.MentorId }).IsUnique();
        endorsement.Property(e => e.Comment).HasMaxLength(ExtensionEndorsement.MaxCommentLength);
        endorsement.HasOne<Mentor>().WithMany().HasForeignKey(e => e.MentorId);
    }
}
