using Cohort.Core.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Match;

/// <summary>A season's settings of the match; for now the moment applicants' stream preferences freeze.</summary>
public class MatchSettings
{
    public int Id { get; set; }
    public int SeasonId { get; set; }

    /// <summary>Null until an admin sets it: applicants may reorder their streams until then.</summary>
    public DateTime? RankingDeadline { get; set; }
}

internal sealed class MatchSettingsConfiguration : IEntityTypeConfiguration<MatchSettings>
{
    public void Configure(EntityTypeBuilder<MatchSettings> settings)
    {
        settings.HasIndex(s => s.SeasonId).IsUnique();
        settings.HasOne<Season>().WithMany().HasForeignKey(s => s.SeasonId);
    }
}
