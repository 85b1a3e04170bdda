using BenchmarkDotNet.Attributes;

namespace Oxen.Video.Benchmarks;

/// <summary>
/// A 4 MiB PNG made into its data: URI by the client (<see cref="OxenClient.PrepareMediaAsync"/>: sniff, then
/// encode straight into the string), against the plain <c>"data:image/png;base64," + Convert.ToBase64String</c>.
/// No request leaves the process: a data URI needs no HTTP call.
/// </summary>
[MemoryDiagnoser]
public class DataUriBenchmarks
{
    private const int Size = 4 * 1024 * 1024;

    private readonly byte[] _png = new byte[Size];
    private OxenClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(7).NextBytes(_png);
        byte[] header = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
        header.CopyTo(_png, 0);
        _client = new OxenClient(new OxenClientOptions { ApiKey = "bench", BaseAddress = new Uri("http://127.0.0.1:9/") });
    }

    [GlobalCleanup]
    public void Cleanup() => _client.Dispose();

    [Benchmark(Baseline = true)]
    public string ConvertToBase64String() => "data:image/png;base64," + Convert.ToBase64String(_png);

    [Benchmark]
    public string ClientDataUri() =>
        _client.PrepareMediaAsync(OxenMedia.FromBytes(_png), OxenMediaKind.Image).GetAwaiter().GetResult();
}
