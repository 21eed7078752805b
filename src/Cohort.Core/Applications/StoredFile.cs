namespace Cohort.Core.Applications;

/// <summary>
/// An uploaded file, kept in the database rather than on disk: backups then include it, and every web
/// instance behind a load balancer sees the same files.
/// </summary>
public class StoredFile
{
    public int Id { get; set; }
    public required string OwnerId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
}
