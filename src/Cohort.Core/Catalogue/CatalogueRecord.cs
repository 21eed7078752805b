using Cohort.Core.Data;

namespace Cohort.Core.Catalogue;

/// <summary>
/// What the catalogue's named records (seasons, tracks, streams, mentors) share: the slug that public addresses and
/// imports know them by, the name people read, and the version that guards an admin's edit. Not an entity of its
/// own: each kind keeps its own table.
/// </summary>
public abstract class CatalogueRecord : IVersioned, IPublicContent
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; }
}
