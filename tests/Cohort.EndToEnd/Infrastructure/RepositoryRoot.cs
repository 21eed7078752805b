namespace Cohort.EndToEnd.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The folder holding Cohort.slnx, found by walking up from the test binaries.</summary>
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Cohort.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Cohort.slnx above {AppContext.BaseDirectory}.");
    }
}
