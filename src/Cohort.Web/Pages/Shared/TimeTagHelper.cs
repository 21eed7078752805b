using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cohort.Web.Pages.Shared;

/// <summary>
/// The one way a page shows a moment: <c>&lt;time at="@x" format="Short" /&gt;</c> renders
/// <c>&lt;time datetime="…Z" title="… UTC" data-local data-format="…"&gt;14 January 2027, 21:00 (Asia/Kolkata)&lt;/time&gt;</c>:
/// the text in the reader's zone (<see cref="ReaderZone"/>) with the zone named, UTC on hover. local-time.js then
/// rewrites the text in the browser's own zone, again naming it; without JavaScript the server's text stands.
/// A null <see cref="At"/> renders nothing.
/// </summary>
[HtmlTargetElement("time", Attributes = "at")]
public sealed class TimeTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The moment, in UTC as everything is stored.</summary>
    public DateTime? At { get; set; }

    public TimeFormat Format { get; set; } = TimeFormat.Long;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (At is not { } at)
        {
            output.SuppressOutput();
            return;
        }

        var shown = ShownTime.Of(at, ReaderZone.Of(ViewContext.HttpContext.User), Format);
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", shown.Iso);
        output.Attributes.SetAttribute("title", shown.Utc);
        output.Attributes.SetAttribute("data-local", "");
        output.Attributes.SetAttribute("data-format", shown.Pattern);
        output.Content.SetContent(shown.Text);
    }
}
