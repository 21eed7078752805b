using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Privacy;
using Cohort.Core.Reminders;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Core.Archive;

/// <summary>
/// Which entities of the model a season archive holds, besides those it finds by itself (every entity with a chain of
/// foreign keys to <see cref="Season"/>, <see cref="ArchiveModel"/>), and which it leaves out and why. A test fails when
/// the model has an entity in none of these, so a new table cannot be left out of archives unnoticed.
/// </summary>
public static class ArchivedTypes
{
    /// <summary>The season's own rows point at these: archived when a season row (or an earlier type here) refers to them, in this order.</summary>
    public static IReadOnlyList<Type> Referenced { get; } = [typeof(StoredFile), typeof(CohortUser)];

    /// <summary>Rows about an archived account, archived with it.</summary>
    public static IReadOnlyList<Type> OfArchivedAccounts { get; } = [typeof(ErasureRequest)];

    /// <summary>Rows with no foreign key, archived when their subject names something the archive holds (<see cref="ArchiveSubjects"/>).</summary>
    public static IReadOnlyList<Type> BySubject { get; } = [typeof(AuditEntry), typeof(SentReminder)];

    public static IReadOnlyDictionary<Type, string> Excluded { get; } = new Dictionary<Type, string>
    {
        [typeof(IdentityRole)] = "the four roles are the installation's; an archive carries each account's role names (accountRoles) and the import creates the roles it names",
        [typeof(IdentityUserRole<string>)] = "carried as each account's role names (accountRoles), since role ids differ between installations",
        [typeof(IdentityUserClaim<string>)] = "Cohort keeps no claims in the database",
        [typeof(IdentityRoleClaim<string>)] = "Cohort keeps no claims in the database",
        [typeof(IdentityUserLogin<string>)] = "external sign-ins belong to the installation's identity providers",
        [typeof(IdentityUserToken<string>)] = "authenticator keys and recovery codes are secrets: a restored account sets up two-factor sign-in again",
        [typeof(Api.ApiToken)] = "API tokens are secrets of the installation: an admin creates new ones after the import",
        [typeof(Api.IdempotentRequest)] = "an API write's stored answer lives 24 hours for its token's retries; the tokens are not archived either",
        [typeof(Mail.OutboxMessage)] = "the mail queue is the sending installation's: its unsent mail is sent (or not) there, never twice",
        [typeof(DataProtectionKey)] = "the key ring encrypts the installation's cookies and tokens: never moved with data",
        [typeof(Jobs.ScheduledJob)] = "the schedule and leases of the installation's background jobs",
        [typeof(PublicContentStamp)] = "a cache stamp the import's own save renews",
        [typeof(Embeddings.TextEmbedding)] = "a cache of vectors that the importing installation computes again from the archived texts when it needs them",
    };

    /// <summary>
    /// Columns an archive never holds (secrets and sign-in state), with the value an import gives them: a restored
    /// account has no password and signs in after "Forgot your password?" (docs/archive.md).
    /// </summary>
    public static IReadOnlyDictionary<(Type Type, string Property), Func<object?>> Regenerated { get; } = new Dictionary<(Type, string), Func<object?>>
    {
        [(typeof(CohortUser), nameof(CohortUser.PasswordHash))] = () => null,
        [(typeof(CohortUser), nameof(CohortUser.SecurityStamp))] = () => Guid.NewGuid().ToString("N").ToUpperInvariant(),
        [(typeof(CohortUser), nameof(CohortUser.ConcurrencyStamp))] = () => Guid.NewGuid().ToString(),
        [(typeof(CohortUser), nameof(CohortUser.TwoFactorEnabled))] = () => false,
        [(typeof(CohortUser), nameof(CohortUser.AccessFailedCount))] = () => 0,
        [(typeof(CohortUser), nameof(CohortUser.LockoutEnd))] = () => null,
    };
}
