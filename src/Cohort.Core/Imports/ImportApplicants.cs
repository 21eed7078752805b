using System.Globalization;
using System.Net.Mail;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Catalogue.Transfer;
using Cohort.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Imports;

/// <summary>
/// Imports applicants and their submitted general applications from a form tool's CSV export (docs/decisions/imports.md).
/// Everything is checked before anything is written: the CSV itself, the mapping, every row against the form's own
/// rules (<see cref="GeneralApplicationRules"/>) and against what the season already holds. Then, unless it is a dry
/// run, the accounts, roles, applications, answers and audit entries are saved in one transaction: any problem, and
/// nothing is written. A row whose submitted application already has the same answers is unchanged, so importing a file
/// twice changes nothing the second time.
/// </summary>
public sealed class ImportApplicants(CohortDbContext db, UserManager<CohortUser> users, AccountRoles roles, AuditLog audit, TimeProvider clock)
{
    /// <summary>The most names a display name holds, as on the sign-up form.</summary>
    public const int MaxNameLength = 100;

    public const int MaxEmailLength = 254;

    private sealed record Incoming(long Line, string Email, string Name, DateTime? SubmittedAt, Dictionary<int, string> Answers);

    public async Task<ApplicantImportReport> RunAsync(ApplicantImportRequest request, Actor actor, CancellationToken cancellation = default)
    {
        var season = await db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        var form = season is null ? null : await db.ApplicationForms.AsNoTracking().Include(f => f.Questions)
            .SingleOrDefaultAsync(f => f.SeasonId == season.Id && f.Kind == FormKind.General, cancellation);
        if (season is null || form is null)
        {
            return Refused(request, [], [new ImportProblem("season", "the current season has no general application form yet: create it before importing applicants.")]);
        }

        var (table, csvProblems) = CsvTable.Read(request.Csv);
        if (table is null)
        {
            return Refused(request, [], csvProblems);
        }

        var questions = form.Questions.OrderBy(q => q.Position).ToList();
        var (columns, problems) = ColumnMapping.Resolve(table.Headers, request.Mapping, questions);
        problems.AddRange(TargetProblems(columns, questions));
        if (problems.Count > 0)
        {
            return Refused(request, columns, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var layout = new Layout(columns, questions);
        var incoming = table.Rows.Select(row => Read(table, row, layout, season, request.DateOrder, now, problems)).ToList();
        if (incoming.Count == 0)
        {
            problems.Add(new ImportProblem("line 2", "the file has a header but no rows."));
        }

        problems.AddRange(DuplicateProblems(incoming, layout.EmailHeader));
        var existing = await ExistingAsync(form, incoming, cancellation);
        var rows = new List<ImportedApplicant>();
        foreach (var person in incoming)
        {
            var (change, problem) = Compare(person, existing, layout);
            if (problem is not null)
            {
                problems.Add(new ImportProblem($"line {person.Line}, column \"{layout.EmailHeader}\"", problem));
            }

            rows.Add(new ImportedApplicant(person.Line, person.Email, person.Name, change, !existing.Accounts.ContainsKey(Normalised(person.Email))));
        }

        var notes = Notes(questions);
        if (problems.Count > 0)
        {
            return Refused(request, columns, problems, notes);
        }

        if (request.DryRun)
        {
            return new ApplicantImportReport(true, false, columns, rows, [], notes);
        }

        // A file already imported as it is changes nothing, down to the audit log.
        var refusal = rows.All(r => r.Change == RowChange.Unchanged) ? null : await WriteAsync(form, incoming, rows, existing, layout, actor, now, cancellation);
        return refusal is null
            ? new ApplicantImportReport(false, true, columns, rows, [], notes)
            : Refused(request, columns, [new ImportProblem("import", refusal)], notes);
    }

    private static ApplicantImportReport Refused(ApplicantImportRequest request, IReadOnlyList<MappedColumn> columns, IReadOnlyList<ImportProblem> problems, IReadOnlyList<string>? notes = null) =>
        new(request.DryRun, false, columns, [], problems, notes ?? []);

    /// <summary>
    /// Where each kind of value sits in the file, once the mapping is known to be sound. When the name comes from name
    /// columns and no column answers the question that asks for the name, that question takes the joined name: the
    /// person wrote it once, in the form tool, and it answers both.
    /// </summary>
    private sealed class Layout
    {
        public Layout(IReadOnlyList<MappedColumn> columns, IReadOnlyList<Question> questions)
        {
            EmailHeader = columns.Single(c => c.Target.Kind == TargetKind.Email).Header;
            NameHeaders = columns.Where(c => c.Target.Kind == TargetKind.Name).Select(c => c.Header).ToList();
            SubmittedHeader = columns.SingleOrDefault(c => c.Target.Kind == TargetKind.SubmittedAt)?.Header;
            var answers = columns.Where(c => c.Target.Kind == TargetKind.Question)
                .Select(c => (Question: questions.Single(q => q.Key == c.Target.QuestionKey), c.Header)).ToList();
            NameQuestion = NameHeaders.Count > 0 ? UnansweredNameQuestion(questions, answers.Select(a => a.Question.Key)) : null;
            if (NameQuestion is not null)
            {
                answers.Add((NameQuestion, NameHeaders[0]));
            }

            Answers = answers.OrderBy(a => a.Question.Position).ToList();
        }

        public string EmailHeader { get; }

        public IReadOnlyList<string> NameHeaders { get; }

        public string? SubmittedHeader { get; }

        /// <summary>The question answered by the joined name columns, or null.</summary>
        public Question? NameQuestion { get; }

        public IReadOnlyList<(Question Question, string Header)> Answers { get; }

        public string HeaderOf(string questionKey) => Answers.Single(a => a.Question.Key == questionKey).Header;

        public static Question? UnansweredNameQuestion(IEnumerable<Question> questions, IEnumerable<string?> mappedKeys) =>
            questions.FirstOrDefault(q => q.Identity == IdentityFlag.Name && q.Kind is QuestionKind.ShortText or QuestionKind.LongText && !mappedKeys.Contains(q.Key));
    }

    private static IEnumerable<ImportProblem> TargetProblems(IReadOnlyList<MappedColumn> columns, IReadOnlyList<Question> questions)
    {
        var keys = questions.ToDictionary(q => q.Key, StringComparer.Ordinal);
        foreach (var column in columns.Where(c => c.Target.Kind == TargetKind.Question))
        {
            if (!keys.TryGetValue(column.Target.QuestionKey!, out var question))
            {
                yield return new ImportProblem($"mapping \"{column.Header}\"",
                    $"the general application has no question \"{column.Target.QuestionKey}\"; its keys are {string.Join(", ", keys.Keys)}.");
            }
            else if (question.Kind == QuestionKind.File)
            {
                yield return new ImportProblem($"mapping \"{column.Header}\"",
                    $"\"{question.Key}\" asks for a file, which a CSV cannot carry: map this column to ignore.");
            }
        }

        foreach (var twice in columns.Where(c => c.Target.Kind is TargetKind.Email or TargetKind.SubmittedAt or TargetKind.Question)
            .GroupBy(c => c.Target).Where(g => g.Count() > 1))
        {
            yield return new ImportProblem($"column \"{twice.Last().Header}\"",
                $"{twice.Key} is also the target of {string.Join(", ", twice.SkipLast(1).Select(c => $"column \"{c.Header}\""))}: map all but one to ignore.");
        }

        if (!columns.Any(c => c.Target.Kind == TargetKind.Email))
        {
            yield return new ImportProblem("mapping", "no column is mapped to email: each applicant's account is found or made by their address.");
        }

        var mapped = columns.Where(c => c.Target.Kind == TargetKind.Question).Select(c => c.Target.QuestionKey).ToHashSet();
        if (!columns.Any(c => c.Target.Kind == TargetKind.Name) && !questions.Any(q => q.Identity == IdentityFlag.Name && mapped.Contains(q.Key)))
        {
            yield return new ImportProblem("mapping", "no column gives the applicant's name: map one to name (or several, such as first and last name, which are joined).");
        }

        var answeredByName = columns.Any(c => c.Target.Kind == TargetKind.Name) ? Layout.UnansweredNameQuestion(questions, mapped) : null;
        foreach (var question in questions.Where(q => q.Required && q.Kind != QuestionKind.File && !mapped.Contains(q.Key) && q != answeredByName))
        {
            yield return new ImportProblem("mapping", $"question \"{question.Key}\" ({question.Prompt}) is required, and no column is mapped to it.");
        }
    }

    private Incoming Read(CsvTable table, CsvRow row, Layout layout, Season season, DateOrder order, DateTime now, List<ImportProblem> problems)
    {
        string Where(string header) => $"line {row.Line}, column \"{header}\"";

        var email = table.Cell(row, layout.EmailHeader).Trim();
        if (EmailProblem(email) is { } emailProblem)
        {
            problems.Add(new ImportProblem(Where(layout.EmailHeader), emailProblem));
        }

        DateTime? submittedAt = null;
        if (layout.SubmittedHeader is { } submittedHeader)
        {
            var text = table.Cell(row, submittedHeader);
            submittedAt = ImportDates.Moment(text, order);
            var problem = text.Trim().Length == 0 ? "the time of submission is empty."
                : submittedAt is null ? ImportDates.Explain(text.Trim(), order)
                : submittedAt > now ? $"\"{text.Trim()}\" is in the future." : null;
            if (problem is not null)
            {
                problems.Add(new ImportProblem(Where(submittedHeader), problem));
            }
        }

        var name = NameOf(table, row, layout);
        var answers = new Dictionary<int, string>();
        foreach (var (question, header) in layout.Answers)
        {
            var (value, problem) = question == layout.NameQuestion ? (name, null) : AnswerOf(question, table.Cell(row, header), order);
            answers[question.Id] = value;
            if (problem is not null)
            {
                problems.Add(new ImportProblem(Where(header), problem));
            }
        }

        // The form's own rules, as the applicant's submit runs them; a date already refused above is not refused twice.
        var refusedDates = layout.Answers.Where(a => a.Question.Kind == QuestionKind.Date && problems.Any(p => p.Where == Where(a.Header))).Select(a => a.Question.Key).ToHashSet();
        problems.AddRange(GeneralApplicationRules.Check(season, layout.Answers.Select(a => a.Question), answers)
            .Where(p => !refusedDates.Contains(p.QuestionKey))
            .Select(p => new ImportProblem(Where(layout.HeaderOf(p.QuestionKey)), p.Message)));

        name = name.Length > 0 || layout.NameHeaders.Count > 0 ? name : NameAnswer(layout, answers);
        var nameHeader = layout.NameHeaders.FirstOrDefault() ?? layout.Answers.First(a => a.Question.Identity == IdentityFlag.Name).Header;
        if (name.Length == 0 && !problems.Any(p => p.Where == Where(nameHeader)))
        {
            problems.Add(new ImportProblem(Where(nameHeader), "the name is empty."));
        }
        else if (name.Length > MaxNameLength)
        {
            problems.Add(new ImportProblem(Where(nameHeader), $"the name has {name.Length} characters; the most is {MaxNameLength}."));
        }

        return new Incoming(row.Line, email, name, submittedAt, answers);
    }

    private string? EmailProblem(string email)
    {
        if (email.Length == 0)
        {
            return "the address is empty.";
        }

        if (email.Length > MaxEmailLength || !MailAddress.TryCreate(email, out var address) || address.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            return $"\"{email}\" is not an email address.";
        }

        // Accounts are named by their address; Identity allows only these characters in a name, as at sign-up.
        var allowed = users.Options.User.AllowedUserNameCharacters;
        return email.All(c => allowed.Contains(c, StringComparison.Ordinal)) ? null : $"\"{email}\" cannot be used for a Cohort account.";
    }

    /// <summary>The answer as the form stores it, from the way form tools export it; a problem when it cannot be read.</summary>
    private static (string Value, string? Problem) AnswerOf(Question question, string cell, DateOrder order)
    {
        var text = cell.Trim();
        if (text.Length == 0)
        {
            return ("", null);
        }

        switch (question.Kind)
        {
            case QuestionKind.Date:
                return ImportDates.Day(text, order) is { } day
                    ? (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : (text, ImportDates.Explain(text, order));
            case QuestionKind.MultipleChoice when !text.Contains('\n', StringComparison.Ordinal) && !question.Choices.Contains(text):
                // Google Forms and Airtable join the chosen options with commas; the form keeps one a line.
                return (string.Join('\n', text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), null);
            case QuestionKind.MultipleChoice:
                return (string.Join('\n', AnswerRules.Lines(text)), null);
            default:
                return (text, null);
        }
    }

    /// <summary>The name columns joined ("Ada" and "Lovelace" make "Ada Lovelace"), or empty when there are none.</summary>
    private static string NameOf(CsvTable table, CsvRow row, Layout layout) =>
        string.Join(' ', layout.NameHeaders.Select(h => table.Cell(row, h).Trim()).Where(part => part.Length > 0)).ReplaceLineEndings(" ");

    // Without name columns, the mapping check made sure a column answers the question that asks for the name.
    private static string NameAnswer(Layout layout, Dictionary<int, string> answers) =>
        answers[layout.Answers.First(a => a.Question.Identity == IdentityFlag.Name).Question.Id].ReplaceLineEndings(" ");

    private IEnumerable<ImportProblem> DuplicateProblems(IReadOnlyList<Incoming> incoming, string emailHeader) =>
        incoming.Where(p => p.Email.Length > 0).GroupBy(p => Normalised(p.Email)).Where(g => g.Count() > 1)
            .SelectMany(group => group.Select(person => new ImportProblem(
                $"line {person.Line}, column \"{emailHeader}\"",
                $"{person.Email} is also on line {string.Join(", ", group.Where(other => other != person).Select(other => other.Line))}: " +
                "each applicant is imported once; delete or merge the duplicate rows.")));

    private string Normalised(string email) => users.NormalizeEmail(email) ?? "";

    private sealed record Existing(Dictionary<string, CohortUser> Accounts, Dictionary<string, Application> Applications);

    private async Task<Existing> ExistingAsync(ApplicationForm form, IReadOnlyList<Incoming> incoming, CancellationToken cancellation)
    {
        var addresses = incoming.Select(p => Normalised(p.Email)).Where(e => e.Length > 0).Distinct().ToList();
        var accounts = await db.Users.Where(u => addresses.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!, cancellation);
        var ids = accounts.Values.Select(u => u.Id).ToList();
        var applications = await db.Applications.Include(a => a.Answers)
            .Where(a => a.FormId == form.Id && ids.Contains(a.ApplicantId))
            .ToDictionaryAsync(a => a.ApplicantId, cancellation);
        return new Existing(accounts, applications);
    }

    /// <summary>What the row would change, or why it may not: only a submitted application is brought up to date.</summary>
    private (RowChange Change, string? Problem) Compare(Incoming person, Existing existing, Layout layout)
    {
        if (!existing.Accounts.TryGetValue(Normalised(person.Email), out var account)
            || !existing.Applications.TryGetValue(account.Id, out var application))
        {
            return (RowChange.Created, null);
        }

        if (application.State != ApplicationState.Submitted)
        {
            return (RowChange.Unchanged, $"{person.Email} already has a general application in this season, {application.State.ToString().ToLowerInvariant()}: " +
                "an import only brings submitted applications up to date; leave this row out.");
        }

        var stored = application.Answers.ToDictionary(a => a.QuestionId, a => a.Value);
        var same = layout.Answers.All(a => stored.GetValueOrDefault(a.Question.Id, "") == person.Answers[a.Question.Id])
            && (person.SubmittedAt is null || person.SubmittedAt == application.SubmittedAt);
        return (same ? RowChange.Unchanged : RowChange.Updated, null);
    }

    private static List<string> Notes(IReadOnlyList<Question> questions) =>
        questions.Where(q => q.Kind == QuestionKind.File)
            .Select(q => $"\"{q.Key}\" ({q.Prompt}) asks for a file, which a CSV cannot carry: imported applications have no answer to it" +
                (q.Required ? ", although it is required." : "."))
            .ToList();

    private async Task<string?> WriteAsync(
        ApplicationForm form, IReadOnlyList<Incoming> incoming, IReadOnlyList<ImportedApplicant> rows, Existing existing, Layout layout,
        Actor actor, DateTime now, CancellationToken cancellation)
    {
        await roles.EnsureRolesAsync();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        try
        {
            var created = new List<CohortUser>();
            foreach (var (person, row) in incoming.Zip(rows))
            {
                if (row.Change == RowChange.Unchanged)
                {
                    continue;
                }

                var account = existing.Accounts.GetValueOrDefault(Normalised(person.Email)) ?? NewAccount(person, actor, now, created);
                if (row.Change == RowChange.Created)
                {
                    var application = new Application
                    {
                        FormId = form.Id, ApplicantId = account.Id, State = ApplicationState.Submitted,
                        SubmittedAt = person.SubmittedAt ?? now, CreatedAt = now, UpdatedAt = now,
                    };
                    application.Answers.AddRange(layout.Answers.Where(a => person.Answers[a.Question.Id].Length > 0)
                        .Select(a => new Answer { QuestionId = a.Question.Id, Value = person.Answers[a.Question.Id] }));
                    db.Applications.Add(application);
                    audit.Record(actor, "application.imported", $"user:{person.Email}", $"{form.Title}, submitted, from line {person.Line}");
                }
                else
                {
                    Update(existing.Applications[account.Id], person, layout, now);
                    audit.Record(actor, "application.updated-by-import", $"application:{existing.Applications[account.Id].Id}", $"answers from line {person.Line}");
                }
            }

            roles.GrantToNew(created, Roles.Applicant, await roles.IdOfAsync(Roles.Applicant), actor, "imported as an applicant");
            var summary = string.Join(", ", rows.GroupBy(r => r.Change).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
            audit.Record(actor, "applicants.imported", $"form:{form.Id}", $"{rows.Count} row(s): {summary}; {created.Count} new account(s)");
            await db.SaveChangesAsync(cancellation);

            // An account that existed but was not yet an applicant becomes one; only a confirmed one can (AccountRoles).
            foreach (var account in rows.Where(r => r.Change == RowChange.Created && !r.NewAccount).Select(r => existing.Accounts[Normalised(r.Email)]))
            {
                await roles.GrantAsync(account, Roles.Applicant, actor, "imported as an applicant");
            }

            await db.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
            return null;
        }
        catch (DbUpdateException)
        {
            // The transaction rolls back when disposed uncommitted; the tracked changes go with it.
            db.ChangeTracker.Clear();
            return "another change to these applicants was saved while the import ran, so nothing was imported: run the import again.";
        }
    }

    /// <summary>
    /// An applicant's account without a password, its address taken as confirmed (the programme's own form collected
    /// it): the applicant sets a password through "Forgot your password?", which mails a link to that address.
    /// </summary>
    private CohortUser NewAccount(Incoming person, Actor actor, DateTime now, List<CohortUser> created)
    {
        var account = new CohortUser
        {
            UserName = person.Email, NormalizedUserName = users.NormalizeName(person.Email),
            Email = person.Email, NormalizedEmail = Normalised(person.Email), EmailConfirmed = true,
            DisplayName = person.Name, CreatedAt = now,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(account);
        audit.Record(actor, "account.created", $"user:{person.Email}", "by an import of applicants; no password until they choose one");
        created.Add(account);
        return account;
    }

    private static void Update(Application application, Incoming person, Layout layout, DateTime now)
    {
        foreach (var (question, _) in layout.Answers)
        {
            var value = person.Answers[question.Id];
            var answer = application.Answers.SingleOrDefault(a => a.QuestionId == question.Id);
            if (answer is null && value.Length > 0)
            {
                application.Answers.Add(new Answer { QuestionId = question.Id, Value = value });
            }
            else if (answer is not null)
            {
                answer.Value = value;
            }
        }

        application.SubmittedAt = person.SubmittedAt ?? application.SubmittedAt;
        application.UpdatedAt = now;
    }
}
