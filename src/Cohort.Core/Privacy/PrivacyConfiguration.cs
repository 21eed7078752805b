using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Privacy;

internal sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> request)
    {
        request.Property(r => r.ApplicantId).HasMaxLength(450);
        request.HasIndex(r => r.ApplicantId);
        request.Property(r => r.Pseudonym).HasMaxLength(ErasureRequest.PseudonymLength);
        request.Property(r => r.DeclineReason).HasMaxLength(ErasureRequest.ReasonLength);
    }
}
