using Cohort.Core.Accounts;
using Cohort.Core.Catalogue;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Projects;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> project)
    {
        project.HasIndex(p => p.StreamId);
        project.Property(p => p.Title).HasMaxLength(Project.MaxTitleLength);
        project.Property(p => p.Description).HasMaxLength(Project.MaxDescriptionLength);
        project.Property(p => p.DecisionNote).HasMaxLength(Project.MaxNoteLength);
        project.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        project.HasOne<ResearchStream>().WithMany().HasForeignKey(p => p.StreamId);
        project.HasOne<CohortUser>().WithMany().HasForeignKey(p => p.PitchedById);
        project.HasMany(p => p.Mentors).WithOne().HasForeignKey(m => m.ProjectId);
    }
}

internal sealed class ProjectMentorConfiguration : IEntityTypeConfiguration<ProjectMentor>
{
    public void Configure(EntityTypeBuilder<ProjectMentor> mentor)
    {
        mentor.HasKey(m => new { m.ProjectId, m.MentorId });
        mentor.HasOne(m => m.Mentor).WithMany().HasForeignKey(m => m.MentorId);
    }
}

internal sealed class FellowProjectPreferenceConfiguration : IEntityTypeConfiguration<FellowProjectPreference>
{
    public void Configure(EntityTypeBuilder<FellowProjectPreference> preference)
    {
        // Positions are checked by SaveFellowProjectPreferences, not by an index: rows of withdrawn projects keep theirs.
        preference.HasIndex(r => new { r.ApplicantId, r.ProjectId }).IsUnique();
        preference.HasOne<CohortUser>().WithMany().HasForeignKey(r => r.ApplicantId);
        preference.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId);
    }
}

internal sealed class ProjectPreferenceConfiguration : IEntityTypeConfiguration<ProjectPreference>
{
    public void Configure(EntityTypeBuilder<ProjectPreference> entry)
    {
        // One place per fellow and no two fellows on one place, even when two of the project's mentors save at once.
        entry.HasIndex(e => new { e.ProjectId, e.StreamApplicationId }).IsUnique();
        entry.HasIndex(e => new { e.ProjectId, e.Position }).IsUnique();
        entry.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId);
        entry.HasOne<StreamApplication>().WithMany().HasForeignKey(e => e.StreamApplicationId);
        entry.HasOne<CohortUser>().WithMany().HasForeignKey(e => e.UpdatedById);
    }
}

internal sealed class ProjectAssignmentRunConfiguration : IEntityTypeConfiguration<ProjectAssignmentRun>
{
    public void Configure(EntityTypeBuilder<ProjectAssignmentRun> run)
    {
        run.HasIndex(r => new { r.StreamId, r.CreatedAt });
        run.Property(r => r.CreatedBy).HasMaxLength(256);
        run.HasOne<ResearchStream>().WithMany().HasForeignKey(r => r.StreamId);
    }
}
