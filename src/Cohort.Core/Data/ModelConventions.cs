using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cohort.Core.Data;

/// <summary>Rules every entity follows, applied once rather than repeated in each configuration.</summary>
internal static class ModelConventions
{
    // Everything is stored in UTC. SQLite keeps no kind with a date, and Npgsql refuses a timestamptz whose
    // kind is not Utc, so the kind is fixed on the way in and out, for nullable times too (an API or an export that
    // serialises a time read back from SQLite must say it is UTC).
    private static readonly ValueConverter<DateTime, DateTime> Utc = new(
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public static void Apply(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }

            foreach (var property in entity.GetProperties())
            {
                if (property.ClrType == typeof(DateTime) || property.ClrType == typeof(DateTime?))
                {
                    property.SetValueConverter(Utc);
                }
            }
        }
    }
}
