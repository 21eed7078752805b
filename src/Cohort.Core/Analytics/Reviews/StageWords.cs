using Cohort.Core.Catalogue;

namespace Cohort.Core.Analytics.Reviews;

/// <summary>What a selection stage's subjects are called in a chart's title and description.</summary>
internal static class StageWords
{
    public static string Subjects(StageKind stage) => stage switch
    {
        StageKind.General => "general applications",
        StageKind.Assessment => "assessment-stage applications",
        StageKind.Streams => "stream applications",
        _ => "extension applications",
    };
}
