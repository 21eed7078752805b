using Cohort.Core.Data;
using Cohort.Core.Programme;

namespace Cohort.Demo;

/// <summary>
/// Last season's fellowships in the order of their fellows' addresses. A fellowship's id follows the order the match
/// placed people in, which follows their accounts' random ids, so ordering by id told another story on each seed of
/// the demo: another demo fellow, other fellows who never hand in the final artifact, other artifacts. A test run met a
/// seed where neither of the coalition's fellows had handed in a file. The addresses follow each fellow's index
/// (applicant49@…, applicant50@…), so every seed tells the same story.
/// </summary>
internal static class DemoCohortOrder
{
    public static IQueryable<Fellowship> ByAddress(this IQueryable<Fellowship> fellowships, CohortDbContext db) =>
        fellowships.OrderBy(f => db.Users.Where(u => u.Id == f.ApplicantId).Select(u => u.Email).First());
}
