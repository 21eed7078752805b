using System.ComponentModel.DataAnnotations;

namespace Cohort.Web.Admin;

/// <summary>The end of a period may not come before its start: <c>[NotBefore(nameof(Start))] End</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotBeforeAttribute(string startProperty) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        var startInfo = context.ObjectType.GetProperty(startProperty)
            ?? throw new InvalidOperationException($"{context.ObjectType.Name} has no property {startProperty}.");
        var start = startInfo.GetValue(context.ObjectInstance);
        if (value is IComparable end && start is not null && end.CompareTo(start) < 0)
        {
            var startName = startInfo.GetCustomAttributes(typeof(DisplayAttribute), false).OfType<DisplayAttribute>().FirstOrDefault()?.Name ?? startProperty;
            return new ValidationResult($"{context.DisplayName} may not be before {startName}.", [context.MemberName!]);
        }

        return ValidationResult.Success;
    }
}
