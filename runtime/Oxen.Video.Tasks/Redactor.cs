namespace Oxen.Video.Tasks;

/// <summary>Takes the API key out of any text before it is logged.</summary>
internal sealed class Redactor(string? key)
{
    public string Redact(string text) => key is null ? text : text.Replace(key, "***");
}
