using Cohort.Core.Accounts;
using Cohort.Core.Catalogue;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Rankings;

internal sealed class StreamRankingEntryConfiguration : IEntityTypeConfiguration<StreamRankingEntry>
{
    public void Configure(EntityTypeBuilder<StreamRankingEntry> entry)
    {
        // One place per applicant, and no two applicants sharing a place, even when two mentors save at once.
        entry.HasIndex(e => e.StreamApplicationId).IsUnique();
        entry.HasIndex(e => new { e.StreamId, e.Position }).IsUnique();
        entry.HasOne<ResearchStream>().WithMany().HasForeignKey(e => e.StreamId);
        entry.HasOne<StreamApplication>().WithMany().HasForeignKey(e => e.StreamApplicationId);
        entry.HasOne<CohortUser>().WithMany().HasForeignKey(e => e.UpdatedById);
    }
}

internal sealed class MentorRankingInputConfiguration : IEntityTypeConfiguration<MentorRankingInput>
{
    public void Configure(EntityTypeBuilder<MentorRankingInput> input)
    {
        input.HasIndex(i => new { i.MentorUserId, i.StreamApplicationId }).IsUnique();
        input.HasIndex(i => new { i.StreamId, i.MentorUserId, i.Position }).IsUnique();
        input.Property(i => i.Note).HasMaxLength(SaveMentorInput.MaxNoteLength);
        input.HasOne<ResearchStream>().WithMany().HasForeignKey(i => i.StreamId);
        input.HasOne<StreamApplication>().WithMany().HasForeignKey(i => i.StreamApplicationId);
        input.HasOne<CohortUser>().WithMany().HasForeignKey(i => i.MentorUserId);
    }
}

internal sealed class ApplicantStreamRankingConfiguration : IEntityTypeConfiguration<ApplicantStreamRanking>
{
    public void Configure(EntityTypeBuilder<ApplicantStreamRanking> ranking)
    {
        // Positions are checked by SaveApplicantRanking, not by an index: rows of past seasons keep their positions.
        ranking.HasIndex(r => r.StreamApplicationId).IsUnique();
        ranking.HasIndex(r => r.ApplicantId);
        ranking.HasOne<StreamApplication>().WithMany().HasForeignKey(r => r.StreamApplicationId);
        ranking.HasOne<CohortUser>().WithMany().HasForeignKey(r => r.ApplicantId);
    }
}

internal sealed class MatchSettingsConfiguration : IEntityTypeConfiguration<MatchSettings>
{
    public void Configure(EntityTypeBuilder<MatchSettings> settings)
    {
        settings.HasIndex(s => s.SeasonId).IsUnique();
        settings.HasOne<Season>().WithMany().HasForeignKey(s => s.SeasonId);
    }
}
