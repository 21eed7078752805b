using System.ComponentModel.DataAnnotations;
using Cohort.Core.Api;

namespace Cohort.Web.Pages.Admin;

/// <summary>
/// The API's bearer tokens: each with its prefix, scopes, expiry, last use and state. Creating one shows its secret
/// on the answer to that post, once, and never again; revoking asks first, since scripts using it stop at once.
/// </summary>
public class TokensModel(CohortDbContext db, AuditLog audit, ApiTokenList list, CreateApiToken create, RevokeApiToken revoke, TimeProvider clock)
    : AuditedPage(db, audit)
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public DateTime Now { get; private set; }

    /// <summary>The secret of the token just created: in this one response and nowhere else.</summary>
    public string? CreatedSecret { get; private set; }

    public ActionConfirmation? Confirm { get; private set; }

    [BindProperty, Required, StringLength(ApiToken.NameLength), Display(Name = "Name")]
    public string? Name { get; set; }

    [BindProperty, Display(Name = "Scopes")]
    public List<string> Scopes { get; set; } = [];

    [BindProperty, Required, DataType(DataType.Date), Display(Name = "Stops working on (UTC)")]
    public DateOnly? Expires { get; set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Expires = DefaultExpiry();
        await LoadAsync(cancellation);
    }

    /// <summary>Ninety days: long enough for a season's scripts, short enough that a forgotten token dies.</summary>
    private DateOnly DefaultExpiry() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(90));

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellation)
    {
        if (ModelState.IsValid)
        {
            var created = await create.RunAsync(User.AsActor(), Name!, Scopes, Expires!.Value, cancellation);
            if (created.Problem is not null)
            {
                ModelState.AddModelError("", created.Problem);
            }
            else
            {
                CreatedSecret = created.Secret;
                // The form is for the next token: it must not offer to create this one again under the same name.
                ModelState.Clear();
                Name = null;
                Scopes = [];
                Expires = DefaultExpiry();
            }
        }

        await LoadAsync(cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? name, bool confirmed, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return NotFound();
        }

        if (!confirmed)
        {
            Confirm = new ActionConfirmation($"Revoke the token {name}?",
                $"Every script or tool using the token {name} gets 401 from its next request. This cannot be undone; a new token would have a new secret.",
                "Revoke the token", "/admin/tokens", [new("name", name)]);
            return Page();
        }

        return RedirectWithNotice(await revoke.RunAsync(User.AsActor(), name, cancellation) ?? $"Revoked the token {name}.", "/Admin/Tokens");
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Tokens = await list.ReadAsync(cancellation);
    }
}
