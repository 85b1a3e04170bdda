namespace Oxen.Video;

/// <summary>Local media sent inline: a <c>data:</c> URI built in one allocation.</summary>
internal sealed partial class OxenMediaResolver
{
    /// <summary><c>data:{contentType};base64,{data}</c>, encoded straight into the string (no copy between).</summary>
    internal static string ToDataUri(string contentType, ReadOnlyMemory<byte> bytes)
    {
        var prefix = "data:" + contentType + ";base64,";
        var length = checked(prefix.Length + ((bytes.Length + 2) / 3 * 4));
        return string.Create(length, (prefix, bytes), static (target, state) =>
        {
            state.prefix.CopyTo(target);
            Convert.TryToBase64Chars(state.bytes.Span, target[state.prefix.Length..], out _);
        });
    }
}
