using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Catalogue.Transfer;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Imports;

/// <summary>One reviewer of the file: a new member of the pool, new terms or conflicts for one, or nothing new.</summary>
public sealed record ImportedReviewer(long Line, string Email, RowChange Change, int ConflictsAdded);

/// <summary>What a reviewer import did or would do; as for applicants, a refused import lists problems and no rows.</summary>
public sealed record ReviewerImportReport(bool DryRun, bool Written, IReadOnlyList<ImportedReviewer> Rows, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public string Summary =>
        $"{Rows.Count(r => r.Change == RowChange.Created)} added to the pool, {Rows.Count(r => r.Change == RowChange.Updated)} updated, " +
        $"{Rows.Count(r => r.Change == RowChange.Unchanged)} unchanged; {Rows.Sum(r => r.ConflictsAdded)} conflict(s) declared";
}

/// <summary>
/// Imports the current season's reviewer pool and their declared conflicts from Cohort's own CSV format (one reviewer a
/// row: <see cref="Columns"/>; lists separated by semicolons or line breaks). Checked whole before anything is written,
/// then saved in one transaction; a second import of the same file changes nothing. A reviewer must have a confirmed
/// account, since the pool gives the Reviewer role and roles go only to confirmed accounts: anyone else is invited from
/// the pool page, which carries the same terms. Conflicts in the file are declared; ones already declared are kept.
/// </summary>
public sealed class ImportReviewers(CohortDbContext db, UserManager<CohortUser> users, AccountRoles roles, AuditLog audit, TimeProvider clock)
{
    public const int MaxLoad = 1000;

    public static readonly IReadOnlyList<string> Columns = ["email", "organisation", "expertise", "interests", "minLoad", "maxLoad", "conflicts"];

    private sealed record Incoming(long Line, CohortUser Account, ReviewerTerms Terms, IReadOnlyList<CohortUser> Conflicts);

    public async Task<ReviewerImportReport> RunAsync(string csvText, bool dryRun, Actor actor, CancellationToken cancellation = default)
    {
        var season = await db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        if (season is null)
        {
            return Refused(dryRun, [new ImportProblem("season", "there is no season yet: import a catalogue first.")]);
        }

        var (table, problems) = CsvTable.Read(csvText);
        if (table is null)
        {
            return Refused(dryRun, problems);
        }

        var header = table.Headers.ToDictionary(h => h, h => Columns.FirstOrDefault(c => string.Equals(c, h, StringComparison.OrdinalIgnoreCase)));
        var wrong = header.Where(h => h.Value is null)
            .Select(h => new ImportProblem($"line 1, column \"{h.Key}\"", $"is not a column of a reviewer file; its columns are {string.Join(", ", Columns)}.")).ToList();
        if (!header.ContainsValue("email"))
        {
            wrong.Add(new ImportProblem("line 1", "the file has no email column: each reviewer is found by the address of their account."));
        }

        if (wrong.Count > 0)
        {
            return Refused(dryRun, wrong);
        }

        var columnOf = header.ToDictionary(h => h.Value!, h => h.Key);
        var addresses = table.Rows.SelectMany(row => Items(table.Cell(row, columnOf["email"]))
            .Concat(columnOf.TryGetValue("conflicts", out var c) ? Items(table.Cell(row, c)) : [])).Select(Normalised).Distinct().ToList();
        var accounts = await db.Users.Where(u => addresses.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!, cancellation);
        var profiles = await db.ReviewerProfiles.Include(p => p.Conflicts).Where(p => p.SeasonId == season.Id).ToDictionaryAsync(p => p.UserId, cancellation);

        var errors = new List<ImportProblem>();
        var incoming = table.Rows.Select(row => Read(table, row, columnOf, accounts, profiles, errors)).OfType<Incoming>().ToList();
        errors.AddRange(table.Rows.GroupBy(row => Normalised(table.Cell(row, columnOf["email"]).Trim())).Where(g => g.Key.Length > 0 && g.Count() > 1)
            .SelectMany(g => g.Select(row => new ImportProblem($"line {row.Line}, column \"{columnOf["email"]}\"",
                $"{table.Cell(row, columnOf["email"]).Trim()} is also on line {string.Join(", ", g.Where(r => r != row).Select(r => r.Line))}: list each reviewer once."))));
        if (table.Rows.Count == 0)
        {
            errors.Add(new ImportProblem("line 2", "the file has a header but no rows."));
        }

        if (errors.Count > 0)
        {
            return Refused(dryRun, errors);
        }

        var rows = incoming.Select(person => Compare(person, profiles.GetValueOrDefault(person.Account.Id))).ToList();
        if (dryRun || rows.All(r => r.Change == RowChange.Unchanged))
        {
            return new ReviewerImportReport(dryRun, !dryRun, rows, []);
        }

        return await WriteAsync(season, incoming, rows, profiles, actor, cancellation)
            ? new ReviewerImportReport(false, true, rows, [])
            : Refused(false, [new ImportProblem("import", "another change to the pool was saved while the import ran, so nothing was imported: run the import again.")]);
    }

    private static ReviewerImportReport Refused(bool dryRun, IReadOnlyList<ImportProblem> problems) => new(dryRun, false, [], problems);

    private string Normalised(string email) => users.NormalizeEmail(email) ?? "";

    // Lists are separated by semicolons or line breaks, the way a spreadsheet cell holds several values.
    private static string[] Items(string cell) => cell.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Incoming? Read(
        CsvTable table, CsvRow row, Dictionary<string, string> columnOf, Dictionary<string, CohortUser> accounts,
        Dictionary<string, ReviewerProfile> profiles, List<ImportProblem> problems)
    {
        string Where(string column) => $"line {row.Line}, column \"{columnOf[column]}\"";
        string? Cell(string column) => columnOf.TryGetValue(column, out var header) ? table.Cell(row, header).Trim() : null;

        var count = problems.Count;
        var email = Cell("email")!;
        var account = accounts.GetValueOrDefault(email.ToUpperInvariant());
        if (account is not { EmailConfirmed: true })
        {
            problems.Add(new ImportProblem(Where("email"), email.Length == 0 ? "the address is empty."
                : $"no confirmed account has the address {email}: invite them to review from the pool page, which sets the same terms."));
        }

        var existing = account is null ? null : profiles.GetValueOrDefault(account.Id);
        int Load(string column, int unset)
        {
            var text = Cell(column);
            if (string.IsNullOrEmpty(text))
            {
                return unset;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var load) && load <= MaxLoad)
            {
                return load;
            }

            problems.Add(new ImportProblem(Where(column), $"\"{text}\" is not a whole number from 0 to {MaxLoad}."));
            return unset;
        }

        var minLoad = Load("minLoad", existing?.MinLoad ?? 0);
        var maxLoad = Load("maxLoad", existing?.MaxLoad ?? 30);
        if (minLoad > maxLoad)
        {
            problems.Add(new ImportProblem(Where(columnOf.ContainsKey("maxLoad") ? "maxLoad" : "minLoad"), $"the most reviews per round ({maxLoad}) cannot be fewer than the fewest ({minLoad})."));
        }

        string Text(string column, string? current, int limit)
        {
            var text = Cell(column) is { } cell ? column == "organisation" ? cell : string.Join('\n', Items(cell)) : current ?? "";
            if (text.Length > limit)
            {
                problems.Add(new ImportProblem(Where(column), $"this has {text.Length} characters; the most is {limit}."));
            }

            return text;
        }

        var terms = new ReviewerTerms(Text("organisation", existing?.Organisation, 200), Text("expertise", existing?.ExpertiseText, 2000),
            Text("interests", existing?.InterestsText, 2000), minLoad, maxLoad);
        var conflicts = new List<CohortUser>();
        foreach (var address in Items(Cell("conflicts") ?? ""))
        {
            if (accounts.GetValueOrDefault(address.ToUpperInvariant()) is { } applicant)
            {
                conflicts.Add(applicant);
            }
            else
            {
                problems.Add(new ImportProblem(Where("conflicts"), $"no account uses the address {address}."));
            }
        }

        if (account is not null && conflicts.Any(c => c.Id == account.Id))
        {
            problems.Add(new ImportProblem(Where("conflicts"), "a reviewer never reviews themselves; there is no need to declare it."));
        }

        return problems.Count == count ? new Incoming(row.Line, account!, terms, conflicts.DistinctBy(c => c.Id).ToList()) : null;
    }

    private static ImportedReviewer Compare(Incoming person, ReviewerProfile? profile)
    {
        if (profile is null)
        {
            return new ImportedReviewer(person.Line, person.Account.Email!, RowChange.Created, person.Conflicts.Count);
        }

        var added = person.Conflicts.Count(c => profile.Conflicts.All(d => d.ApplicantId != c.Id));
        var sameTerms = new ReviewerTerms(profile.Organisation, profile.ExpertiseText, profile.InterestsText, profile.MinLoad, profile.MaxLoad) == person.Terms;
        return new ImportedReviewer(person.Line, person.Account.Email!, sameTerms && added == 0 ? RowChange.Unchanged : RowChange.Updated, added);
    }

    /// <summary>Saves the pool's changes in one transaction; false, with nothing written, when a concurrent change won.</summary>
    private async Task<bool> WriteAsync(
        Season season, IReadOnlyList<Incoming> incoming, IReadOnlyList<ImportedReviewer> rows, Dictionary<string, ReviewerProfile> profiles,
        Actor actor, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        try
        {
            Apply(season, incoming, rows, profiles, actor, now);
            await db.SaveChangesAsync(cancellation);
            await roles.SyncAsync(rows.Where(r => r.Change == RowChange.Created).Select(r => incoming.Single(i => i.Line == r.Line).Account.Id), actor, "imported into the reviewer pool", cancellation);
            await db.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
            return true;
        }
        catch (DbUpdateException)
        {
            // The transaction rolls back when disposed uncommitted; the tracked changes go with it.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private void Apply(Season season, IReadOnlyList<Incoming> incoming, IReadOnlyList<ImportedReviewer> rows, Dictionary<string, ReviewerProfile> profiles, Actor actor, DateTime now)
    {
        foreach (var (person, row) in incoming.Zip(rows).Where(p => p.Second.Change != RowChange.Unchanged))
        {
            if (!profiles.TryGetValue(person.Account.Id, out var profile))
            {
                profile = new ReviewerProfile { SeasonId = season.Id, UserId = person.Account.Id };
                db.ReviewerProfiles.Add(profile);
            }

            person.Terms.ApplyTo(profile);
            foreach (var applicant in person.Conflicts.Where(c => profile.Conflicts.All(d => d.ApplicantId != c.Id)))
            {
                profile.Conflicts.Add(new DeclaredConflict { ApplicantId = applicant.Id, Reason = "imported", DeclaredAt = now });
                audit.Record(actor, "reviewer.conflict-declared", $"reviewer:{row.Email}", $"with {applicant.Email}, by an import");
            }

            audit.Record(actor, row.Change == RowChange.Created ? "reviewer.joined" : "reviewer.updated", $"reviewer:{row.Email}", $"by an import, line {row.Line}");
        }

        audit.Record(actor, "reviewers.imported", $"season:{season.Slug}", new ReviewerImportReport(false, true, rows, []).Summary);
    }
}
