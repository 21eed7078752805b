using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.FollowUps;
using Cohort.Core.Mail;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.StreamApplications;

/// <summary>Interviews and work tests: one booking per slot, the 24-hour rule, deadlines kept by the server.</summary>
public abstract class FollowUpTests
{
    /// <summary>An interview a week after <see cref="StreamsStageApplicants.StreamsStageOpen"/>.</summary>
    private static readonly DateTime Interview = CoreServicesFixture.Demo.At(9, 10);
    private readonly CoreServicesFixture core;
    private readonly StreamsStageApplicants applicants;

    protected FollowUpTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StreamsStageApplicants(core);
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
    }

    private Task<Actor> DemoMentorAsync() => core.RunAsync<CohortDbContext, Actor>(async db =>
        new Actor((await db.Mentors.SingleAsync(m => m.Slug == DemoSeason.DemoMentorSlug)).UserId, "demo mentor"));

    /// <summary>A slot the demo mentor publishes for the coalition stream, at a time no other test uses.</summary>
    private async Task<int> PublishAsync(DateTime startsAt)
    {
        var stream = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);
        var mentor = await DemoMentorAsync();
        Assert.Null(await core.RunAsync<PublishInterviewSlot, string?>(publish => publish.RunAsync(mentor, stream, startsAt, 45, "Room 3")));
        return await core.RunAsync<CohortDbContext, int>(db => db.InterviewSlots.Where(s => s.StreamId == stream && s.StartsAt == startsAt).Select(s => s.Id).SingleAsync());
    }

    private Task<string?> BookAsync(string applicant, int slot) =>
        core.RunAsync<BookInterview, string?>(book => book.RunAsync(applicant, slot));

    private Task<string?> BookedByAsync(int slot) =>
        core.RunAsync<CohortDbContext, string?>(db => db.InterviewSlots.Where(s => s.Id == slot).Select(s => s.BookedById).SingleAsync());

    [Fact]
    public async Task Booking_the_last_slot_twice_in_parallel_yields_one_booking()
    {
        var first = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        var second = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        var slot = await PublishAsync(Interview.AddMinutes(1));

        var outcomes = await Task.WhenAll(Task.Run(() => BookAsync(first, slot)), Task.Run(() => BookAsync(second, slot)));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o == BookInterview.Taken);
        Assert.Contains(await BookedByAsync(slot), new[] { first, second });
    }

    [Fact]
    public async Task Only_applicants_who_submitted_to_the_stream_can_book_its_slots()
    {
        var elsewhere = await applicants.SubmittedToAsync(StreamsStageApplicants.Internals);
        var slot = await PublishAsync(Interview.AddMinutes(2));

        var refusal = await BookAsync(elsewhere, slot);

        Assert.Contains("submitted an application", refusal, StringComparison.Ordinal);
        Assert.Null(await BookedByAsync(slot));
    }

    [Fact]
    public async Task Rescheduling_and_cancelling_are_allowed_until_24_hours_before_the_interview()
    {
        var applicant = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        var early = await PublishAsync(Interview.AddMinutes(3));
        var later = await PublishAsync(Interview.AddDays(1));
        var stream = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);
        Assert.Null(await BookAsync(applicant, early));

        core.Clock.Now = Interview.AddMinutes(3).AddHours(-25);
        var moved = await BookAsync(applicant, later);
        core.Clock.Now = Interview.AddDays(1).AddHours(-23);
        var lateCancel = await core.RunAsync<CancelInterview, string?>(cancel => cancel.RunAsync(applicant, stream));
        var lateMove = await BookAsync(applicant, early);

        Assert.Null(moved);
        Assert.Null(await BookedByAsync(early));
        Assert.Contains("within 24 hours", lateCancel, StringComparison.Ordinal);
        Assert.Contains("within 24 hours", lateMove, StringComparison.Ordinal);
        Assert.Equal(applicant, await BookedByAsync(later));
    }

    [Fact]
    public async Task Cancelling_in_time_frees_the_slot_for_someone_else()
    {
        var first = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        var second = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        var slot = await PublishAsync(Interview.AddMinutes(4));
        var stream = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);
        await BookAsync(first, slot);

        Assert.Null(await core.RunAsync<CancelInterview, string?>(cancel => cancel.RunAsync(first, stream)));
        Assert.Null(await BookAsync(second, slot));
        Assert.Equal(second, await BookedByAsync(slot));
    }

    /// <summary>Links a coalition mentor without an account to a new mentor account, so the stream has mentors with and without accounts.</summary>
    private async Task LinkAnotherCoalitionMentorAsync()
    {
        var email = $"co-mentor-{Guid.NewGuid():N}@example.net";
        await core.RunAsync<CreateAccount, Microsoft.AspNetCore.Identity.IdentityResult>(create =>
            create.RunAsync(email, "a long enough passphrase", "Co Mentor", Roles.Mentor, Actor.System));
        await core.RunAsync<CohortDbContext, int>(async db =>
        {
            var profile = await db.StreamMentors.Where(m => m.Stream!.Slug == StreamsStageApplicants.Coalition && m.Mentor!.UserId == null)
                .OrderBy(m => m.Position).Select(m => m.Mentor!).FirstAsync();
            profile.UserId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>The mail about <paramref name="applicantEmail"/>'s interview sent to anyone but the applicant, by subject start.</summary>
    private Task<List<OutboxMessage>> MentorMailAboutAsync(string applicantEmail, string subjectStart) =>
        core.RunAsync<CohortDbContext, List<OutboxMessage>>(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.To != applicantEmail && m.Body.Contains(applicantEmail) && m.Subject.StartsWith(subjectStart)).ToListAsync());

    [Fact]
    public async Task Booking_rescheduling_and_cancelling_mail_each_mentor_with_an_account_once_and_no_one_else()
    {
        await LinkAnotherCoalitionMentorAsync();
        var applicant = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        var first = await PublishAsync(Interview.AddMinutes(5));
        var second = await PublishAsync(Interview.AddDays(2));
        var stream = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);
        var (streamName, applicantEmail, withAccounts, withoutAccounts) = await core.RunAsync<CohortDbContext, (string, string, List<string>, List<string>)>(async db =>
        {
            var mentors = db.StreamMentors.Where(m => m.StreamId == stream).Select(m => m.Mentor!);
            return (
                await db.Streams.Where(t => t.Id == stream).Select(t => t.Name).SingleAsync(),
                await db.Users.Where(u => u.Id == applicant).Select(u => u.Email!).SingleAsync(),
                await mentors.Where(m => m.UserId != null).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email!).ToListAsync(),
                await mentors.Where(m => m.UserId == null && m.Email != null).Select(m => m.Email!).ToListAsync());
        });
        Assert.True(withAccounts.Count >= 2 && withoutAccounts.Count >= 1, "the stream has mentors with and without accounts");

        Assert.Null(await BookAsync(applicant, first));
        Assert.Null(await BookAsync(applicant, second));
        Assert.Null(await core.RunAsync<CancelInterview, string?>(cancel => cancel.RunAsync(applicant, stream)));

        foreach (var (subject, time) in new[] { ("Interview booked", Interview.AddMinutes(5)), ("Interview moved", Interview.AddDays(2)), ("Interview cancelled", Interview.AddDays(2)) })
        {
            var mail = await MentorMailAboutAsync(applicantEmail, subject);
            Assert.Equal(withAccounts.Order(), mail.Select(m => m.To).Order());
            Assert.All(mail, m =>
            {
                Assert.Contains(streamName, m.Subject, StringComparison.Ordinal);
                Assert.Contains($"{time:d MMMM yyyy 'at' HH:mm} UTC", m.Body, StringComparison.Ordinal);
                Assert.Contains("Room 3", m.Body, StringComparison.Ordinal);
            });
        }

        var all = await core.RunAsync<CohortDbContext, List<string>>(db => db.OutboxMessages.Where(m => m.Body.Contains(applicantEmail)).Select(m => m.To).ToListAsync());
        Assert.Empty(all.Intersect(withoutAccounts));
    }

    [Fact]
    public async Task A_mentor_cannot_publish_slots_for_a_stream_they_do_not_mentor()
    {
        var other = await applicants.StreamIdAsync(StreamsStageApplicants.Internals);
        var mentor = await DemoMentorAsync();

        var refusal = await core.RunAsync<PublishInterviewSlot, string?>(publish => publish.RunAsync(mentor, other, Interview, 30, "Room 1"));

        Assert.Contains("Only a mentor of this stream", refusal, StringComparison.Ordinal);
        Assert.False(await core.RunAsync<CohortDbContext, bool>(db => db.InterviewSlots.AnyAsync(s => s.StreamId == other)));
    }

    [Fact]
    public async Task A_work_test_handed_in_after_its_deadline_is_refused_and_the_earlier_answer_kept()
    {
        var applicant = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        var stream = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);
        var due = await core.RunAsync<CohortDbContext, DateTime>(db => db.WorkTests.Where(t => t.StreamId == stream).Select(t => t.DueAt).SingleAsync());
        var inTime = await core.RunAsync<SubmitWorkTest, string?>(submit => submit.RunAsync(applicant, stream, new WorkTestAnswer("https://example.org/in-time")));

        core.Clock.Now = due.AddMinutes(1);
        var late = await core.RunAsync<SubmitWorkTest, string?>(submit => submit.RunAsync(applicant, stream, new WorkTestAnswer("https://example.org/too-late")));

        Assert.Null(inTime);
        Assert.Contains("no longer accepted", late, StringComparison.Ordinal);
        Assert.Equal("https://example.org/in-time", await core.RunAsync<CohortDbContext, string?>(db =>
            db.WorkTestSubmissions.Where(s => s.ApplicantId == applicant).Select(s => s.Url).SingleAsync()));
    }

    [Fact]
    public async Task A_work_test_file_must_be_a_pdf()
    {
        var applicant = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        var stream = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);

        var renamed = await core.RunAsync<SubmitWorkTest, string?>(submit => submit.RunAsync(applicant, stream, new WorkTestAnswer(null, new MemoryStream("MZ not a pdf"u8.ToArray()))));
        var pdf = await core.RunAsync<SubmitWorkTest, string?>(submit => submit.RunAsync(applicant, stream, new WorkTestAnswer(null, new MemoryStream("%PDF-1.7\n%%EOF\n"u8.ToArray()))));

        Assert.Contains("not a PDF", renamed, StringComparison.Ordinal);
        Assert.Null(pdf);
    }

    [Fact]
    public void An_interview_invite_is_RFC_5545_with_CRLF_lines_of_at_most_75_octets_and_a_stable_uid()
    {
        var slot = new InterviewSlot { Id = 42, StartsAt = Interview, Minutes = 45, Location = "https://meet.example.org/" + new string('x', 120) + ", room; 2", BookedAt = Interview.AddDays(-3) };

        var invite = InterviewInvite.Write(slot, "Control Coalition", "cohort.example");

        Assert.EndsWith("END:VCALENDAR\r\n", invite, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", invite.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(invite.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Contains("UID:interview-slot-42@cohort.example\r\n", invite, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{Interview:yyyyMMdd}T100000Z\r\nDTEND:{Interview:yyyyMMdd}T104500Z\r\n", invite, StringComparison.Ordinal);
        Assert.Contains("room\\; 2", invite.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}

public sealed class FollowUpOnSqlite(SqliteCore core) : FollowUpTests(core), IClassFixture<SqliteCore>;

public sealed class FollowUpOnPostgres(PostgresCore core) : FollowUpTests(core), IClassFixture<PostgresCore>;
