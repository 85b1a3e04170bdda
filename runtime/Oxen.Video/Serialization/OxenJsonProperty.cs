using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace Oxen.Video.Serialization;

/// <summary>
/// A property name of a generated type, encoded once: escaped for writing, as UTF-8 for matching while reading.
/// Built at run time from the schema's text, so no name can break the generated C#.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OxenJsonProperty
{
    private readonly byte[] _utf8;

    /// <summary>Encodes <paramref name="name"/>.</summary>
    public OxenJsonProperty(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Encoded = JsonEncodedText.Encode(name);
        _utf8 = Encoding.UTF8.GetBytes(name);
    }

    /// <summary>The name as the schema writes it.</summary>
    public string Name { get; }

    /// <summary>The name escaped for <see cref="Utf8JsonWriter"/>.</summary>
    public JsonEncodedText Encoded { get; }

    /// <summary>
    /// When the reader is at this property's name, moves it to the value and returns true; otherwise leaves it
    /// where it is.
    /// </summary>
    public bool TryRead(ref Utf8JsonReader reader)
    {
        if (!reader.ValueTextEquals(_utf8))
        {
            return false;
        }

        reader.Read();
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
