using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Review;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Embeddings;

/// <summary>
/// The texts of the current season that affinities and suggestions compare, as the units the model embeds for
/// <see cref="SemanticMethod.Chosen"/>: each stream's description (its Markdown read as plain text), each project's
/// title and description, each submitted general application's research statement as the season's stage 1 and 2
/// rounds read it (blind: <see cref="ResearchStatement"/>), and each pool reviewer's expertise text
/// (<see cref="ExpertiseText"/>). Embedding them ahead of use (<see cref="EmbedSeasonTexts"/>) makes the pages that
/// compare them, and assignment, read vectors instead of waiting for the model.
/// </summary>
public static class SeasonTexts
{
    public static async Task<IReadOnlyList<string>> UnitsAsync(CohortDbContext db, CancellationToken cancellation)
    {
        if (await db.Seasons.AsNoTracking().CurrentAsync(cancellation) is not { Id: var seasonId })
        {
            return [];
        }

        var streams = db.Streams.Where(s => s.Track!.SeasonId == seasonId);
        var descriptions = await streams.Select(s => s.DescriptionMarkdown).ToListAsync(cancellation);
        var projects = await db.Projects.Where(p => streams.Any(s => s.Id == p.StreamId))
            .Select(p => new { p.Title, p.Description }).ToListAsync(cancellation);
        var statements = await ResearchStatement.OfSeasonAsync(db, seasonId, cancellation);
        var expertise = (await db.ReviewerProfiles.AsNoTracking().Where(p => p.SeasonId == seasonId).ToListAsync(cancellation))
            .Select(p => ExpertiseText.Of(p.ExpertiseStatement, p.Expertise));
        var texts = descriptions.Select(PlainText).Concat(projects.Select(p => $"{p.Title}.\n\n{p.Description}")).Concat(statements).Concat(expertise);
        return [.. texts.SelectMany(SemanticMethod.Chosen.UnitsOf).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Markdown as plain text, each heading, paragraph and list item its own paragraph (a blank line between), so
    /// that a heading without a full stop does not run into the sentence after it; a wrapped line joins its paragraph.
    /// </summary>
    public static string PlainText(string markdown)
    {
        var paragraphs = new List<string>();
        foreach (var block in Markdown.Parse(markdown).Descendants<LeafBlock>())
        {
            var text = new StringBuilder();
            foreach (var inline in block.Inline?.Descendants<Inline>() ?? [])
            {
                text.Append(inline switch
                {
                    LiteralInline literal => literal.Content.ToString(),
                    CodeInline code => code.Content,
                    LineBreakInline => " ",
                    _ => "",
                });
            }

            if (text.Length > 0)
            {
                paragraphs.Add(text.ToString());
            }
        }

        return string.Join("\n\n", paragraphs);
    }
}
