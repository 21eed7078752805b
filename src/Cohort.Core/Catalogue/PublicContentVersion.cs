namespace Cohort.Core.Catalogue;

/// <summary>
/// This process's latest known <see cref="PublicContentStamp"/> value: set by its own saves the moment they commit,
/// and by whoever reads the stamp from the database (the web app polls it, to learn of other processes' saves).
/// <see cref="Changed"/> fires when the value moves, so a cache can drop what it holds under the old one.
/// </summary>
public sealed class PublicContentVersion
{
    private readonly Lock gate = new();
    private Guid current;

    public Guid Current
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    public event Action? Changed;

    /// <summary>Records a stamp value read from or written to the database.</summary>
    public void Saw(Guid value)
    {
        lock (gate)
        {
            if (value == current)
            {
                return;
            }

            current = value;
        }

        Changed?.Invoke();
    }
}
