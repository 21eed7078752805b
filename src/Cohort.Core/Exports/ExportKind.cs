namespace Cohort.Core.Exports;

/// <summary>
/// One kind of export (applications, reviews, …): a scoped service registered with
/// <see cref="ExportsServices.AddExportKind{TKind}"/>. It builds its rows from the same Core query the
/// <c>/api/v1</c> read of its concept uses, and applies the blind view itself (its rows know which cells carry
/// identity); <see cref="Exporter"/> adds the heading, and the UI, the CLI and the API write it.
/// </summary>
public abstract class ExportKind
{
    /// <summary>The kind's slug: the CLI's argument, the API's path segment and part of the file name.</summary>
    public abstract string Name { get; }

    /// <summary>What the export holds, for people: "Applications with every answer".</summary>
    public abstract string Title { get; }

    /// <summary>The API scope a token needs to download it (<c>Core/Api/ApiScopes</c>).</summary>
    public abstract string Scope { get; }

    /// <summary>The kind's columns and rows for <paramref name="request"/>, every row of the season (or stream).</summary>
    public abstract Task<ExportRows> BuildAsync(ExportRequest request, CancellationToken cancellation);

    /// <summary>The applicant's identity columns, <c>name</c> and <c>email</c>, in the identified view; none in the blind one.</summary>
    protected static string[] IdentityColumns(ExportView view) => view == ExportView.Identified ? ["name", "email"] : [];

    /// <summary>The cells under <see cref="IdentityColumns"/>.</summary>
    protected static object?[] IdentityCells(ExportView view, string? name, string? email) => view == ExportView.Identified ? [name, email] : [];
}
