using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Artifacts;

public static class ArtifactsServices
{
    /// <summary>The use cases of artifacts: recording, editing and confirming them, and the mail they send.</summary>
    public static IServiceCollection AddArtifacts(this IServiceCollection services) => services.AddScopedEach(
        typeof(RecordArtifact), typeof(EditArtifact), typeof(ConfirmArtifact), typeof(ArtifactMail));
}
