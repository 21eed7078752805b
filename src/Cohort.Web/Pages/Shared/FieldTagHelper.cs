using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cohort.Web.Pages.Shared;

/// <summary>
/// One labelled form field: <c>&lt;field asp-for="Input.Name" /&gt;</c> renders the label, the control, an optional
/// hint and the field's problems, tied together with aria-describedby, so every admin form is accessible the same way.
/// </summary>
[HtmlTargetElement("field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    public const string MarkdownHint = "Markdown; raw HTML is not allowed.";

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>"markdown" or "text" for a text area; otherwise the control follows the property's type.</summary>
    [HtmlAttributeName("kind")]
    public string? Kind { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var hint = Kind == "markdown" ? MarkdownHint : Hint;
        var problems = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).ToList()
            : [];

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field");
        output.Content.AppendHtml(generator.GenerateLabel(ViewContext, For.ModelExplorer, For.Name, labelText: null, htmlAttributes: null));

        var control = await ControlAsync(context);
        var describedBy = new List<string>();
        if (hint is not null)
        {
            describedBy.Add($"{id}-hint");
        }

        if (problems.Count > 0)
        {
            describedBy.Add($"{id}-problem");
            control.Attributes.SetAttribute("aria-invalid", "true");
        }

        if (describedBy.Count > 0)
        {
            control.Attributes.SetAttribute("aria-describedby", string.Join(' ', describedBy));
        }

        output.Content.AppendHtml(control);
        if (hint is not null)
        {
            output.Content.AppendHtml($"<p class=\"hint\" id=\"{id}-hint\">").Append(hint).AppendHtml("</p>");
        }

        if (problems.Count > 0)
        {
            output.Content.AppendHtml($"<p class=\"problem\" id=\"{id}-problem\">").Append(string.Join(" ", problems)).AppendHtml("</p>");
        }
    }

    // The built-in tag helpers already pick the input type, format values and add validation attributes; reuse them.
    private async Task<TagHelperOutput> ControlAsync(TagHelperContext context)
    {
        TagHelper helper = Items is not null
            ? new SelectTagHelper(generator) { For = For, Items = Items, ViewContext = ViewContext }
            : Kind is "markdown" or "text"
                ? new TextAreaTagHelper(generator) { For = For, ViewContext = ViewContext }
                : new InputTagHelper(generator) { For = For, ViewContext = ViewContext };
        var tagName = helper switch
        {
            SelectTagHelper => "select",
            TextAreaTagHelper => "textarea",
            _ => "input",
        };
        var attributes = new TagHelperAttributeList();
        if (tagName == "textarea")
        {
            attributes.Add("rows", Kind == "markdown" ? "8" : "3");
        }

        var inner = new TagHelperContext(tagName, new TagHelperAttributeList(), context.Items, context.UniqueId + tagName);
        var control = new TagHelperOutput(tagName, attributes, (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()))
        {
            TagMode = tagName == "input" ? TagMode.SelfClosing : TagMode.StartTagAndEndTag,
        };
        helper.Init(inner);
        await helper.ProcessAsync(inner, control);
        return control;
    }
}
