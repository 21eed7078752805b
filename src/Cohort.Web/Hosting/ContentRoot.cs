namespace Cohort.Web.Hosting;

/// <summary>
/// The app reads its settings and views from beside its own assembly, not from the current directory. That
/// lets the current directory mean what an operator expects: `dotnet run` from the repository puts the default
/// database at ./data/cohort.db there. A host that names its own content root (the test factory) is obeyed.
/// </summary>
public static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args) =>
        args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
            ? new WebApplicationOptions { Args = args }
            : new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory };
}
