using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cohort.Core.Archive;

/// <summary>One row of an archive: its columns by name; an owned part is a nested row, or null.</summary>
public sealed class ArchiveRow(Dictionary<string, object?> values)
{
    public IReadOnlyDictionary<string, object?> Values => values;

    public object? this[string column] => values[column];

    /// <summary>The row's values of <paramref name="columns"/> as one comparable string; null when any is null.</summary>
    public string? KeyOf(IReadOnlyList<IProperty> columns)
    {
        var parts = new string[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            if (values[columns[i].Name] is not { } value)
            {
                return null;
            }

            parts[i] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
        }

        return string.Join('\u001f', parts);
    }
}

/// <summary>What a season holds, read from the database: each archived entity's rows in key order, and each account's roles.</summary>
public sealed record SeasonRows(Season Season, IReadOnlyDictionary<IEntityType, List<ArchiveRow>> Rows, IReadOnlyDictionary<string, List<string>> AccountRoles)
{
    /// <summary>
    /// Reads the season's rows entity by entity (<see cref="ArchiveModel"/>), then the accounts and files they refer
    /// to and every admin account (so the restored season has someone to run it), then the rows kept for those
    /// accounts or for their subject (<see cref="ArchiveSubjects"/>). Each table is read whole and filtered here, so
    /// one generic rule serves every entity; the cost is reading other seasons' rows too.
    /// </summary>
    public static async Task<SeasonRows> ReadAsync(CohortDbContext db, ArchiveModel model, Season season, CancellationToken cancellation)
    {
        var kept = new Dictionary<IEntityType, List<ArchiveRow>>();
        var keys = new KeySets(kept);
        foreach (var type in model.SeasonOwned)
        {
            kept[type] = type.ClrType == typeof(Season)
                ? await ReadAsync(db, type, row => (int)row[nameof(Season.Id)]! == season.Id, cancellation)
                : await ReadAsync(db, type, row => keys.PointsInto(type, row), cancellation);
        }

        var admins = await (from link in db.UserRoles
                            join role in db.Roles on link.RoleId equals role.Id
                            where role.Name == Roles.Admin
                            select link.UserId).ToListAsync(cancellation);
        foreach (var type in model.Referenced)
        {
            var wanted = keys.Referring(type);
            if (type.ClrType == typeof(CohortUser))
            {
                wanted.UnionWith(admins);
            }

            var primary = type.FindPrimaryKey()!.Properties;
            kept[type] = await ReadAsync(db, type, row => row.KeyOf(primary) is { } key && wanted.Contains(key), cancellation);
        }

        foreach (var type in model.OfArchivedAccounts)
        {
            kept[type] = await ReadAsync(db, type, row => keys.PointsInto(type, row), cancellation);
        }

        var names = ArchiveSubjects.Names
            .SelectMany(name => kept.Where(k => k.Key.ClrType == name.Entity).SelectMany(k => k.Value)
                .Where(row => row[name.Column] is not null)
                .Select(row => ArchiveSubjects.Name(name.Kind, row[name.Column]!)))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var type in model.BySubject)
        {
            kept[type] = await ReadAsync(db, type, row => names.Contains(ArchiveSubjects.SubjectOf(type.ClrType, row.Values)), cancellation);
        }

        var accounts = kept.Single(k => k.Key.ClrType == typeof(CohortUser)).Value.Select(row => (string)row[nameof(CohortUser.Id)]!).ToHashSet();
        var roles = (await (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id select new { link.UserId, role.Name }).ToListAsync(cancellation))
            .Where(r => accounts.Contains(r.UserId))
            .GroupBy(r => r.UserId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Name!).Order(StringComparer.Ordinal).ToList());
        return new SeasonRows(season, kept, roles);
    }

    private static async Task<List<ArchiveRow>> ReadAsync(CohortDbContext db, IEntityType type, Func<ArchiveRow, bool> keep, CancellationToken cancellation)
    {
        var rows = new List<ArchiveRow>();
        // Tracked, so that shadow properties have values; the tracker is emptied after each table.
        await foreach (var entity in ArchiveModel.Query(db, type).AsAsyncEnumerable().WithCancellation(cancellation))
        {
            var values = ValuesOf(db.Entry(entity), ArchiveModel.Columns(type));
            foreach (var part in ArchiveModel.OwnedParts(type))
            {
                var target = db.Entry(entity).Reference(part.Name).TargetEntry;
                values[part.Name] = target is null ? null : new ArchiveRow(ValuesOf(target, ArchiveModel.PartColumns(part.TargetEntityType)));
            }

            var row = new ArchiveRow(values);
            if (keep(row))
            {
                rows.Add(row);
            }
        }

        db.ChangeTracker.Clear();
        var primary = type.FindPrimaryKey()!.Properties;
        rows.Sort((a, b) => CompareKeys(a, b, primary));
        return rows;
    }

    private static Dictionary<string, object?> ValuesOf(EntityEntry entry, IEnumerable<IProperty> columns) =>
        columns.ToDictionary(p => p.Name, p => ArchiveValues.Normalise(entry.Property(p.Name).CurrentValue), StringComparer.Ordinal);

    private static int CompareKeys(ArchiveRow a, ArchiveRow b, IReadOnlyList<IProperty> key)
    {
        foreach (var column in key)
        {
            var order = (a[column.Name], b[column.Name]) switch
            {
                (string x, string y) => string.CompareOrdinal(x, y),
                var (x, y) => Comparer<object?>.Default.Compare(x, y),
            };
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    /// <summary>The key values of the rows kept so far, per entity and key, built once per key as they are asked for.</summary>
    private sealed class KeySets(Dictionary<IEntityType, List<ArchiveRow>> kept)
    {
        private readonly Dictionary<IKey, HashSet<string>> sets = [];

        /// <summary>Whether one of the row's foreign keys points at a kept row.</summary>
        public bool PointsInto(IEntityType type, ArchiveRow row) => type.GetForeignKeys()
            .Any(k => kept.ContainsKey(k.PrincipalEntityType) && row.KeyOf(k.Properties) is { } value && Of(k.PrincipalKey).Contains(value));

        /// <summary>The keys of <paramref name="principal"/> that kept rows point at.</summary>
        public HashSet<string> Referring(IEntityType principal) => kept
            .SelectMany(k => k.Key.GetForeignKeys().Where(f => f.PrincipalEntityType == principal).SelectMany(f => k.Value.Select(row => row.KeyOf(f.Properties))))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        private HashSet<string> Of(IKey key)
        {
            if (!sets.TryGetValue(key, out var set))
            {
                set = kept[key.DeclaringEntityType].Select(row => row.KeyOf(key.Properties)).OfType<string>().ToHashSet(StringComparer.Ordinal);
                sets[key] = set;
            }

            return set;
        }
    }
}
