using Microsoft.AspNetCore.Http;

namespace Oxen.Video.Testing;

/// <summary>Result files on the download origin, and the API-origin redirect to them.</summary>
public sealed partial class OxenHubEmulator
{
    private IResult RedirectToFile(HttpContext context)
    {
        var id = RouteId(context);
        return _files.ContainsKey(id)
            ? Results.Redirect(new Uri(DownloadBaseAddress, $"files/{id}.mp4?X-Amz-Signature=emulated").ToString())
            : Results.NotFound();
    }

    private async Task ServeFileAsync(HttpContext context)
    {
        var id = RouteId(context);
        if (!_files.ContainsKey(id))
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync("<Error><Code>NoSuchKey</Code></Error>", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _shutdown.Token);
        if (Faults.DownloadDelay > TimeSpan.Zero)
        {
            await Task.Delay(Faults.DownloadDelay, Time, stop.Token).ConfigureAwait(false);
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = Faults.DownloadContentType ?? "video/mp4";
        var length = Faults.DownloadBodyLength ?? Video.Length;
        if (!Faults.DownloadWithoutContentLength)
        {
            context.Response.ContentLength = length;
        }

        // Throttled: a slice every 50 ms; else as fast as the socket takes it.
        var throttled = Faults.DownloadBytesPerSecond is { } rate && rate > 0;
        var slice = throttled ? Math.Max(1, Faults.DownloadBytesPerSecond!.Value / 20) : 64 * 1024;
        for (long offset = 0; offset < length;)
        {
            var start = (int)(offset % Video.Length);
            var size = (int)Math.Min(Math.Min(slice, Video.Length - start), length - offset);
            await context.Response.Body.WriteAsync(Video.Slice(start, size), stop.Token).ConfigureAwait(false);
            offset += size;
            if (throttled)
            {
                await context.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromMilliseconds(50), Time, stop.Token).ConfigureAwait(false);
            }
        }
    }
}
