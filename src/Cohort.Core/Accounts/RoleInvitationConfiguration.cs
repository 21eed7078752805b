using Cohort.Core.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Accounts;

internal sealed class RoleInvitationConfiguration : IEntityTypeConfiguration<RoleInvitation>
{
    public void Configure(EntityTypeBuilder<RoleInvitation> invitation)
    {
        invitation.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        invitation.Property(i => i.Email).HasMaxLength(256);
        invitation.Property(i => i.TokenHash).HasMaxLength(RoleInvitation.TokenHashLength).IsFixedLength();
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.HasIndex(i => new { i.SeasonId, i.Role });
        invitation.HasOne<Season>().WithMany().HasForeignKey(i => i.SeasonId);
        invitation.HasOne<Mentor>().WithMany().HasForeignKey(i => i.MentorId).OnDelete(DeleteBehavior.Cascade);
        invitation.HasOne<CohortUser>().WithMany().HasForeignKey(i => i.AcceptedById).OnDelete(DeleteBehavior.SetNull);
        invitation.OwnsOne(i => i.Reviewer, terms =>
        {
            terms.Property(t => t.Organisation).HasMaxLength(200);
            terms.Property(t => t.ExpertiseText).HasMaxLength(2000);
            terms.Property(t => t.InterestsText).HasMaxLength(2000);
        });
    }
}
