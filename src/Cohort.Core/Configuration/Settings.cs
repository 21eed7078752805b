using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cohort.Core.Configuration;

/// <summary>
/// The one way Cohort reads a settings section: bound, then checked when the host starts (ValidateOnStart), every
/// problem a sentence that names the setting by its full key (e.g. <c>Mail:SmtpPort</c>) so an operator knows what
/// to fix. A value the binder cannot convert (a word for a number, an unknown enum name) is such a problem too,
/// not an exception with a stack trace.
/// </summary>
public static class Settings
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, IConfigurationSection section)
        where T : class =>
        services.AddOptions<T>()
            .Configure(options => Bind(section, options))
            .ValidateOnStart();

    /// <summary>Adds a check whose every returned sentence is a problem with the settings.</summary>
    public static OptionsBuilder<T> Check<T>(this OptionsBuilder<T> builder, Func<T, IEnumerable<string>> problems)
        where T : class
    {
        builder.Services.AddSingleton<IValidateOptions<T>>(new ProblemCheck<T>(builder.Name, problems));
        return builder;
    }

    /// <summary>Adds a check that needs a service, such as the host environment.</summary>
    public static OptionsBuilder<T> Check<T, TService>(this OptionsBuilder<T> builder, Func<T, TService, IEnumerable<string>> problems)
        where T : class
        where TService : notnull
    {
        builder.Services.AddSingleton<IValidateOptions<T>>(services =>
            new ProblemCheck<T>(builder.Name, options => problems(options, services.GetRequiredService<TService>())));
        return builder;
    }

    private static void Bind<T>(IConfigurationSection section, T options)
        where T : class
    {
        var problems = UnknownEnumValues<T>(section).ToList();
        if (problems.Count == 0)
        {
            try
            {
                section.Bind(options);
            }
            catch (InvalidOperationException e)
            {
                // The binder's own sentence names the key and the value: "Failed to convert configuration value 'x' at 'Mail:SmtpPort' to type 'System.Int32'."
                problems.Add(e.Message);
            }
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(T), problems);
        }
    }

    // The binder accepts any number for an enum and names only the type when a word is wrong; listing the values
    // that are accepted is what an operator needs.
    private static IEnumerable<string> UnknownEnumValues<T>(IConfigurationSection section)
    {
        foreach (var property in typeof(T).GetProperties().Where(p => p.PropertyType.IsEnum && p.CanWrite))
        {
            var text = section[property.Name];
            if (text is not null && !(Enum.TryParse(property.PropertyType, text, ignoreCase: true, out var value)
                                      && !int.TryParse(text, out _) && Enum.IsDefined(property.PropertyType, value!)))
            {
                yield return $"{section.Path}:{property.Name} must be one of {string.Join(", ", Enum.GetNames(property.PropertyType))}; it is '{text}'.";
            }
        }
    }

    private sealed class ProblemCheck<T>(string? name, Func<T, IEnumerable<string>> problems) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
        {
            if (name is not null && name != optionsName)
            {
                return ValidateOptionsResult.Skip;
            }

            var found = problems(options).ToList();
            return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
        }
    }
}
