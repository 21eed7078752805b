using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Audit;

public static class AccountActors
{
    /// <summary>
    /// The actor for an account acting for itself (an applicant withdrawing, starting an attempt, saving preferences),
    /// named as the audit log names people: by the account's email.
    /// </summary>
    public static async Task<Actor> OfAsync(CohortDbContext db, string userId, CancellationToken cancellation) =>
        new(userId, await db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync(cancellation));
}
