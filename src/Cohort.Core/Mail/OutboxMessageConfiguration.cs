using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Mail;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.Property(m => m.ClaimedBy).HasMaxLength(OutboxMessage.ClaimLength);

        // The dispatcher's poll looks only at unsent mail; the index keeps that cheap however much has been sent.
        message.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
