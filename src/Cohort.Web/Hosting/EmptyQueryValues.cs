using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace Cohort.Web.Hosting;

/// <summary>
/// An empty query field means "the default", as it does to the person who left it empty. A GET form submits every
/// field it holds, empty ones too (?sort=&amp;top=), and the standard query binding reads an empty value as one that
/// is present and invalid ("The value '' is invalid" for an enum or number), so a page's own "Show" button put up a
/// banner. Dropping empty query values before binding fixes every GET form at once; posted forms are left alone,
/// where an empty required field is a real problem to report.
/// </summary>
public static class EmptyQueryValues
{
    /// <summary>After MVC has added its own factories, so the standard query one is there to replace.</summary>
    public static IServiceCollection AddEmptyQueryValuesAsDefaults(this IServiceCollection services) =>
        services.PostConfigure<MvcOptions>(mvc =>
        {
            var standard = mvc.ValueProviderFactories.OfType<QueryStringValueProviderFactory>().Single();
            mvc.ValueProviderFactories[mvc.ValueProviderFactories.IndexOf(standard)] = new NonEmptyQueryValueProviderFactory();
        });

    private sealed class NonEmptyQueryValueProviderFactory : IValueProviderFactory
    {
        public Task CreateValueProviderAsync(ValueProviderFactoryContext context)
        {
            var kept = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, values) in context.ActionContext.HttpContext.Request.Query)
            {
                var filled = values.Where(v => !string.IsNullOrWhiteSpace(v)).ToArray();
                if (filled.Length > 0)
                {
                    kept[key] = filled;
                }
            }

            if (kept.Count > 0)
            {
                context.ValueProviders.Add(new QueryStringValueProvider(BindingSource.Query, new QueryCollection(kept), CultureInfo.InvariantCulture));
            }

            return Task.CompletedTask;
        }
    }
}
