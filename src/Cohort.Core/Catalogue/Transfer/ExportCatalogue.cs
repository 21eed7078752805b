using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Catalogue.Transfer;

/// <summary>Reads a season's catalogue into its portable form, for `cohort export catalogue` and the admin download.</summary>
public sealed class ExportCatalogue(CohortDbContext db)
{
    public async Task<CatalogueDocument?> CurrentSeasonAsync(CancellationToken cancellation = default)
    {
        var current = await db.Seasons.CurrentAsync(cancellation);
        if (current is null)
        {
            return null;
        }

        var season = await db.Seasons.AsNoTracking()
            .Include(s => s.Tracks.OrderBy(t => t.Id)).ThenInclude(t => t.Stages.OrderBy(x => x.Position))
            .Include(s => s.Mentors.OrderBy(m => m.Slug))
            .Include(s => s.KeyDates.OrderBy(d => d.At))
            .Include(s => s.Faq.OrderBy(f => f.Position))
            
            .SingleAsync(s => s.Id == current.Id, cancellation);
        var streams = await db.Streams.AsNoTracking().OfSeason(season.Id).ToListAsync(cancellation);

        return new CatalogueDocument
        {
            Season = new SeasonDocument
            {
                Slug = season.Slug, Name = season.Name, Tagline = season.Tagline, Summary = season.SummaryMarkdown,
                ProgrammeStart = season.ProgrammeStart, ProgrammeEnd = season.ProgrammeEnd,
                MinimumAge = season.MinimumAge, Eligibility = season.EligibilityMarkdown,
            },
            Tracks = season.Tracks.Select(t => new TrackDocument
            {
                Slug = t.Slug, Name = t.Name, Summary = t.SummaryMarkdown, Methods = t.MethodsMarkdown, Audience = t.AudienceMarkdown,
                Stages = t.Stages.Select(s => new StageDocument { Kind = StageKinds.Name(s.Kind), Name = s.Name, Description = s.DescriptionMarkdown, OpensAt = s.OpensAt, ClosesAt = s.ClosesAt }).ToList(),
            }).ToList(),
            Mentors = season.Mentors.Select(m => new MentorDocument { Slug = m.Slug, Name = m.Name, Affiliation = m.Affiliation, Bio = m.BioMarkdown, Email = m.Email }).ToList(),
            Streams = streams.Select(ToDocument).ToList(),
            KeyDates = season.KeyDates.Select(d => new KeyDateDocument { Title = d.Title, At = d.At, Description = d.Description }).ToList(),
            Faq = season.Faq.Select(f => new FaqDocument { Question = f.Question, Answer = f.AnswerMarkdown }).ToList(),
        };
    }

    private static StreamDocument ToDocument(ResearchStream s) => new()
    {
        Slug = s.Slug, Track = s.Track!.Slug, Name = s.Name, Tagline = s.Tagline, Topic = s.Topic,
        Location = StreamLocations.Name(s.Location), City = s.City, Capacity = s.Capacity,
        Description = s.DescriptionMarkdown, MentorshipStructure = s.MentorshipStructureMarkdown,
        DesiredCharacteristics = s.DesiredCharacteristicsMarkdown, ProjectSelection = s.ProjectSelectionMarkdown,
        FollowUps = s.FollowUps, Mentors = s.Mentors.OrderBy(m => m.Position).Select(m => m.Mentor!.Slug).ToList(),
    };
}
