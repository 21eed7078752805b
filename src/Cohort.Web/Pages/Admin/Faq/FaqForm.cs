using System.ComponentModel.DataAnnotations;

namespace Cohort.Web.Pages.Admin.Faq;

/// <summary>Adds a FAQ entry at the end of the list (/admin/faq/new) or edits one (/admin/faq/{id}/edit).</summary>
public sealed class FaqFormModel(CohortDbContext db, AuditLog audit) : RecordForm<FaqEntry, FaqFormModel.FaqInput>(db, audit)
{
    public sealed class FaqInput : RecordInput
    {
        [Required, StringLength(500)]
        public string Question { get; set; } = "";

        [Required, StringLength(20_000), Display(Name = "Answer")]
        public string AnswerMarkdown { get; set; } = "";
    }

    protected override string Kind => "faq";

    protected override string Noun => "FAQ entry";

    protected override string ListPage => "/Admin/Faq/Index";

    protected override Task<FaqEntry?> FindAsync(string key, CancellationToken cancellation) =>
        Db.Faq.SingleOrDefaultAsync(f => f.SeasonId == Season.Id && f.Id == int.Parse(key), cancellation);

    protected override FaqInput Read(FaqEntry entry) => new() { Question = entry.Question, AnswerMarkdown = entry.AnswerMarkdown };

    protected override FaqEntry Add()
    {
        var entry = new FaqEntry { SeasonId = Season.Id, Question = Input.Question };
        Db.Faq.Add(entry);
        return entry;
    }

    protected override async Task ApplyAsync(FaqEntry entry, CancellationToken cancellation)
    {
        if (entry.Id == 0)
        {
            entry.Position = 1 + (await Db.Faq.Where(f => f.SeasonId == Season.Id).MaxAsync(f => (int?)f.Position, cancellation) ?? -1);
        }

        entry.Question = Input.Question;
        entry.AnswerMarkdown = Input.AnswerMarkdown;
    }

    protected override string Name(FaqEntry entry) => Text.Shorten(entry.Question);
}
