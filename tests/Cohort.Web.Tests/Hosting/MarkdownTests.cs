using AngleSharp;
using AngleSharp.Dom;
using Cohort.Web.Hosting;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cohort.Web.Tests.Hosting;

public sealed class MarkdownTests
{
    private static IDocument Rendered(string markdown)
    {
        using var writer = new StringWriter();
        Markdown.Render(markdown).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(writer.ToString())).GetAwaiter().GetResult();
    }

    /// <summary>Every address in the rendered HTML, decoded and resolved as a browser would (AngleSharp's URL parser).</summary>
    internal static IEnumerable<(string Attribute, string Value, string Scheme)> Addresses(string markdown)
    {
        var page = new AngleSharp.Dom.Url("https://cohort.test/streams/page");
        foreach (var element in Rendered(markdown).All)
        {
            foreach (var attribute in element.Attributes.Where(a => a.Name is "href" or "src" or "action" or "formaction" or "poster" or "srcset" or "xlink:href"))
            {
                yield return (attribute.Name, attribute.Value, new AngleSharp.Dom.Url(page, attribute.Value).Scheme);
            }
        }
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](&#x6A;&#x61;vascript&#x3A;alert(1))")]
    [InlineData("[click](javascript&colon;alert(1))")]
    [InlineData("[click](java&Tab;script:alert(1))")]
    [InlineData("[click](java&NewLine;script:alert(1))")]
    [InlineData("[click](< javascript:alert(1)>)")]
    [InlineData("[click](&#1;javascript:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](file:///etc/passwd)")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("[ref]\n\n[ref]: JAVASCRIPT:alert(1) \"a title\"")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<vbscript:msgbox(1)>")]
    [InlineData("ftp://files.example.org/cv.pdf")]
    public void A_link_with_a_forbidden_scheme_is_dropped_and_its_text_kept(string markdown)
    {
        var document = Rendered(markdown);

        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.Empty(Addresses(markdown));
        Assert.NotEqual("", document.Body!.TextContent.Trim());
    }

    [Theory]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)")]
    [InlineData("![x][pic]\n\n[pic]: data:image/png;base64,iVBORw0KGgo=")]
    public void An_image_with_a_forbidden_scheme_is_dropped(string markdown)
    {
        Assert.Empty(Rendered(markdown).QuerySelectorAll("img"));
    }

    [Theory]
    [InlineData("[site](https://example.org/a?b=c)", "https://example.org/a?b=c")]
    [InlineData("[site](HTTP://example.org/)", "HTTP://example.org/")]
    [InlineData("[mail](mailto:fellowship@example.org)", "mailto:fellowship@example.org")]
    [InlineData("[streams](/streams)", "/streams")]
    [InlineData("[faq](faq#dates)", "faq#dates")]
    [InlineData("[odd](streams/a:b)", "streams/a:b")]
    [InlineData("<https://example.org/x>", "https://example.org/x")]
    [InlineData("<fellowship@example.org>", "mailto:fellowship@example.org")]
    [InlineData("See www.example.org today", "http://www.example.org")]
    [InlineData("[ref]\n\n[ref]: https://example.org/ref", "https://example.org/ref")]
    public void A_link_to_an_allowed_address_is_kept(string markdown, string href)
    {
        Assert.Equal(href, Assert.Single(Rendered(markdown).QuerySelectorAll("a")).GetAttribute("href"));
    }

    [Fact]
    public void An_image_at_an_https_address_is_kept()
    {
        Assert.Equal("https://example.org/p.png", Assert.Single(Rendered("![photo](https://example.org/p.png)").QuerySelectorAll("img")).GetAttribute("src"));
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_run()
    {
        var document = Rendered("<a href=\"javascript:alert(1)\">x</a> <script>alert(1)</script>");

        Assert.Empty(document.QuerySelectorAll("a, script"));
    }

    [Property(Arbitrary = [typeof(LinkyMarkdown)], MaxTest = 500)]
    public void No_rendered_markdown_links_to_a_scheme_outside_http_https_and_mailto(string markdown)
    {
        var forbidden = Addresses(markdown).Where(a => a.Scheme is not ("http" or "https" or "mailto")).ToList();

        Assert.True(forbidden.Count == 0, $"{markdown}\n=> {string.Join(", ", forbidden)}");
    }
}

/// <summary>
/// Markdown full of links in every form CommonMark knows (inline, angle-bracketed, reference, image, autolink,
/// bare URL), whose addresses mix dangerous and harmless schemes disguised the ways browsers forgive: character
/// references, mixed case, tabs and line breaks, leading controls. Plus arbitrary text between them.
/// </summary>
public static class LinkyMarkdown
{
    private static readonly string[] Schemes = ["javascript", "JaVaScRiPt", "vbscript", "data", "file", "ftp", "blob", "x-cohort", "http", "https", "mailto", "MailTo", ""];
    private static readonly string[] Colons = [":", ":", "&colon;", "&#58;", "&#x3A;", "%3A", "\\:"];
    private static readonly string[] Rests = ["alert(1)", "//example.org/x", "text/html;base64,PHNjcmlwdD4=", "someone@example.org", "/streams", "%0aalert(1)", ""];
    private static readonly string[] Leads = ["", "", " ", "&#1;", "&#0;", "&#32;", "&Tab;", "\u00a0", "&#x0A;"];

    // One character of the scheme, possibly disguised as a character reference or split by a tab or line break.
    private static Gen<string> Disguised(char c) => Gen.Frequency(
        (6, Gen.Constant(c.ToString())),
        (1, Gen.Constant($"&#{(int)c};")),
        (1, Gen.Constant($"&#x{(int)c:X};")),
        (1, Gen.Elements("&Tab;", "&NewLine;", "&#9;", "&#13;").Select(split => split + c)));

    private static readonly Gen<string> Url =
        from lead in Gen.Elements(Leads)
        from scheme in Gen.Elements(Schemes)
        from letters in Gen.CollectToArray(scheme, Disguised)
        from colon in Gen.Elements(Colons)
        from rest in Gen.Elements(Rests)
        select lead + string.Concat(letters) + (scheme.Length == 0 ? "" : colon) + rest;

    private static readonly Gen<string> Link =
        from url in Url
        from text in Gen.Elements("click", "*bold*", "`code`", "![inner](" + "javascript:x)", "")
        from form in Gen.Choose(0, 8)
        select form switch
        {
            0 => $"[{text}]({url})",
            1 => $"[{text}](<{url}>)",
            2 => $"![{text}]({url})",
            3 => $"<{url}>",
            4 => $"[{text}][r]\n\n[r]: {url}\n",
            5 => $"[r]\n\n[r]: <{url}> \"title\"\n",
            6 => $"![r]\n\n[r]: {url}\n",
            7 => $"[{text}]({url} 'title')",
            _ => $" {url} ",
        };

    public static Arbitrary<string> Markdown() =>
        Gen.Frequency(
            (5, Link),
            (1, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)),
            (1, Gen.Elements("\n\n", " ", "* ", "> ", "| a | b |\n|---|---|\n| ", "\\")))
        .ListOf().Select(parts => string.Concat(parts)).ToArbitrary();
}
