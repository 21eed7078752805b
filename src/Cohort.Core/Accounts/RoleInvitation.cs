using Cohort.Core.Data;

namespace Cohort.Core.Accounts;

/// <summary>The role an invitation grants, with the profile it binds: a mentor's, or a place in the reviewer pool.</summary>
public enum InvitedRole
{
    Mentor,
    Reviewer,
}

public enum InvitationState
{
    Pending,
    Expired,
    Accepted,
    Revoked,
}

/// <summary>
/// An admin's one-time invitation, sent by mail, to become a season's mentor or reviewer. Whoever opens its link
/// proves they hold the mailbox, so accepting creates (or binds) the account of that address and gives the role.
/// Only a hash of the token is kept: the database alone lets nobody accept.
/// </summary>
public class RoleInvitation : IVersioned
{
    public const int TokenHashLength = 64;

    public int Id { get; set; }
    public int SeasonId { get; set; }
    public InvitedRole Role { get; set; }

    /// <summary>The address the invitation went to, as the admin typed it; only its account may accept.</summary>
    public required string Email { get; set; }

    /// <summary>SHA-256 of the token, in hex; see <see cref="InvitationToken"/>.</summary>
    public required string TokenHash { get; set; }

    /// <summary>When the current link was sent: a resend makes a new link and moves this.</summary>
    public DateTime SentAt { get; set; }

    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }

    /// <summary>The account that accepted, created or bound then.</summary>
    public string? AcceptedById { get; set; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>For <see cref="InvitedRole.Mentor"/>: the mentor profile the account is linked to on acceptance.</summary>
    public int? MentorId { get; set; }

    /// <summary>For <see cref="InvitedRole.Reviewer"/>: the pool profile made on acceptance.</summary>
    public ReviewerTerms? Reviewer { get; set; }

    public int Version { get; set; }

    public InvitationState StateAt(DateTime now) =>
        RevokedAt is not null ? InvitationState.Revoked
        : AcceptedAt is not null ? InvitationState.Accepted
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Pending;
}

/// <summary>What an admin settles for a reviewer of the pool: the same fields as <see cref="Review.ReviewerProfile"/>.</summary>
public sealed record ReviewerTerms(string Organisation, string ExpertiseText, string InterestsText, int MinLoad, int MaxLoad)
{
    public void ApplyTo(Review.ReviewerProfile profile)
    {
        profile.Organisation = Organisation;
        profile.ExpertiseText = ExpertiseText;
        profile.InterestsText = InterestsText;
        profile.MinLoad = MinLoad;
        profile.MaxLoad = MaxLoad;
    }
}
