using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Reminders;

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> reminder)
    {
        // The guard against a second send: two runs that both queue a reminder cannot both save it.
        reminder.HasIndex(r => new { r.Kind, r.Subject, r.Occasion }).IsUnique();
        reminder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        reminder.Property(r => r.Subject).HasMaxLength(SentReminder.SubjectLength);
        reminder.Property(r => r.Occasion).HasMaxLength(SentReminder.OccasionLength);
    }
}
