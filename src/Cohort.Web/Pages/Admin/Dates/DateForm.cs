using System.ComponentModel.DataAnnotations;

namespace Cohort.Web.Pages.Admin.Dates;

/// <summary>Adds a key date (/admin/dates/new) or edits one (/admin/dates/{id}/edit).</summary>
public sealed class DateFormModel(CohortDbContext db, AuditLog audit) : RecordForm<KeyDate, DateFormModel.DateInput>(db, audit)
{
    public sealed class DateInput : RecordInput
    {
        [Required, StringLength(200)]
        public string Title { get; set; } = "";

        [Required, Display(Name = "Date and time (UTC)")]
        public DateTime? At { get; set; }

        [StringLength(2000)]
        public string? Description { get; set; }
    }

    protected override string Kind => "keydate";

    protected override string Noun => "key date";

    protected override string ListPage => "/Admin/Dates/Index";

    protected override Task<KeyDate?> FindAsync(string key, CancellationToken cancellation) =>
        Db.KeyDates.SingleOrDefaultAsync(d => d.SeasonId == Season.Id && d.Id == int.Parse(key), cancellation);

    protected override DateInput Read(KeyDate date) => new() { Title = date.Title, At = date.At, Description = date.Description };

    protected override KeyDate Add()
    {
        var date = new KeyDate { SeasonId = Season.Id, Title = Input.Title };
        Db.KeyDates.Add(date);
        return date;
    }

    protected override Task ApplyAsync(KeyDate date, CancellationToken cancellation)
    {
        date.Title = Input.Title;
        date.At = DateTime.SpecifyKind(Input.At!.Value, DateTimeKind.Utc);
        date.Description = Input.Description ?? "";
        return Task.CompletedTask;
    }

    protected override string Name(KeyDate date) => date.Title;
}
