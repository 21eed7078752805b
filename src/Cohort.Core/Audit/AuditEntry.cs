namespace Cohort.Core.Audit;

/// <summary>One recorded change: who did what to which record, and when. Never updated or deleted.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>The account that acted, or null for the system and the command line.</summary>
    public string? ActorId { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public string Details { get; set; } = "";
}
