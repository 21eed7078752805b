namespace Cohort.Core.Catalogue;

/// <summary>
/// A record the public pages show to visitors: the catalogue (seasons, tracks, stages, streams, mentors), key dates,
/// the FAQ, the general application's window and the blind-review settings. Adding, changing or removing one
/// changes the <see cref="PublicContentStamp"/> in the same save.
/// </summary>
public interface IPublicContent;

/// <summary>
/// The single row whose value changes, in the same save, whenever any <see cref="IPublicContent"/> record is saved, by
/// any process: the web app, the CLI's import, the demo seed. Each web instance keeps its cached public pages under
/// the value it last saw (<see cref="PublicContentVersion"/>), so a change made anywhere retires them everywhere.
/// </summary>
public sealed class PublicContentStamp
{
    public const int OnlyId = 1;

    public int Id { get; set; }
    public Guid Value { get; set; }
}
