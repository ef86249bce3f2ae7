namespace AiWorkload.Orchestration.Templates;

/// <summary>A template that does not parse, or a reference with no value when the template is rendered.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException()
    {
    }

    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
