using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Cohort.Web.Pages.Admin.Scores;

/// <summary>
/// The score table pages were the "ranking" pages until that word was kept for the match's preferences (docs/glossary.md).
/// Their old addresses, /admin/ranking/{stage} and its rounds and weights, still answer as extra routes of the same
/// pages, GET and POST alike, so bookmarks, mail and forms opened before the rename keep working; links are only
/// ever generated to /admin/scores.
/// </summary>
public static class OldRankingAddresses
{
    private const string Current = "admin/scores/";
    private const string Old = "admin/ranking/";

    public static void Add(PageRouteModel page)
    {
        foreach (var selector in page.Selectors.ToList())
        {
            if (selector.AttributeRouteModel is { Template: { } template } route && template.TrimStart('/').StartsWith(Current, StringComparison.OrdinalIgnoreCase))
            {
                page.Selectors.Add(new SelectorModel(selector)
                {
                    AttributeRouteModel = new AttributeRouteModel(route)
                    {
                        Template = "/" + Old + template.TrimStart('/')[Current.Length..],
                        SuppressLinkGeneration = true,
                    },
                });
            }
        }
    }
}
