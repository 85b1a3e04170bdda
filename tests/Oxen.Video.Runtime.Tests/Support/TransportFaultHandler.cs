namespace Oxen.Video.Runtime.Tests;

/// <summary>
/// Wraps the real socket handler to fail POSTs at the transport level: before anything is sent (a refused
/// connection) or after the server got the request (the answer lost on the way back).
/// </summary>
internal sealed class TransportFaultHandler() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    private int _failBeforeSend;
    private int _failAfterSend;

    public int FailBeforeSend
    {
        get => Volatile.Read(ref _failBeforeSend);
        init => _failBeforeSend = value;
    }

    public int FailAfterSend
    {
        get => Volatile.Read(ref _failAfterSend);
        init => _failAfterSend = value;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && Interlocked.Decrement(ref _failBeforeSend) >= 0)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (emulated).");
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method == HttpMethod.Post && Interlocked.Decrement(ref _failAfterSend) >= 0)
        {
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely (emulated).");
        }

        return response;
    }
}
