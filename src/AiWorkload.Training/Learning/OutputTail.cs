namespace AiWorkload.Training.Learning;

/// <summary>
/// Keeps only the last lines of a process's output, capped in lines and characters: the end of stderr is where
/// the error usually is, and a chatty program must not grow memory or exception messages without bound.
/// </summary>
internal sealed class OutputTail(int maxLines, int maxCharacters)
{
    private readonly Queue<string> lines = new();
    private readonly Lock gate = new();

    public void Add(string line)
    {
        var kept = line.Length > maxCharacters ? line[^maxCharacters..] : line;
        lock (gate)
        {
            lines.Enqueue(kept);
            if (lines.Count > maxLines)
            {
                lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        string text;
        lock (gate)
        {
            text = string.Join('\n', lines);
        }

        return text.Length <= maxCharacters ? text : "..." + text[^maxCharacters..];
    }
}
