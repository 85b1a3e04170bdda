namespace Oxen.Video.Schemas.Specs;

/// <summary>What a media field holds; <see cref="None"/> for every other value.</summary>
internal enum MediaKind
{
    None,
    Image,
    Video,
    Audio,
}

/// <summary>
/// One group of <c>x-media-references</c>: prompt tokens made from <paramref name="Pattern"/> (<c>image {n}</c> gives
/// <c>@Image1</c>) name the items of the media field <paramref name="Field"/>.
/// </summary>
internal sealed record MediaReferenceSpec(string Field, string Pattern);
