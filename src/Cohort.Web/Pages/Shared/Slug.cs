using System.ComponentModel.DataAnnotations;

namespace Cohort.Web.Pages.Shared;

/// <summary>A URL-safe name: lower-case letters and digits in words joined by single hyphens.</summary>
public sealed class SlugAttribute() : RegularExpressionAttribute("^[a-z0-9]+(-[a-z0-9]+)*$")
{
    public override string FormatErrorMessage(string name) =>
        $"{name} may hold only lower-case letters, digits and single hyphens between them (like 'safe-rl').";
}
