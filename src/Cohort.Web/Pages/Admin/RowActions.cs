namespace Cohort.Web.Pages.Admin;

/// <summary>The Edit link and Delete button of a list row; <see cref="Label"/> tells screen readers which row they act on.</summary>
public sealed record RowActions(string EditHref, int Id, string Label);
