using Cohort.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Pages.Account;

/// <summary>
/// A signed-in person sees and changes the time zone their account records: pages show times in it (before the
/// browser's own zone takes over) and mail names it beside UTC. Sign-up records the browser's zone; this page is for
/// everyone else (invited accounts, older accounts) and for a move.
/// </summary>
public class TimeZoneModel(UserManager<CohortUser> users) : PageModel
{
    /// <summary>The chosen IANA name; empty for none (UTC).</summary>
    [BindProperty] public string? Zone { get; set; }

    public IReadOnlyList<TimeZoneInfo> Zones { get; } = TimeZones.All();

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Zone = user.TimeZoneId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var chosen = TimeZones.Normalise(Zone);
        if (chosen is null && !string.IsNullOrWhiteSpace(Zone))
        {
            ModelState.AddModelError(nameof(Zone), $"“{Zone}” is not a time zone Cohort knows; choose one from the list.");
            return Page();
        }

        user.TimeZoneId = chosen;
        await users.UpdateAsync(user);
        TempData["Notice"] = chosen is null ? "Times are now shown in UTC." : $"Times are now shown in {chosen}, with UTC on hover.";
        return RedirectToPage();
    }

    /// <summary>"Asia/Kolkata (UTC+05:30)": the name with its offset today, so a zone can be found by its offset too.</summary>
    public static string Describe(TimeZoneInfo zone, DateTime now)
    {
        var offset = zone.GetUtcOffset(now);
        return $"{zone.Id} (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})";
    }
}
