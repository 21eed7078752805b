using Markdig;
using Microsoft.AspNetCore.Html;

namespace Cohort.Web.Hosting;

/// <summary>
/// Renders the Markdown that admins write. Raw HTML is disabled, so a stream description can never carry a
/// script or a form onto a public page; links and emphasis are all an author needs.
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    public static IHtmlContent Render(string? markdown) =>
        new HtmlString(Markdig.Markdown.ToHtml(markdown ?? "", Pipeline));
}
