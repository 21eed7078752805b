namespace Cohort.Core.Catalogue;

/// <summary>Membership of a mentor in a stream; the position orders co-mentors on the stream page.</summary>
public class StreamMentor : IPublicContent
{
    public int StreamId { get; set; }
    public ResearchStream? Stream { get; set; }
    public int MentorId { get; set; }
    public Mentor? Mentor { get; set; }
    public int Position { get; set; }
}
