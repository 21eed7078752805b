using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;

namespace Cohort.Web.Tests.Infrastructure;

/// <summary>
/// A cookie-keeping HTTP client that reads pages as a browser would and submits their forms with every field
/// the form carries, antiforgery token included. Redirects are not followed automatically, so tests can
/// assert on them; <see cref="FollowAsync"/> follows them on purpose.
/// </summary>
public sealed class Browser(HttpClient client) : IDisposable
{
    public HttpClient Client => client;

    public record Page(HttpResponseMessage Response, IDocument Document, string Url)
    {
        public int Status => (int)Response.StatusCode;
        public string Text => Document.Body?.TextContent ?? "";
        public IElement? One(string selector) => Document.QuerySelector(selector);
        public IReadOnlyList<IElement> All(string selector) => Document.QuerySelectorAll(selector).ToList();
    }

    public async Task<Page> GetAsync(string url) => await ReadAsync(await client.GetAsync(url), url);

    /// <summary>GETs <paramref name="url"/> and follows redirects, like a person clicking a link.</summary>
    public async Task<Page> OpenAsync(string url) => await FollowAsync(await client.GetAsync(url), url);

    /// <summary>
    /// Fills the form matched by <paramref name="selector"/> and submits it as its method says: a POST (following the
    /// redirect after a successful one), or for a GET form a GET of its action with the fields as the query.
    /// </summary>
    public async Task<Page> SubmitAsync(Page page, string selector, IReadOnlyDictionary<string, string> values, bool follow = true)
    {
        var form = page.Document.QuerySelector(selector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{selector}' on {page.Url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name)))
        {
            if (values.ContainsKey(input.Name!) || input.Type is "submit" or "file")
            {
                continue;
            }

            if (input.Type is "checkbox" or "radio")
            {
                if (input.IsChecked)
                {
                    fields.Add(new(input.Name!, input.Value));
                }
            }
            else
            {
                fields.Add(new(input.Name!, input.Value));
            }
        }

        foreach (var select in form.Elements.OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name) && !values.ContainsKey(s.Name!)))
        {
            fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
        }

        foreach (var area in form.Elements.OfType<IHtmlTextAreaElement>().Where(t => !string.IsNullOrEmpty(t.Name) && !values.ContainsKey(t.Name!)))
        {
            fields.Add(new(area.Name!, area.Value));
        }

        fields.AddRange(values);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.GetAttribute("action")!;
        if (string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase))
        {
            var url = action.Split('?')[0] + QueryString.Create(fields.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)));
            return follow ? await OpenAsync(url) : await GetAsync(url);
        }

        var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));
        return follow ? await FollowAsync(response, action) : await ReadAsync(response, action);
    }

    public async Task<Page> FollowAsync(HttpResponseMessage response, string url)
    {
        for (var hops = 0; hops < 5 && (int)response.StatusCode is >= 300 and < 400; hops++)
        {
            url = response.Headers.Location!.ToString();
            response.Dispose();
            response = await client.GetAsync(url);
        }

        return await ReadAsync(response, url);
    }

    public static async Task<Page> ReadAsync(HttpResponseMessage response, string url)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));
        return new Page(response, document, url);
    }

    public void Dispose() => client.Dispose();
}
