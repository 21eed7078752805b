using System.ComponentModel.DataAnnotations;

namespace Cohort.Web.Pages.Shared;

/// <summary>
/// The end of a period may not come before its start: <c>[NotBefore(nameof(Start))] End</c>; with
/// <see cref="Strictly"/> it must come after it (a stage open for no time at all is a mistake).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotBeforeAttribute(string startProperty) : ValidationAttribute
{
    public bool Strictly { get; init; }

    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        var startInfo = context.ObjectType.GetProperty(startProperty)
            ?? throw new InvalidOperationException($"{context.ObjectType.Name} has no property {startProperty}.");
        var start = startInfo.GetValue(context.ObjectInstance);
        var order = value is IComparable end && start is not null ? end.CompareTo(start) : 1;
        if (order < 0 || (Strictly && order == 0))
        {
            var startName = startInfo.GetCustomAttributes(typeof(DisplayAttribute), false).OfType<DisplayAttribute>().FirstOrDefault()?.Name ?? startProperty;
            var rule = Strictly ? "must be after" : "may not be before";
            return new ValidationResult($"{context.DisplayName} {rule} {startName}.", [context.MemberName!]);
        }

        return ValidationResult.Success;
    }
}
