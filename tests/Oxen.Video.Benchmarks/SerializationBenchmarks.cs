using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Oxen.Video.Models;

namespace Oxen.Video.Benchmarks;

/// <summary>
/// A Kling 2.6 Pro request through its generated converter, against a hand-written Utf8JsonWriter that writes
/// the same bytes. Both reuse one buffer and writer, so any allocation shown is the serializer's own.
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private static readonly JsonEncodedText Model = JsonEncodedText.Encode("model");
    private static readonly JsonEncodedText Prompt = JsonEncodedText.Encode("prompt");
    private static readonly JsonEncodedText NegativePrompt = JsonEncodedText.Encode("negative_prompt");
    private static readonly JsonEncodedText AspectRatio = JsonEncodedText.Encode("aspect_ratio");
    private static readonly JsonEncodedText Ratio16x9 = JsonEncodedText.Encode("16:9");
    private static readonly JsonEncodedText Duration = JsonEncodedText.Encode("duration");
    private static readonly JsonEncodedText GenerateAudio = JsonEncodedText.Encode("generate_audio");
    private static readonly JsonEncodedText CfgScale = JsonEncodedText.Encode("cfg_scale");

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly KlingVideoV26ProTextToVideoRequest _request = new()
    {
        Prompt = "A close up of a blonde woman surfer in a wet suit, paddling to get momentum before standing up.",
        NegativePrompt = "blur, distort, and low quality",
        AspectRatio = KlingVideoV26ProTextToVideoAspectRatio.Ratio16x9,
        Duration = KlingVideoV26ProTextToVideoDuration.Seconds10,
        GenerateAudio = true,
        CfgScale = 0.5,
    };

    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer);
        if (!Generated().SequenceEqual(HandWritten()))
        {
            throw new InvalidOperationException("The baseline must write the same bytes as the generated converter.");
        }
    }

    [Benchmark(Baseline = true)]
    public int HandWrittenUtf8JsonWriter() => HandWritten().Length;

    [Benchmark]
    public int GeneratedConverter() => Generated().Length;

    private ReadOnlySpan<byte> Generated()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _request.WriteTo(_writer);
        _writer.Flush();
        return _buffer.WrittenSpan;
    }

    private ReadOnlySpan<byte> HandWritten()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        var r = _request;
        _writer.WriteStartObject();
        _writer.WriteString(Model, KlingVideoV26ProTextToVideoRequest.ModelId);
        _writer.WriteString(Prompt, r.Prompt);
        _writer.WriteString(NegativePrompt, r.NegativePrompt);
        _writer.WriteString(AspectRatio, Ratio16x9);
        _writer.WriteNumber(Duration, 10);
        _writer.WriteBoolean(GenerateAudio, r.GenerateAudio!.Value);
        _writer.WriteNumber(CfgScale, r.CfgScale!.Value);
        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenSpan;
    }
}
