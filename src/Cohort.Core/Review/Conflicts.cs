namespace Cohort.Core.Review;

/// <summary>
/// What the conflict rules know about one applicant: their account, email, and the organisations they named (every
/// answer flagged <see cref="Applications.IdentityFlag.Organisation"/>, a university and an employer, say).
/// </summary>
public sealed record ApplicantFacts(string ApplicantId, string Email, params IReadOnlyList<string> Organisations);

/// <summary>What the conflict rules know about one reviewer: their account, email, organisation and declared conflicts.</summary>
public sealed record ReviewerFacts(string UserId, string Email, string Organisation, IReadOnlySet<string> DeclaredApplicantIds);

/// <summary>
/// Who may never review whom: a declared conflict, the same organisation, or the same email domain. Public mail
/// domains are not a conflict, because thousands of strangers share them.
/// </summary>
public static class Conflicts
{
    /// <summary>Mail providers anyone can sign up to; sharing one says nothing about who you work with.</summary>
    public static readonly IReadOnlySet<string> PublicMailDomains = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.net",
        "gmx.de", "web.de", "mail.com", "zoho.com", "yandex.com", "yandex.ru", "qq.com", "163.com", "fastmail.com",
        "hey.com", "tutanota.com", "duck.com",
    };

    /// <summary>Why <paramref name="reviewer"/> may not review <paramref name="applicant"/>, or null when they may.</summary>
    public static string? Between(ReviewerFacts reviewer, ApplicantFacts applicant)
    {
        if (reviewer.UserId == applicant.ApplicantId)
        {
            return "is the applicant";
        }

        if (reviewer.DeclaredApplicantIds.Contains(applicant.ApplicantId))
        {
            return "declared a conflict";
        }

        if (Normalise(reviewer.Organisation) is { Length: > 0 } organisation && applicant.Organisations.Any(o => Normalise(o) == organisation))
        {
            return "same organisation";
        }

        return Domain(reviewer.Email) is { } domain && !PublicMailDomains.Contains(domain)
            && string.Equals(domain, Domain(applicant.Email), StringComparison.OrdinalIgnoreCase)
            ? "same email domain"
            : null;
    }

    // "  Oxford   University " and "oxford university" are the same organisation.
    private static string Normalise(string organisation) =>
        string.Join(' ', organisation.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();

    private static string? Domain(string email) => email.LastIndexOf('@') is var at and >= 0 && at < email.Length - 1 ? email[(at + 1)..].Trim() : null;
}
