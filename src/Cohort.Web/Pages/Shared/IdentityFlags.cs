using Cohort.Core.Applications;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cohort.Web.Pages.Shared;

/// <summary>The identity flag's choices and hint, the same on the question form and the assessment item form.</summary>
public static class IdentityFlags
{
    public const string Hint = "What the answer says about who the applicant is. Blind reviewers never see a flagged answer " +
        "whose kind the blind review settings hide, and its words are taken out of the applicant's other answers. " +
        "DateOfBirth also checks the season's minimum age; Organisation also keeps reviewers of the same organisation away.";

    public static IReadOnlyList<SelectListItem> Choices { get; } =
        Enum.GetValues<IdentityFlag>().Select(f => new SelectListItem(f.ToString(), f.ToString())).ToList();
}
