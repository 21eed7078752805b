namespace Cohort.Web.Pages.Admin;

/// <summary>
/// The step before an action that cannot be undone (publishing offers, rejecting many applications): what will
/// happen, in numbers, and a form that posts the same request again with <see cref="Field"/> set. The handler acts
/// only when that field is present, so a request without the step (a stale form, a script) changes nothing.
/// Plain HTML, so it works without JavaScript.
/// </summary>
public sealed record ActionConfirmation(string Title, string WhatHappens, string ConfirmLabel, string CancelHref, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    /// <summary>The form field that says the person saw this confirmation; handlers bind it as <c>bool confirmed</c>.</summary>
    public const string Field = "confirmed";
}
