namespace Cohort.Core.Applications;

/// <summary>
/// What an answer says about who the applicant is. Every question (general, stream) and every assessment item
/// carries one. Blind review hides a flagged answer wherever the season's blind settings hide its kind, and takes its
/// words out of the applicant's other answers too; two flags also drive rules: the <see cref="DateOfBirth"/> answer is
/// checked against the season's minimum age, and the <see cref="Organisation"/> answer makes a reviewer of the same
/// organisation a conflict.
/// </summary>
public enum IdentityFlag
{
    /// <summary>Says nothing about who the applicant is (free text is still searched for their name, email and links).</summary>
    None,

    /// <summary>The applicant's name, in full or in part.</summary>
    Name,

    /// <summary>A way to reach the applicant: an email address, a phone number, a postal address, a handle.</summary>
    Contact,

    /// <summary>The applicant's university or employer.</summary>
    Organisation,

    /// <summary>The applicant's date of birth (asked as a date).</summary>
    DateOfBirth,

    /// <summary>A web address of the applicant's own (a profile, a repository, a personal site).</summary>
    Link,
}
