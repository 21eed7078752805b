using Cohort.Core.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cohort.Core.Archive;

/// <summary>
/// The entities of the model as a season archive sees them. An entity belongs to a season when one of its foreign
/// keys points at a row that does (the <see cref="Season"/> row itself to begin with); that is found from the model,
/// so a new table hanging off the season is archived without anyone listing it. Owned types travel inside their owner.
/// </summary>
public sealed class ArchiveModel
{
    private ArchiveModel(IModel model)
    {
        var roots = model.GetEntityTypes().Where(t => !t.IsOwned()).ToList();
        var listed = ArchivedTypes.Referenced.Concat(ArchivedTypes.OfArchivedAccounts).Concat(ArchivedTypes.BySubject).Concat(ArchivedTypes.Excluded.Keys).ToHashSet();
        var season = roots.Single(t => t.ClrType == typeof(Season));

        var owned = new HashSet<IEntityType> { season };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var type in roots.Where(t => !owned.Contains(t) && !listed.Contains(t.ClrType)))
            {
                if (type.GetForeignKeys().Any(k => owned.Contains(k.PrincipalEntityType)))
                {
                    owned.Add(type);
                    grew = true;
                }
            }
        }

        SeasonOwned = PrincipalsFirst(owned);
        Referenced = ArchivedTypes.Referenced.Select(t => roots.Single(r => r.ClrType == t)).ToList();
        OfArchivedAccounts = ArchivedTypes.OfArchivedAccounts.Select(t => roots.Single(r => r.ClrType == t)).ToList();
        BySubject = ArchivedTypes.BySubject.Select(t => roots.Single(r => r.ClrType == t)).ToList();
        Archived = PrincipalsFirst([.. SeasonOwned, .. Referenced, .. OfArchivedAccounts, .. BySubject]);
        Unaccounted = roots.Where(t => !owned.Contains(t) && !listed.Contains(t.ClrType)).Select(t => t.ClrType).ToList();
        byName = Archived.ToDictionary(NameOf, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, IEntityType> byName;

    /// <summary>The season and every entity with a chain of foreign keys to it, principals before dependents.</summary>
    public IReadOnlyList<IEntityType> SeasonOwned { get; }

    public IReadOnlyList<IEntityType> Referenced { get; }
    public IReadOnlyList<IEntityType> OfArchivedAccounts { get; }
    public IReadOnlyList<IEntityType> BySubject { get; }

    /// <summary>Everything an archive holds, in the order an import inserts it: principals before dependents.</summary>
    public IReadOnlyList<IEntityType> Archived { get; }

    /// <summary>Entities neither archived nor excluded with a reason: a test keeps this empty.</summary>
    public IReadOnlyList<Type> Unaccounted { get; }

    public static ArchiveModel For(IModel model) => new(model);

    /// <summary>The entity's name in an archive: its class name, short and stable across providers.</summary>
    public static string NameOf(IEntityType type) => type.ClrType.Name;

    public IEntityType? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>The entity's table as a query, for code that knows the entity only from the model.</summary>
    public static IQueryable<object> Query(DbContext db, IEntityType type) =>
        (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;

    /// <summary>The columns an archive holds for an entity: every property but those an import regenerates.</summary>
    public static IEnumerable<IProperty> Columns(IEntityType type) =>
        type.GetProperties().Where(p => !ArchivedTypes.Regenerated.ContainsKey((type.ClrType, p.Name)));

    /// <summary>The owned references stored in the entity's row (such as a review round's last assignment cost).</summary>
    public static IEnumerable<INavigation> OwnedParts(IEntityType type) =>
        type.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection);

    /// <summary>An owned part's columns: all but its key, which is its owner's.</summary>
    public static IEnumerable<IProperty> PartColumns(IEntityType owned) => owned.GetProperties().Where(p => !p.IsPrimaryKey());

    private static List<IEntityType> PrincipalsFirst(IReadOnlyCollection<IEntityType> types)
    {
        var set = types.ToHashSet();
        var ordered = new List<IEntityType>();
        var done = new HashSet<IEntityType>();
        while (ordered.Count < set.Count)
        {
            var ready = set.Where(t => !done.Contains(t)
                    && t.GetForeignKeys().All(k => k.PrincipalEntityType == t || !set.Contains(k.PrincipalEntityType) || done.Contains(k.PrincipalEntityType)))
                .OrderBy(NameOf, StringComparer.Ordinal)
                .ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The archived entities' foreign keys form a cycle: " + string.Join(", ", set.Except(done).Select(NameOf)));
            }

            ordered.AddRange(ready);
            done.UnionWith(ready);
        }

        return ordered;
    }
}
