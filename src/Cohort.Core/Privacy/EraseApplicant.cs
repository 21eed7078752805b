using System.Security.Cryptography;
using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Embeddings;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Privacy;

public sealed record ErasureOutcome(string? Pseudonym, string? Refusal)
{
    public bool Erased => Refusal is null;
}

/// <summary>
/// Erases an applicant (docs/decisions/privacy.md): their identity, every answer and stored file, their preferences,
/// the bodies of the mail sent to them, and their name, email and id wherever text repeats them (the audit log, the
/// match's records, explanations); the account becomes a tombstone named by a pseudonym that cannot sign in. The
/// records that make the season's statistics (applications and their states, stage entries, reviews' scores,
/// attempts' scores, offers, match runs) stay, pointing to the tombstone, so every count still adds up.
/// One save: an erasure is complete or not done at all.
/// </summary>
public sealed class EraseApplicant(CohortDbContext db, AuditLog audit, TimeProvider clock, EmbeddingCache vectors)
{
    /// <summary>Where a tombstone's address points: the reserved <c>.invalid</c> domain delivers nowhere.</summary>
    public const string ErasedDomain = "erased.invalid";

    public async Task<ErasureOutcome> RunAsync(Actor actor, string applicantId, CancellationToken cancellation = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == applicantId, cancellation);
        // The latest request, unless it was declined: an erasure after a decline (by the retention purge, or an admin
        // who changed their mind) is recorded as a request of its own.
        var request = await db.ErasureRequests.Where(r => r.ApplicantId == applicantId && r.DeclinedAt == null).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellation);
        if (user is null)
        {
            return new(null, "There is no such account.");
        }

        if (request is { ErasedAt: not null })
        {
            return new(request.Pseudonym, "This applicant's data was already erased.");
        }

        var roles = await ApplicantRecords.RolesAsync(db, applicantId, cancellation);
        if (roles.Any(r => r != Roles.Applicant))
        {
            return new(null, $"{user.Email} also has the role {string.Join(", ", roles.Where(r => r != Roles.Applicant))}: only an applicant's account is erased here; remove the other roles first.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var pseudonym = $"erased-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var identity = new Identity(applicantId, user.Email ?? "", user.DisplayName, pseudonym);

        await ForgetVectorsAsync(applicantId, cancellation);
        await EraseContentAsync(applicantId, cancellation);
        await ScrubTextAsync(identity, now, cancellation);
        await MakeTombstoneAsync(user, identity, cancellation);

        request ??= db.ErasureRequests.Add(new ErasureRequest { ApplicantId = applicantId, RequestedAt = now }).Entity;
        (request.ErasedAt, request.Pseudonym) = (now, pseudonym);
        audit.Record(actor, "privacy.erased", $"user:{pseudonym}", "identity, answers, files, preferences and mail erased; counts kept");
        await db.SaveChangesAsync(cancellation);
        return new(pseudonym, null);
    }

    /// <summary>
    /// The cached vectors of what the person wrote (docs/affinity.md, "The cache"): of every answer as written (stream
    /// suggestions embed the applicant's own statement) and of their research statements as blind reviewers read them
    /// (what assignment and the season job embed). Read before the answers are emptied; deleted with the erasure's save.
    /// </summary>
    private async Task ForgetVectorsAsync(string applicantId, CancellationToken cancellation)
    {
        var extensionIds = ExtensionApplicationIdsOf(applicantId);
        var written = await db.Applications.Where(a => a.ApplicantId == applicantId).SelectMany(a => a.Answers).Select(a => a.Value).ToListAsync(cancellation);
        written.AddRange(await db.StreamAnswers.Where(a => a.ApplicantId == applicantId).Select(a => a.Value).ToListAsync(cancellation));
        written.AddRange(await db.ExtensionAnswers.Where(a => extensionIds.Contains(a.ApplicationId)).Select(a => a.Value).ToListAsync(cancellation));
        var seasons = await db.Applications.Where(a => a.ApplicantId == applicantId).Select(a => a.Form!.SeasonId).Distinct().ToListAsync(cancellation);
        foreach (var season in seasons)
        {
            written.AddRange((await ResearchStatement.OfGeneralApplicationsAsync(db, season, db.Applications.Where(a => a.ApplicantId == applicantId), cancellation)).Values);
        }

        await vectors.ForgetAsync(written, cancellation);
    }

    private IQueryable<int> FellowshipIdsOf(string applicantId) => db.Fellowships.Where(f => f.ApplicantId == applicantId).Select(f => f.Id);

    private IQueryable<int> ExtensionApplicationIdsOf(string applicantId)
    {
        var fellowshipIds = FellowshipIdsOf(applicantId);
        return db.ExtensionApplications.Where(a => fellowshipIds.Contains(a.FellowshipId)).Select(a => a.Id);
    }

    /// <summary>What the person wrote or gave: answers emptied, files deleted, preferences removed, free text about them emptied.</summary>
    private async Task EraseContentAsync(string applicantId, CancellationToken cancellation)
    {
        var applicationIds = db.Applications.Where(a => a.ApplicantId == applicantId).Select(a => a.Id);
        var streamApplicationIds = db.StreamApplications.Where(a => a.ApplicantId == applicantId).Select(a => a.Id);
        foreach (var answer in await db.Applications.Where(a => a.ApplicantId == applicantId).SelectMany(a => a.Answers).ToListAsync(cancellation))
        {
            (answer.Value, answer.FileId) = ("", null);
        }

        foreach (var answer in await db.StreamAnswers.Where(a => a.ApplicantId == applicantId).ToListAsync(cancellation))
        {
            answer.Value = "";
        }

        var attemptAnswers = await db.Attempts.Where(a => a.ApplicantId == applicantId).SelectMany(a => a.Answers).ToListAsync(cancellation);
        attemptAnswers.ForEach(a => a.Value = "");
        var attemptAnswerIds = attemptAnswers.Select(a => a.Id).ToList();
        foreach (var review in await db.AnswerReviews.Where(r => attemptAnswerIds.Contains(r.AnswerId)).ToListAsync(cancellation))
        {
            review.Comment = "";
        }

        // Reviewers' comments are free text about the person: the scores stay, the words go.
        var reviews = await ApplicantRecords.ReviewsOf(db, applicationIds, streamApplicationIds).ToListAsync(cancellation);
        reviews.ForEach(r => r.Comment = "");
        foreach (var note in await db.MentorPreferenceInputs.Where(n => streamApplicationIds.Contains(n.StreamApplicationId)).ToListAsync(cancellation))
        {
            note.Note = "";
        }

        foreach (var submission in await db.WorkTestSubmissions.Where(s => s.ApplicantId == applicantId).ToListAsync(cancellation))
        {
            (submission.Url, submission.FileId) = (null, null);
        }

        await EraseProgrammeContentAsync(applicantId, cancellation);
        db.StoredFiles.RemoveRange(await db.StoredFiles.Where(f => f.OwnerId == applicantId).ToListAsync(cancellation));
        db.ApplicantStreamPreferences.RemoveRange(await db.ApplicantStreamPreferences.Where(p => p.ApplicantId == applicantId).ToListAsync(cancellation));
        db.FellowProjectPreferences.RemoveRange(await db.FellowProjectPreferences.Where(p => p.ApplicantId == applicantId).ToListAsync(cancellation));
    }

    /// <summary>
    /// A fellow's part of the programme after the match (docs/decisions/privacy.md, "Fellows"): what they handed in and
    /// wrote, and what their mentors wrote about them, is emptied; the milestones' states, assessments and ratings stay
    /// for the counts. Their name leaves every artifact's byline, an artifact left with no fellow author leaves the
    /// showcase, and a PDF they uploaded goes with their other files.
    /// </summary>
    private async Task EraseProgrammeContentAsync(string applicantId, CancellationToken cancellation)
    {
        var fellowshipIds = FellowshipIdsOf(applicantId);
        foreach (var submission in await db.MilestoneSubmissions.Where(s => fellowshipIds.Contains(s.FellowshipId)).ToListAsync(cancellation))
        {
            (submission.Text, submission.Link, submission.FileId) = ("", "", null);
        }

        foreach (var checkIn in await db.CheckIns.Where(c => fellowshipIds.Contains(c.FellowshipId)).ToListAsync(cancellation))
        {
            checkIn.Comment = "";
        }

        var extensionIds = ExtensionApplicationIdsOf(applicantId);
        foreach (var answer in await db.ExtensionAnswers.Where(a => extensionIds.Contains(a.ApplicationId)).ToListAsync(cancellation))
        {
            (answer.Value, answer.FileId) = ("", null);
        }

        foreach (var endorsement in await db.ExtensionEndorsements.Where(e => extensionIds.Contains(e.ApplicationId)).ToListAsync(cancellation))
        {
            endorsement.Comment = "";
        }

        var authored = await db.ArtifactAuthors.Where(x => x.FellowshipId != null && fellowshipIds.Contains(x.FellowshipId.Value)).ToListAsync(cancellation);
        db.ArtifactAuthors.RemoveRange(authored);
        var artifactIds = authored.Select(x => x.ArtifactId).ToList();
        var ownFiles = db.StoredFiles.Where(f => f.OwnerId == applicantId).Select(f => f.Id);
        foreach (var artifact in await db.Artifacts.Where(a => artifactIds.Contains(a.Id) || (a.PdfFileId != null && ownFiles.Contains(a.PdfFileId.Value))).ToListAsync(cancellation))
        {
            if (artifact.PdfFileId is { } pdf && await ownFiles.ContainsAsync(pdf, cancellation))
            {
                artifact.PdfFileId = null;
            }

            if (!await db.ArtifactAuthors.AnyAsync(x => x.ArtifactId == artifact.Id && x.FellowshipId != null && !fellowshipIds.Contains(x.FellowshipId.Value), cancellation))
            {
                artifact.ShowPublicly = false;
            }
        }
    }

    /// <summary>Text that repeats who they were: mail to them (bodies emptied, unsent mail cancelled), invitations, the audit log, the match's records.</summary>
    private async Task ScrubTextAsync(Identity identity, DateTime now, CancellationToken cancellation)
    {
        foreach (var message in await db.OutboxMessages.Where(m => m.To == identity.Email).ToListAsync(cancellation))
        {
            (message.To, message.Subject, message.Body) = (identity.Address, identity.Scrub(message.Subject), "");
            if (message.SentAt is null && message.CancelledAt is null)
            {
                message.Cancel(now);
            }
        }

        // Mail to others that names them (a mentor told a fellow handed in, or asked to endorse them) keeps its words, under the pseudonym.
        if (identity.NameToScrub is { } named)
        {
            foreach (var message in await db.OutboxMessages.Where(m => m.To != identity.Email && m.To != identity.Address
                         && (m.Subject.Contains(named) || m.Body.Contains(named))).ToListAsync(cancellation))
            {
                (message.Subject, message.Body) = (identity.Scrub(message.Subject), identity.Scrub(message.Body));
            }
        }

        foreach (var invitation in await db.RoleInvitations.Where(i => i.Email == identity.Email).ToListAsync(cancellation))
        {
            invitation.Email = identity.Address;
        }

        var (email, id, name) = (identity.Email, identity.Id, identity.NameToScrub);
        foreach (var entry in await db.AuditEntries.Where(e => e.ActorId == id || e.Actor == email
                     || e.Subject.Contains(email) || e.Details.Contains(email) || e.Subject.Contains(id) || e.Details.Contains(id)
                     || (name != null && (e.Actor.Contains(name) || e.Subject.Contains(name) || e.Details.Contains(name)))).ToListAsync(cancellation))
        {
            (entry.Actor, entry.Subject, entry.Details) = (identity.Scrub(entry.Actor), identity.Scrub(entry.Subject), identity.Scrub(entry.Details));
            if (entry.ActorId == id)
            {
                (entry.ActorId, entry.Actor) = (null, identity.Pseudonym);
            }
        }

        foreach (var run in await db.MatchRuns.Where(r => r.InputJson.Contains(id) || r.ResultJson.Contains(id)).ToListAsync(cancellation))
        {
            (run.InputJson, run.ResultJson) = (identity.ScrubJson(run.InputJson), identity.ScrubJson(run.ResultJson));
        }

        foreach (var unplaced in await db.UnplacedApplicants.Where(u => u.ApplicantId == id).ToListAsync(cancellation))
        {
            unplaced.Explanation = identity.Scrub(unplaced.Explanation);
        }
    }

    /// <summary>The account keeps its id (so every record still counts) and loses everything else, password included.</summary>
    private async Task MakeTombstoneAsync(CohortUser user, Identity identity, CancellationToken cancellation)
    {
        user.UserName = identity.Pseudonym;
        user.NormalizedUserName = identity.Pseudonym.ToUpperInvariant();
        user.Email = identity.Address;
        user.NormalizedEmail = identity.Address.ToUpperInvariant();
        user.EmailConfirmed = false;
        user.DisplayName = identity.Pseudonym;
        user.PasswordHash = null;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.PhoneNumber = null;
        user.TwoFactorEnabled = false;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.TimeZoneId = null;
        db.UserClaims.RemoveRange(await db.UserClaims.Where(c => c.UserId == user.Id).ToListAsync(cancellation));
        db.UserLogins.RemoveRange(await db.UserLogins.Where(l => l.UserId == user.Id).ToListAsync(cancellation));
        db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == user.Id).ToListAsync(cancellation));
    }

    private sealed record Identity(string Id, string Email, string Name, string Pseudonym)
    {
        /// <summary>The shortest display name replaced in text that is not otherwise about them: a shorter one would match ordinary words.</summary>
        private const int ShortestNameToScrub = 4;

        public string Address => $"{Pseudonym}@{ErasedDomain}";

        public string? NameToScrub => Name.Trim().Length >= ShortestNameToScrub ? Name.Trim() : null;

        public string Scrub(string text)
        {
            var scrubbed = text.Replace(Email, Address, StringComparison.OrdinalIgnoreCase).Replace(Id, Pseudonym, StringComparison.Ordinal);
            return NameToScrub is { } name ? scrubbed.Replace(name, Pseudonym, StringComparison.Ordinal) : scrubbed;
        }

        /// <summary>JSON escapes some characters of a name or address (accents, quotes): both spellings are replaced.</summary>
        public string ScrubJson(string json)
        {
            var scrubbed = Scrub(json).Replace(System.Text.Json.JsonEncodedText.Encode(Email).ToString(), Address, StringComparison.OrdinalIgnoreCase);
            return NameToScrub is { } name ? scrubbed.Replace(System.Text.Json.JsonEncodedText.Encode(name).ToString(), Pseudonym, StringComparison.Ordinal) : scrubbed;
        }
    }
}
