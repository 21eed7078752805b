using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cohort.Web.Pages.Shared;

/// <summary>Says which fields of a record an edit changed, for the audit log.</summary>
public static class Changes
{
    public static string Describe(EntityEntry entry, IEnumerable<string> more)
    {
        entry.Context.ChangeTracker.DetectChanges();
        var fields = entry.Properties
            .Where(p => p.IsModified && p.Metadata.Name != nameof(IVersioned.Version) && !Equals(p.OriginalValue, p.CurrentValue))
            .Select(p => p.Metadata.Name)
            .ToList();
        var clauses = new List<string>();
        if (fields.Count > 0)
        {
            clauses.Add("changed " + string.Join(", ", fields));
        }

        clauses.AddRange(more);
        return clauses.Count == 0 ? "no changes" : string.Join("; ", clauses);
    }
}
