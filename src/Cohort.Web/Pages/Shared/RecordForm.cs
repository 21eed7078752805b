namespace Cohort.Web.Pages.Shared;

/// <summary>What an admin form posts back besides its fields: the version of the record it was rendered from, where the record has one.</summary>
public abstract class RecordInput
{
    public int Version { get; set; }
}

/// <summary>
/// Base of the pages that create (no key in the route) or edit (a key) one record of the current season:
/// load, validate, apply, audit and save, the same way for the season, tracks, streams, mentors, FAQ entries and key dates.
/// </summary>
public abstract class RecordForm<TRecord, TInput>(CohortDbContext db, AuditLog audit) : AuditedPage(db, audit)
    where TRecord : class
    where TInput : RecordInput, new()
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    public bool IsNew => Record is null;

    protected Season Season { get; private set; } = null!;

    protected TRecord? Record { get; private set; }

    private bool hasSeason;

    /// <summary>The record's kind as the audit log names it: "stream" gives "stream.created" and "stream.updated".</summary>
    protected abstract string Kind { get; }

    /// <summary>How notices name the kind of record ("key date" where the audit log says "keydate").</summary>
    protected virtual string Noun => Kind;

    /// <summary>True where the page edits one record that needs no key (the current season), so it never creates.</summary>
    protected virtual bool EditsWithoutKey => false;

    /// <summary>Where to go after saving.</summary>
    protected abstract string ListPage { get; }

    /// <summary>The route values <see cref="ListPage"/> needs, if any.</summary>
    protected virtual object? ListRoute => null;

    protected abstract Task<TRecord?> FindAsync(string key, CancellationToken cancellation);

    protected abstract TInput Read(TRecord record);

    /// <summary>Creates a record and adds it to the season; <see cref="ApplyAsync"/> fills it in.</summary>
    protected abstract TRecord Add();

    protected abstract Task ApplyAsync(TRecord record, CancellationToken cancellation);

    /// <summary>How the audit log and the notice name the record: its slug, title or question.</summary>
    protected abstract string Name(TRecord record);

    /// <summary>
    /// Finds what the address names besides the record, before the record is looked up: a mentor's own stream.
    /// False answers 404, for creating as for editing.
    /// </summary>
    protected virtual Task<bool> FindScopeAsync(CancellationToken cancellation) => Task.FromResult(true);

    /// <summary>Checks that need the database (uniqueness, references); adds problems to the model state.</summary>
    protected virtual Task CheckAsync(CancellationToken cancellation) => Task.CompletedTask;

    /// <summary>Loads what the form offers to choose from (tracks, mentors).</summary>
    protected virtual Task LoadChoicesAsync(CancellationToken cancellation) => Task.CompletedTask;

    /// <summary>Runs after a successful save, for side effects outside the record (an account's role).</summary>
    protected virtual Task AfterSaveAsync(TRecord record, CancellationToken cancellation) => Task.CompletedTask;

    public async Task<IActionResult> OnGetAsync(string? key, CancellationToken cancellation)
    {
        if (!await LoadAsync(key, cancellation))
        {
            return Missing();
        }

        if (Record is not null)
        {
            Input = Read(Record);
        }

        await LoadChoicesAsync(cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken cancellation)
    {
        if (!await LoadAsync(key, cancellation))
        {
            return Missing();
        }

        await CheckAsync(cancellation);
        if (ModelState.IsValid)
        {
            var creating = IsNew;
            var record = Record ?? Add();
            if (record is IVersioned versioned && !creating)
            {
                Guard(versioned, Input.Version);
            }

            await ApplyAsync(record, cancellation);
            var details = creating
                ? string.Join("; ", ["created", .. ChangedBeyondFields(record)])
                : Changes.Describe(Db.Entry(record), ChangedBeyondFields(record));
            if (await SaveAsync($"{Kind}.{(creating ? "created" : "updated")}", $"{Kind}:{Name(record)}", details, cancellation))
            {
                await AfterSaveAsync(record, cancellation);
                return RedirectWithNotice($"Saved the {Noun} “{Name(record)}”.", ListPage, ListRoute);
            }
        }

        await LoadChoicesAsync(cancellation);
        return Page();
    }

    /// <summary>Changes the audit entry should mention that are not fields of the record itself (its mentors).</summary>
    protected virtual IEnumerable<string> ChangedBeyondFields(TRecord record) => [];

    // Without a season there is nothing to edit yet; the way to make one is an import.
    private IActionResult Missing() => !hasSeason
        ? RedirectWithNotice("There is no season yet: import a catalogue first.", "/Admin/Import")
        : NotFound();

    private async Task<bool> LoadAsync(string? key, CancellationToken cancellation)
    {
        var season = await Db.Seasons.CurrentAsync(cancellation);
        if (season is null)
        {
            return false;
        }

        Season = season;
        hasSeason = true;
        if (!await FindScopeAsync(cancellation))
        {
            return false;
        }

        Record = key is null && !EditsWithoutKey ? null : await FindAsync(key ?? "", cancellation);
        return Record is not null || (key is null && !EditsWithoutKey);
    }
}
