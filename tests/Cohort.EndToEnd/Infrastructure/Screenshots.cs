namespace Cohort.EndToEnd.Infrastructure;

/// <summary>
/// Where the tests write the screenshots the docs show. A test run writes to artifacts/screenshots, so running the
/// tests never dirties the work tree; with COHORT_UPDATE_SCREENSHOTS=1 they replace the committed ones under docs/screenshots.
/// </summary>
public static class Screenshots
{
    public static bool Updating => Environment.GetEnvironmentVariable("COHORT_UPDATE_SCREENSHOTS") == "1";

    /// <param name="subfolder">A folder below the screenshots folder, e.g. "tour", or null for the folder itself.</param>
    public static string Folder(string? subfolder = null)
    {
        var root = Updating
            ? Path.Combine(RepositoryRoot.Find(), "docs", "screenshots")
            : Path.Combine(RepositoryRoot.Find(), "artifacts", "screenshots");
        var folder = subfolder is null ? root : Path.Combine(root, subfolder);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
