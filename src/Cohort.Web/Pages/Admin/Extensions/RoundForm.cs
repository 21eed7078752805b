using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Cohort.Core.Extensions;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cohort.Web.Pages.Admin.Extensions;

/// <summary>
/// Creates an extension round (/admin/extensions/new) or edits one (/admin/extensions/{id}/edit), guarded by its
/// version. Its opening and closing times are typed on the admin's own clock (their account's zone, else UTC) and
/// stored in UTC; its form's questions and its milestones are edited from the round's page.
/// </summary>
public sealed class RoundFormModel(CohortDbContext db, AuditLog audit, TimeProvider clock) : RecordForm<ExtensionRound, RoundFormModel.RoundInput>(db, audit)
{
    public sealed class RoundInput : RecordInput
    {
        [Display(Name = "Season")]
        public int SeasonId { get; set; }

        [Required, StringLength(ExtensionRound.MaxNameLength)]
        public string Name { get; set; } = "";

        [StringLength(20_000), Display(Name = "Introduction")]
        public string? IntroMarkdown { get; set; }

        [Display(Name = "Opens at")]
        public DateTime OpensAt { get; set; }

        [Display(Name = "Closes at")]
        public DateTime ClosesAt { get; set; }

        [Range(1, 10_000)]
        public int Seats { get; set; } = 1;

        [Range(0, int.MaxValue)]
        public int Budget { get; set; }

        [Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "Give the currency as its three capital letters, like USD or EUR."), StringLength(3)]
        public string Currency { get; set; } = "USD";

        [Display(Name = "Extends the programme until")]
        public DateOnly ExtendsUntil { get; set; }
    }

    public List<SelectListItem> Seasons { get; private set; } = [];

    /// <summary>The zone the times are typed in, named in the hints.</summary>
    public string ZoneName => Zone?.Id ?? "UTC";

    private TimeZoneInfo? Zone => ReaderZone.Of(User);

    protected override string Kind => "extension-round";

    protected override string Noun => "extension round";

    protected override string ListPage => "/Admin/Extensions/Index";

    protected override Task<ExtensionRound?> FindAsync(string key, CancellationToken cancellation) =>
        Db.ExtensionRounds.SingleOrDefaultAsync(r => r.Id == int.Parse(key, System.Globalization.CultureInfo.InvariantCulture), cancellation);

    protected override RoundInput Read(ExtensionRound round) => new()
    {
        Version = round.Version, SeasonId = round.SeasonId, Name = round.Name, IntroMarkdown = round.IntroMarkdown,
        OpensAt = Local(round.OpensAt), ClosesAt = Local(round.ClosesAt), Seats = round.Seats, Budget = round.Budget,
        Currency = round.Currency, ExtendsUntil = round.ExtendsUntil,
    };

    protected override ExtensionRound Add()
    {
        var round = new ExtensionRound { Name = Input.Name };
        Db.ExtensionRounds.Add(round);
        return round;
    }

    protected override Task ApplyAsync(ExtensionRound round, CancellationToken cancellation)
    {
        round.SeasonId = Input.SeasonId;
        round.Name = Input.Name.Trim();
        round.IntroMarkdown = Input.IntroMarkdown ?? "";
        round.OpensAt = Utc(Input.OpensAt);
        round.ClosesAt = Utc(Input.ClosesAt);
        round.Seats = Input.Seats;
        round.Budget = Input.Budget;
        round.Currency = Input.Currency;
        round.ExtendsUntil = Input.ExtendsUntil;
        return Task.CompletedTask;
    }

    protected override string Name(ExtensionRound round) => round.Name;

    protected override async Task CheckAsync(CancellationToken cancellation)
    {
        if (!await Db.Seasons.AnyAsync(s => s.Id == Input.SeasonId, cancellation))
        {
            ModelState.AddModelError("Input.SeasonId", "Choose one of the seasons.");
        }

        foreach (var (field, at) in new[] { ("Input.OpensAt", Input.OpensAt), ("Input.ClosesAt", Input.ClosesAt) })
        {
            if (Zone is { } zone && zone.IsInvalidTime(at))
            {
                ModelState.AddModelError(field, $"That time does not exist in {zone.Id} (the clocks skip it); choose another.");
                return;
            }
        }

        if (Input.ClosesAt <= Input.OpensAt)
        {
            ModelState.AddModelError("Input.ClosesAt", "The round must close after it opens.");
        }

        if (Input.ExtendsUntil <= DateOnly.FromDateTime(Utc(Input.ClosesAt)))
        {
            ModelState.AddModelError("Input.ExtendsUntil", "The extension must end after the round closes.");
        }

        var accepted = Record is null ? null : await Db.ExtensionApplications.Where(a => a.RoundId == Record.Id && a.State == Core.Applications.ApplicationState.Advanced)
            .GroupBy(r => 1).Select(g => new { Seats = g.Count(), Spent = g.Sum(r => (long)r.RequestedAmount) }).SingleOrDefaultAsync(cancellation);
        if (accepted is not null && (Input.Seats < accepted.Seats || Input.Budget < accepted.Spent))
        {
            ModelState.AddModelError("", $"{Text.Count(accepted.Seats, "fellow")} already accepted, asking {accepted.Spent:N0} in all: the seats and budget cannot go below that.");
        }
    }

    /// <summary>The seasons to choose from; a new round starts as the current season's, open from today for two weeks.</summary>
    protected override async Task LoadChoicesAsync(CancellationToken cancellation)
    {
        Seasons = (await Db.Seasons.AsNoTracking().OrderByDescending(s => s.ProgrammeStart).ToListAsync(cancellation))
            .Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        if (IsNew && Input.SeasonId == 0)
        {
            var today = Local(clock.GetUtcNow().UtcDateTime).Date;
            (Input.SeasonId, Input.OpensAt, Input.ClosesAt) = (Season.Id, today.AddHours(9), today.AddDays(14).AddHours(17));
            Input.ExtendsUntil = DateOnly.FromDateTime(today.AddMonths(4));
        }
    }

    private DateTime Local(DateTime utc) => Zone is { } zone ? TimeZones.ToZone(utc, zone) : utc;

    private DateTime Utc(DateTime local) => Zone is { } zone && !zone.IsInvalidTime(local)
        ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone)
        : DateTime.SpecifyKind(local, DateTimeKind.Utc);
}
