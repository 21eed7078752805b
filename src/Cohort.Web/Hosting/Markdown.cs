using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Cohort.Web.Hosting;

/// <summary>
/// Renders the Markdown that admins and mentors write and applicants read. Raw HTML is disabled, so a stream
/// description can never carry a script or a form onto a public page; and a link or image whose address is not
/// http, https, mailto or relative is written as its text alone (see <see cref="LinkSchemes"/>), so
/// <c>[x](javascript:...)</c> is only the word x.
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    public static IHtmlContent Render(string? markdown)
    {
        var document = Markdig.Markdown.Parse(markdown ?? "", Pipeline);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        // Checked where the address is written rather than by editing the parsed document: every link form
        // (inline, reference, image, autolink, bare URL) reaches one of these two renderers with its final address.
        var links = renderer.ObjectRenderers.FindExact<LinkInlineRenderer>()!;
        var autolinks = renderer.ObjectRenderers.FindExact<AutolinkInlineRenderer>()!;
        renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkRenderer(links));
        renderer.ObjectRenderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkRenderer(autolinks));
        renderer.Render(document);
        return new HtmlString(writer.ToString());
    }

    // A refused link keeps its text, and a refused image its alt text, so no words are lost, only the address.
    private sealed class SafeLinkRenderer(LinkInlineRenderer allowed) : HtmlObjectRenderer<LinkInline>
    {
        protected override void Write(HtmlRenderer renderer, LinkInline link)
        {
            if (LinkSchemes.IsAllowed(link.GetDynamicUrl?.Invoke() ?? link.Url))
            {
                allowed.Write(renderer, link);
            }
            else
            {
                renderer.WriteChildren(link);
            }
        }
    }

    private sealed class SafeAutolinkRenderer(AutolinkInlineRenderer allowed) : HtmlObjectRenderer<AutolinkInline>
    {
        protected override void Write(HtmlRenderer renderer, AutolinkInline link)
        {
            // An e-mail autolink is written as mailto: by Markdig itself.
            if (link.IsEmail || LinkSchemes.IsAllowed(link.Url))
            {
                allowed.Write(renderer, link);
            }
            else
            {
                renderer.WriteEscape(link.Url);
            }
        }
    }
}
