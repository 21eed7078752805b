using Cohort.Core.Applications;
using Cohort.Core.Data;

namespace Cohort.Core.Review;

/// <summary>
/// Which kinds of identity reviewers never see, in pages and in the API, in applications and in assessment answers.
/// One per season; a season without one hides everything that can identify, the CV included (the safe default).
/// What applicants are promised is generated from these settings (<see cref="BlindPromise"/>), so the two cannot disagree.
/// </summary>
public class BlindSettings : IVersioned, Catalogue.IPublicContent
{
    public int Id { get; set; }
    public int SeasonId { get; set; }

    /// <summary>The applicant's name, and answers flagged <see cref="IdentityFlag.Name"/>.</summary>
    public bool HideName { get; set; } = true;

    /// <summary>Email addresses (the account's and any in free text), and answers flagged <see cref="IdentityFlag.Contact"/>.</summary>
    public bool HideContact { get; set; } = true;

    /// <summary>Answers flagged <see cref="IdentityFlag.Organisation"/>: the university or employer.</summary>
    public bool HideOrganisation { get; set; } = true;

    /// <summary>Answers flagged <see cref="IdentityFlag.DateOfBirth"/>.</summary>
    public bool HideDateOfBirth { get; set; } = true;

    /// <summary>Web addresses: URL answers, link items, links in free text, and answers flagged <see cref="IdentityFlag.Link"/>.</summary>
    public bool HideUrls { get; set; } = true;

    /// <summary>
    /// Withholds the CV itself. A PDF is shown as the applicant made it and nothing in it can be redacted: a CV names
    /// its author, their contact details and their institutions, so showing it undoes every other setting.
    /// </summary>
    public bool HideCv { get; set; } = true;

    /// <summary>When the CV is shown, shows it as “CV (PDF)” rather than under the name the applicant gave the file.</summary>
    public bool HideCvFileName { get; set; } = true;

    /// <summary>Keys of further questions whose answers are hidden (e.g. "full-name", "affiliation"), one a line.</summary>
    public string HiddenQuestionKeysText { get; set; } = "";

    public int Version { get; set; }

    public IReadOnlyList<string> HiddenQuestionKeys => HiddenQuestionKeysText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when answers flagged <paramref name="flag"/> are hidden from reviewers.</summary>
    public bool Hides(IdentityFlag flag) => flag switch
    {
        IdentityFlag.Name => HideName,
        IdentityFlag.Contact => HideContact,
        IdentityFlag.Organisation => HideOrganisation,
        IdentityFlag.DateOfBirth => HideDateOfBirth,
        IdentityFlag.Link => HideUrls,
        _ => false,
    };
}

/// <summary>
/// One part of a stage's composite score and its weight: a stage 2 assessment's score, or a review round's
/// calibrated score. Weights are relative; a stage's composite is the weighted mean of its parts.
/// </summary>
public class ScoreWeight : IVersioned
{
    public int Id { get; set; }
    public int SeasonId { get; set; }
    public Catalogue.StageKind Stage { get; set; }

    /// <summary>Set for an assessment's score.</summary>
    public int? AssessmentId { get; set; }

    /// <summary>Set for a review round's calibrated score.</summary>
    public int? RoundId { get; set; }

    public double Weight { get; set; }
    public int Version { get; set; }
}
