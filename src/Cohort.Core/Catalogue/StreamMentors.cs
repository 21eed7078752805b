namespace Cohort.Core.Catalogue;

public static class StreamMentors
{
    /// <summary>
    /// Makes <paramref name="mentors"/>, in order, the stream's mentors. Links are updated in place rather than
    /// removed and re-added, because EF cannot track a deleted and a new row with the same composite key at once.
    /// </summary>
    public static void Assign(ResearchStream stream, IReadOnlyList<Mentor> mentors)
    {
        stream.Mentors.RemoveAll(link => !mentors.Any(m => IsSame(m, link)));
        for (var position = 0; position < mentors.Count; position++)
        {
            var mentor = mentors[position];
            var link = stream.Mentors.FirstOrDefault(l => IsSame(mentor, l));
            if (link is null)
            {
                link = new StreamMentor { Mentor = mentor, Stream = stream };
                stream.Mentors.Add(link);
            }

            link.Position = position;
        }
    }

    private static bool IsSame(Mentor mentor, StreamMentor link) =>
        ReferenceEquals(link.Mentor, mentor) || (mentor.Id != 0 && link.MentorId == mentor.Id);
}
