using Cohort.Core.Catalogue.Transfer;

namespace Cohort.Core.Imports;

/// <summary>
/// An applicant file to import: the CSV text, the target of each column by its header (columns left out are guessed
/// from their headers), how its slashed dates are written, and whether only to report what would change.
/// </summary>
public sealed record ApplicantImportRequest(string Csv, IReadOnlyDictionary<string, string> Mapping, bool DryRun, DateOrder DateOrder = DateOrder.MonthFirst);

/// <summary>What importing a row does: a new application, new answers for a submitted one, or nothing at all.</summary>
public enum RowChange
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>One applicant of the file, by the line their row starts on; <paramref name="NewAccount"/> when no account has the address yet.</summary>
public sealed record ImportedApplicant(long Line, string Email, string Name, RowChange Change, bool NewAccount);

/// <summary>
/// What an import did, or (a dry run, or refused) would have done: every column's target, every row's change, every
/// problem by line and column, and notes on what the file cannot carry. <see cref="Written"/> is true only when the
/// import was saved; a refused import wrote nothing and lists no rows.
/// </summary>
public sealed record ApplicantImportReport(
    bool DryRun, bool Written, IReadOnlyList<MappedColumn> Columns, IReadOnlyList<ImportedApplicant> Rows,
    IReadOnlyList<ImportProblem> Problems, IReadOnlyList<string> Notes)
{
    public bool Succeeded => Problems.Count == 0;

    public int Created => Rows.Count(r => r.Change == RowChange.Created);

    public int Updated => Rows.Count(r => r.Change == RowChange.Updated);

    public int Unchanged => Rows.Count(r => r.Change == RowChange.Unchanged);

    public int NewAccounts => Rows.Count(r => r.NewAccount);

    public string Summary => $"{Created} created ({NewAccounts} new account(s)), {Updated} updated, {Unchanged} unchanged";
}
