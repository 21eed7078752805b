namespace Cohort.Core.Applications;

public static class ApplicationWindow
{
    /// <summary>Why a form does not accept answers at <paramref name="now"/>, in words an applicant understands.</summary>
    public static string Explain(ApplicationForm form, DateTime now) => now < form.OpensAt
        ? $"{form.Title} opens on {form.OpensAt:d MMMM yyyy 'at' HH:mm} UTC."
        : $"{form.Title} closed on {form.ClosesAt:d MMMM yyyy 'at' HH:mm} UTC; answers can no longer be saved or submitted.";
}
