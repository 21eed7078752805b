using System.Collections;
using System.Reflection;
using System.Runtime.Loader;
using Cohort.Core.Applications;
using Cohort.Tests.Shared;
using Cohort.Web.Api.V1;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.EntityFrameworkCore;
using NSwag.CodeGeneration.CSharp;

namespace Cohort.Web.Tests.Api;

/// <summary>
/// A client generated from /api/v1/openapi.json by NSwag, as a customer's tooling would, compiles, and with a token
/// lists the seasons and decides applications against the running app: the document describes the API truly.
/// </summary>
public sealed class GeneratedClientTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Namespace = "Generated.Cohort";

    [Fact]
    public async Task A_client_generated_from_the_document_reads_and_writes_with_a_token()
    {
        var client = Compile(await GenerateAsync()).GetType($"{Namespace}.CohortClient", throwOnError: true)!;
        var http = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "generated", "catalogue:read", "decisions:write"));
        var api = Activator.CreateInstance(client, http)!;
        var submitted = await app.WithDbAsync(async db => await ReviewPool.ApplicationAsync(db, await ReviewPool.PersonAsync(db, "generated@uni.example")));

        var page = await CallAsync(api, "ListSeasonsAsync", null, null, true);
        var decide = Operation(api, "DecideApplicationsAsync");
        var decided = await CallAsync(api, "DecideApplicationsAsync", null, Request(decide.GetParameters().Last().ParameterType, submitted));

        var seasons = (IEnumerable)Property(page, "Items");
        Assert.True(Assert.Single(seasons.Cast<object>()) is var season && (bool)Property(season, "IsCurrent"));
        Assert.Equal(1, Property(decided, "Decided"));
        Assert.Equal(ApplicationState.Waitlisted, await app.WithDbAsync(db => db.Applications.Where(a => a.Id == submitted).Select(a => a.State).SingleAsync()));
    }

    private async Task<string> GenerateAsync()
    {
        var json = await ApiTokens.Client(app, null).GetStringAsync(ApiV1Document.Path);
        var document = await NSwag.OpenApiDocument.FromJsonAsync(json);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "CohortClient",
            UseBaseUrl = false,
            GenerateClientInterfaces = false,
            CSharpGeneratorSettings = { Namespace = Namespace, JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson },
        };
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    /// <summary>Compiles the generated code in memory against the assemblies this test runs with.</summary>
    private static Assembly Compile(string code)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("GeneratedCohortClient", [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return new AssemblyLoadContext("generated-client", isCollectible: true).LoadFromStream(image);
    }

    /// <summary>The generated body of a decision (NSwag names it), filled in by its properties' names.</summary>
    private static object Request(Type body, int applicationId)
    {
        var request = Activator.CreateInstance(body)!;
        request.GetType().GetProperty("Stage")!.SetValue(request, "general");
        request.GetType().GetProperty("Decision")!.SetValue(request, "waitlist");
        var ids = request.GetType().GetProperty("ApplicationIds")!;
        ids.SetValue(request, Activator.CreateInstance(typeof(List<>).MakeGenericType(ids.PropertyType.GetGenericArguments()[0])));
        ((IList)ids.GetValue(request)!).Add(Convert.ChangeType(applicationId, ids.PropertyType.GetGenericArguments()[0], System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }

    /// <summary>Calls the generated operation named <paramref name="name"/> (the overload without a CancellationToken) and returns its result.</summary>
    private static async Task<object> CallAsync(object api, string name, params object?[] arguments)
    {
        var method = Operation(api, name);
        var task = (Task)method.Invoke(api, [.. arguments.Take(method.GetParameters().Length)])!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task)!;
    }

    private static MethodInfo Operation(object api, string name) =>
        api.GetType().GetMethods().Single(m => m.Name == name && m.GetParameters().All(p => p.ParameterType != typeof(CancellationToken)));

    private static object Property(object value, string name) => value.GetType().GetProperty(name)!.GetValue(value)!;
}
