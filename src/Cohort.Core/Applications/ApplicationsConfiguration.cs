using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Applications;

internal sealed class ApplicationFormConfiguration : IEntityTypeConfiguration<ApplicationForm>
{
    public void Configure(EntityTypeBuilder<ApplicationForm> form)
    {
        form.HasIndex(f => new { f.SeasonId, f.Kind }).IsUnique();
        form.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        form.HasOne<Catalogue.Season>().WithMany().HasForeignKey(f => f.SeasonId);
        form.HasMany(f => f.Questions).WithOne().HasForeignKey(q => q.FormId);
        form.Ignore(f => f.AcceptsUntil);
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> question)
    {
        question.HasIndex(q => new { q.FormId, q.Key }).IsUnique();
        question.Property(q => q.Key).HasMaxLength(80);
        question.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        question.Property(q => q.Identity).HasConversion<string>().HasMaxLength(20);
        question.Ignore(q => q.Choices);
    }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> application)
    {
        // One application per applicant per form: the database itself refuses a second, whatever races above it.
        application.HasIndex(a => new { a.FormId, a.ApplicantId }).IsUnique();
        application.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        application.HasOne(a => a.Form).WithMany().HasForeignKey(a => a.FormId);
        application.HasOne<Accounts.CohortUser>().WithMany().HasForeignKey(a => a.ApplicantId);
        application.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.ApplicationId);
    }
}

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> answer)
    {
        answer.HasIndex(a => new { a.ApplicationId, a.QuestionId }).IsUnique();
        answer.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId);
        answer.HasOne(a => a.File).WithMany().HasForeignKey(a => a.FileId);
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> file)
    {
        file.HasIndex(f => f.OwnerId);
        file.Property(f => f.FileName).HasMaxLength(255);
        file.Property(f => f.ContentType).HasMaxLength(100);
    }
}
