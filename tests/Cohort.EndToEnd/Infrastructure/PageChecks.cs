using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>
/// What every page a journey visits must be: its main content fits the window (nothing scrolls sideways), it shows
/// no error it was not expected to, and axe finds no serious or critical accessibility violation. The layout and error
/// checks run on every page; axe runs once per <see cref="AxeCoverage">kind of page</see> at each viewport in a run.
/// </summary>
public static class PageChecks
{
    /// <summary>
    /// How the app shows an error: the problem summary of a refused form (_Problems.cshtml, class "problem", role
    /// alert), a refusal banner, ASP.NET's validation messages, and the error and status pages.
    /// </summary>
    private const string ErrorSelector = ".problem, [role=alert], .validation-summary-errors, .field-validation-error";

    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>Fails with every fault found on the page now open, each naming the page and the viewport.</summary>
    /// <param name="expectedProblems">Selectors of problem banners this page is expected to show, e.g. "#needs-reviewers".</param>
    /// <param name="documentStatus">The HTTP status the page's document came with.</param>
    public static async Task AssertHealthyAsync(IPage page, Viewport viewport, int? documentStatus, string? documentType, IReadOnlyCollection<string> expectedProblems)
    {
        var faults = new List<string>();
        if (documentStatus >= 400)
        {
            faults.Add($"the page came with HTTP {documentStatus}");
        }

        if (documentType is not null && documentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            faults.Add($"the page is {documentType}, not a page a person can read (raw ProblemDetails?)");
        }

        var layout = JsonSerializer.Deserialize<Layout>(
            await page.EvaluateAsync<string>(LayoutScript, new { errors = ErrorSelector, expected = string.Join(", ", expectedProblems) }))!;
        if (layout.DocumentWidth > layout.ViewportWidth + 1)
        {
            faults.Add($"the page scrolls sideways: {layout.DocumentWidth}px of content in a {layout.ViewportWidth}px window; widest: {layout.Widest}");
        }

        if (layout.MainWidth > layout.ViewportWidth + 1 || layout.MainScrollWidth > layout.MainWidth + 1)
        {
            faults.Add($"main is wider than the window: {layout.MainScrollWidth}px of content in {layout.MainWidth}px, window {layout.ViewportWidth}px; widest: {layout.Widest}");
        }

        if (layout.Title == "Something went wrong")
        {
            faults.Add("the page is the error page");
        }

        faults.AddRange(layout.Errors.Select(e => $"an error banner shows: \"{e}\""));

        if (AxeCoverage.FirstVisit(page.Url, viewport, layout.Elements))
        {
            foreach (var violation in await Axe.ViolationsAsync(page, BlockingImpacts))
            {
                foreach (var node in violation.Nodes)
                {
                    faults.Add($"axe {violation.Impact} {violation.Id} ({violation.Help}) at {node.Target}: {Shorten(node.Html)}");
                }
            }
        }

        if (faults.Count > 0)
        {
            var message = new StringBuilder($"{page.Url} at {viewport} (\"{layout.Title}\"):");
            foreach (var fault in faults)
            {
                message.Append("\n  - ").Append(fault);
            }

            Assert.Fail(message.ToString());
        }
    }

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";

    // Widths in CSS pixels. "Widest" names the element that sticks out furthest to the right, to say where to look.
    // "Elements" is every kind of element the page shows (tag, role, type and classes; text left out), each once, for AxeCoverage.
    private const string LayoutScript = """
        ({ errors, expected }) => {
            const main = document.querySelector('main');
            const viewportWidth = document.documentElement.clientWidth;
            let widest = '', right = viewportWidth;
            const kinds = new Set();
            for (const element of document.body.querySelectorAll('*')) {
                kinds.add(element.tagName.toLowerCase() + '[' + (element.getAttribute('role') ?? '') + '][' + (element.getAttribute('type') ?? '') + '].'
                    + (typeof element.className === 'string' ? element.className.trim().split(/\s+/).sort().join('.') : '')
                    + (element.hidden || element.getAttribute('aria-hidden') === 'true' ? ':hidden' : ''));
                const box = element.getBoundingClientRect();
                if (box.width > 0 && box.right > right + 1) {
                    right = box.right;
                    widest = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\s+/).join('.') : '') + ' reaching ' + Math.round(box.right) + 'px';
                }
            }
            const shown = [...document.querySelectorAll(errors)]
                .filter(e => !(expected && e.matches(expected)) && e.checkVisibility() && e.innerText.trim().length > 0)
                .filter((e, _, all) => !all.some(other => other !== e && other.contains(e)))
                .map(e => e.innerText.trim().replace(/\s+/g, ' '));
            return JSON.stringify({
                title: document.querySelector('h1')?.innerText.trim() ?? document.title,
                viewportWidth,
                documentWidth: document.scrollingElement.scrollWidth,
                mainWidth: main ? Math.round(main.getBoundingClientRect().width) : 0,
                mainScrollWidth: main ? main.scrollWidth : 0,
                widest,
                errors: shown,
                elements: [...kinds].sort(),
            });
        }
        """;

    private sealed record Layout(
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("viewportWidth")] int ViewportWidth,
        [property: JsonPropertyName("documentWidth")] int DocumentWidth,
        [property: JsonPropertyName("mainWidth")] int MainWidth,
        [property: JsonPropertyName("mainScrollWidth")] int MainScrollWidth,
        [property: JsonPropertyName("widest")] string Widest,
        [property: JsonPropertyName("errors")] string[] Errors,
        [property: JsonPropertyName("elements")] string[] Elements);
}
