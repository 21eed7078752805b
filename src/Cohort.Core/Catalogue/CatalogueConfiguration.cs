using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Catalogue;

internal sealed class SeasonConfiguration : IEntityTypeConfiguration<Season>
{
    public void Configure(EntityTypeBuilder<Season> season)
    {
        season.HasIndex(s => s.Slug).IsUnique();
        season.Property(s => s.Slug).HasMaxLength(80);
        season.Property(s => s.Name).HasMaxLength(200);
        season.HasMany(s => s.Tracks).WithOne(t => t.Season).HasForeignKey(t => t.SeasonId);
        season.HasMany(s => s.Mentors).WithOne().HasForeignKey(m => m.SeasonId);
        season.HasMany(s => s.KeyDates).WithOne().HasForeignKey(d => d.SeasonId);
        season.HasMany(s => s.Faq).WithOne().HasForeignKey(f => f.SeasonId);
    }
}

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> track)
    {
        track.HasIndex(t => new { t.SeasonId, t.Slug }).IsUnique();
        track.Property(t => t.Slug).HasMaxLength(80);
        track.HasMany(t => t.Stages).WithOne(s => s.Track).HasForeignKey(s => s.TrackId);
        track.HasMany(t => t.Streams).WithOne(s => s.Track).HasForeignKey(s => s.TrackId);
    }
}

internal sealed class StageConfiguration : IEntityTypeConfiguration<Stage>
{
    public void Configure(EntityTypeBuilder<Stage> stage) => stage.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
}

internal sealed class StreamConfiguration : IEntityTypeConfiguration<ResearchStream>
{
    public void Configure(EntityTypeBuilder<ResearchStream> stream)
    {
        stream.ToTable("Streams");
        // Stream slugs are unique per track; the public URL /streams/{slug} resolves within the current season.
        stream.HasIndex(s => new { s.TrackId, s.Slug }).IsUnique();
        stream.Property(s => s.Slug).HasMaxLength(80);
        stream.Property(s => s.Location).HasConversion<string>().HasMaxLength(20);
        stream.HasMany(s => s.Mentors).WithOne(m => m.Stream).HasForeignKey(m => m.StreamId);
    }
}

internal sealed class MentorConfiguration : IEntityTypeConfiguration<Mentor>
{
    public void Configure(EntityTypeBuilder<Mentor> mentor)
    {
        mentor.HasIndex(m => new { m.SeasonId, m.Slug }).IsUnique();
        mentor.Property(m => m.Slug).HasMaxLength(80);
        mentor.HasIndex(m => m.UserId);
        mentor.HasMany(m => m.Streams).WithOne(s => s.Mentor).HasForeignKey(s => s.MentorId);
    }
}

internal sealed class StreamMentorConfiguration : IEntityTypeConfiguration<StreamMentor>
{
    public void Configure(EntityTypeBuilder<StreamMentor> link) => link.HasKey(l => new { l.StreamId, l.MentorId });
}

internal sealed class PublicContentStampConfiguration : IEntityTypeConfiguration<PublicContentStamp>
{
    // The row exists from the first migration on, so a save only ever updates it: no read first, and no two processes
    // racing to insert it.
    public void Configure(EntityTypeBuilder<PublicContentStamp> stamp) =>
        stamp.HasData(new PublicContentStamp { Id = PublicContentStamp.OnlyId, Value = Guid.Empty });
}
