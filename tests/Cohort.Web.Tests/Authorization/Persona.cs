namespace Cohort.Web.Tests.Authorization;

/// <summary>
/// Who tries every endpoint. None of them owns the objects the routes name: those belong to the owner (a demo applicant),
/// another reviewer and the coalition stream's mentors, so a persona let through proves a hole in object-level checks.
/// </summary>
public enum Persona
{
    /// <summary>Not signed in.</summary>
    Anonymous,

    /// <summary>A fresh confirmed account with the Applicant role and nothing else: no application, no attempt.</summary>
    Applicant,

    /// <summary>A demo applicant who reached stage 3 with applications of their own, none of them to the owner's stream.</summary>
    OtherApplicant,

    /// <summary>Reviewer role and a profile in the current season's pool, but no assignment.</summary>
    Reviewer,

    /// <summary>Mentor role, linked to a mentor of another stream (model-internals), not of the owner's coalition stream.</summary>
    OtherMentor,

    /// <summary>An admin: reads everything, and is tried last, with empty forms, so its changes cannot touch the other cases.</summary>
    Admin,
}
