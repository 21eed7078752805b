using Cohort.Core.Accounts;
using Cohort.Core.Catalogue;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Preferences;

internal sealed class StreamPreferenceConfiguration : IEntityTypeConfiguration<StreamPreference>
{
    public void Configure(EntityTypeBuilder<StreamPreference> entry)
    {
        // One place per applicant, and no two applicants sharing a place, even when two mentors save at once.
        entry.HasIndex(e => e.StreamApplicationId).IsUnique();
        entry.HasIndex(e => new { e.StreamId, e.Position }).IsUnique();
        entry.HasOne<ResearchStream>().WithMany().HasForeignKey(e => e.StreamId);
        entry.HasOne<StreamApplication>().WithMany().HasForeignKey(e => e.StreamApplicationId);
        entry.HasOne<CohortUser>().WithMany().HasForeignKey(e => e.UpdatedById);
    }
}

internal sealed class MentorPreferenceInputConfiguration : IEntityTypeConfiguration<MentorPreferenceInput>
{
    public void Configure(EntityTypeBuilder<MentorPreferenceInput> input)
    {
        input.HasIndex(i => new { i.MentorUserId, i.StreamApplicationId }).IsUnique();
        input.HasIndex(i => new { i.StreamId, i.MentorUserId, i.Position }).IsUnique();
        input.Property(i => i.Note).HasMaxLength(SaveMentorInput.MaxNoteLength);
        input.HasOne<ResearchStream>().WithMany().HasForeignKey(i => i.StreamId);
        input.HasOne<StreamApplication>().WithMany().HasForeignKey(i => i.StreamApplicationId);
        input.HasOne<CohortUser>().WithMany().HasForeignKey(i => i.MentorUserId);
    }
}

internal sealed class ApplicantStreamPreferenceConfiguration : IEntityTypeConfiguration<ApplicantStreamPreference>
{
    public void Configure(EntityTypeBuilder<ApplicantStreamPreference> preference)
    {
        // Positions are checked by SaveApplicantPreferences, not by an index: rows of past seasons keep their positions.
        preference.HasIndex(r => r.StreamApplicationId).IsUnique();
        preference.HasIndex(r => r.ApplicantId);
        preference.HasOne<StreamApplication>().WithMany().HasForeignKey(r => r.StreamApplicationId);
        preference.HasOne<CohortUser>().WithMany().HasForeignKey(r => r.ApplicantId);
    }
}
