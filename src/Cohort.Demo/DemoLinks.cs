using Cohort.Core.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Demo;

/// <summary>The links the demo's mail carries: the web host's, or, from the command line (`cohort seed demo`), which knows no public address, the page's path alone.</summary>
internal static class DemoLinks
{
    public static IAppLinks Of(IServiceProvider services) => services.GetService<IAppLinks>() ?? new PathLinks();

    private sealed class PathLinks : IAppLinks
    {
        public string Link(string path) => path;
    }
}
