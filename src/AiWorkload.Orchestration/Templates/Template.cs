using System.Text;

namespace AiWorkload.Orchestration.Templates;

/// <summary>
/// Text with <c>${a.b.c}</c> references; <c>$${</c> writes a literal <c>${</c>. Parsed once when a pipeline is loaded, so a
/// malformed template is a load error with its position, never a surprise in the middle of a run.
/// </summary>
public sealed class Template
{
    private readonly IReadOnlyList<object> _parts;

    private Template(string text, IReadOnlyList<object> parts)
    {
        Text = text;
        _parts = parts;
    }

    public string Text { get; }

    public IEnumerable<TemplateReference> References => _parts.OfType<TemplateReference>();

    /// <exception cref="TemplateException">The text is not a valid template.</exception>
    public static Template Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<object>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (string.CompareOrdinal(text, i, "$${", 0, 3) == 0)
            {
                literal.Append("${");
                i += 3;
                continue;
            }

            if (string.CompareOrdinal(text, i, "${", 0, 2) != 0)
            {
                literal.Append(text[i++]);
                continue;
            }

            var end = text.IndexOf('}', i + 2);
            if (end < 0)
            {
                throw new TemplateException($"'${{' at position {i} has no closing '}}'");
            }

            if (literal.Length > 0)
            {
                parts.Add(literal.ToString());
                literal.Clear();
            }

            parts.Add(ParseReference(text[(i + 2)..end].Trim(), i));
            i = end + 1;
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        return new Template(text, parts);
    }

    /// <exception cref="TemplateException">A reference has no value.</exception>
    public string Render(Func<TemplateReference, string?> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        var result = new StringBuilder();
        foreach (var part in _parts)
        {
            if (part is TemplateReference reference)
            {
                result.Append(resolve(reference) ?? throw new TemplateException($"{reference} has no value"));
            }
            else
            {
                result.Append((string)part);
            }
        }

        return result.ToString();
    }

    public override string ToString() => Text;

    private static TemplateReference ParseReference(string expression, int position)
    {
        var segments = expression.Split('.');
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || !segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                throw new TemplateException($"'${{{expression}}}' at position {position} is not a reference: use dot-separated names such as ${{run.modelId}}");
            }
        }

        return new TemplateReference(expression, segments);
    }
}
