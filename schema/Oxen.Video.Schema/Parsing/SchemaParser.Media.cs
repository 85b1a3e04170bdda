using System;
using System.Collections.Generic;
using System.Linq;
using Oxen.Video.Schemas.Diagnostics;
using Oxen.Video.Schemas.Json;
using Oxen.Video.Schemas.Specs;

namespace Oxen.Video.Schemas.Parsing;

/// <summary>
/// Which strings are media. The one rule, used by the generator, the schema-read models, the CLI and the emulator:
/// a string is a media field when its <c>renderType</c> says so (<c>image-url</c>, <c>video-url</c>,
/// <c>audio-url</c>), or when it is a <c>format: uri</c> string (or the item of a list of strings) whose name says
/// image, video or audio. A URI named <c>webhook_url</c> stays a plain URI.
/// </summary>
internal sealed partial class SchemaParser
{
    private static MediaKind MediaKindOf(JsonObject schema, string jsonName, bool isListItem)
    {
        if (schema["renderType"] is JsonString { Value: var renderType })
        {
            var declared = MediaKindOfRenderType(renderType);
            if (declared != MediaKind.None)
            {
                return declared;
            }
        }

        // A list of plain strings named input_images is a list of media: Oxen's schemas give its items no format.
        var isUri = schema["format"] is JsonString { Value: "uri" };
        return isUri || (isListItem && schema["enum"] is null) ? MediaKindOfName(jsonName) : MediaKind.None;
    }

    internal static MediaKind MediaKindOfRenderType(string renderType) => renderType switch
    {
        "image-url" or "image" => MediaKind.Image,
        "video-url" or "video" => MediaKind.Video,
        "audio-url" or "audio" => MediaKind.Audio,
        _ => MediaKind.None,
    };

    /// <summary>The kind a name's words say: <c>tail_image_url</c> and <c>firstFrameImage</c> are images.</summary>
    internal static MediaKind MediaKindOfName(string jsonName)
    {
        var found = MediaKind.None;
        foreach (var word in Words(jsonName))
        {
            var kind = word switch
            {
                "image" or "images" or "img" or "frame" or "photo" or "picture" => MediaKind.Image,
                "video" or "videos" or "clip" or "clips" => MediaKind.Video,
                "audio" or "audios" or "sound" or "music" or "voice" => MediaKind.Audio,
                _ => MediaKind.None,
            };

            // The last kind word wins: image_to_video_url is a video.
            found = kind == MediaKind.None ? found : kind;
        }

        return found;
    }

    private static IEnumerable<string> Words(string name)
    {
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            var boundary = i == name.Length || !char.IsLetterOrDigit(name[i]) || (char.IsUpper(name[i]) && char.IsLower(name[i - 1]));
            if (!boundary)
            {
                continue;
            }

            var word = name.Substring(start, i - start).Trim('_', '-', '.', ' ');
            if (word.Length > 0)
            {
                yield return word.ToLowerInvariant();
            }

            start = i;
        }
    }

    /// <summary>
    /// The request's <c>x-media-references</c>: <c>{"groups": [{"field": "input_image", "pattern": "image {n}"}]}</c>.
    /// A group whose field is not a media property of the request, or whose pattern has no <c>{n}</c>, is reported
    /// and left out, so a token is never checked against the wrong field.
    /// </summary>
    private EquatableArray<MediaReferenceSpec> ParseMediaReferences(JsonObject schema, IReadOnlyList<PropertySpec> properties)
    {
        if (schema.Find("x-media-references") is not { } keyword)
        {
            return EquatableArray<MediaReferenceSpec>.Empty;
        }

        const string shape = "{\"groups\": [{\"field\": <a media property>, \"pattern\": <text with {n}>}, ...]}";
        if (!properties.Any(p => p.JsonName == "prompt" && p.Type.Kind == ValueKind.String))
        {
            // Tokens live in the prompt: without a string prompt there is nothing to check them in.
            Report(SchemaRules.InvalidKeywordValue, FileLocation.OfName(_path, keyword), "x-media-references", "the request",
                "given only with a string property 'prompt', whose tokens it checks");
            return EquatableArray<MediaReferenceSpec>.Empty;
        }

        if (keyword.Value is not JsonObject { } references || references["groups"] is not JsonArray groups)
        {
            Report(SchemaRules.InvalidKeywordValue, FileLocation.OfName(_path, keyword), "x-media-references", "the request", shape);
            return EquatableArray<MediaReferenceSpec>.Empty;
        }

        var specs = new List<MediaReferenceSpec>();
        foreach (var group in groups.Items)
        {
            var field = (group as JsonObject)?["field"] as JsonString;
            var pattern = (group as JsonObject)?["pattern"] as JsonString;
            var target = properties.FirstOrDefault(p => p.JsonName == field?.Value);
            var isMedia = target is not null && (target.Type.Media != MediaKind.None || target.Type.IsMediaList);
            if (field is null || pattern is null || !pattern.Value.Contains("{n}") || !isMedia)
            {
                Report(SchemaRules.InvalidKeywordValue, FileLocation.Of(_path, group), "x-media-references", "the request", shape);
                continue;
            }

            specs.Add(new MediaReferenceSpec(field.Value, pattern.Value));
        }

        return specs.ToEquatableArray();
    }
}
