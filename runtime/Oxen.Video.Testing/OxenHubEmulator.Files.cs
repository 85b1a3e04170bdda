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
            await Task.Delay(Faults.DownloadDelay, stop.Token).ConfigureAwait(false);
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "video/mp4";
        context.Response.ContentLength = Video.Length;
        if (Faults.DownloadBytesPerSecond is not { } rate || rate <= 0)
        {
            await context.Response.Body.WriteAsync(Video, stop.Token).ConfigureAwait(false);
            return;
        }

        // Throttled: a slice every 50 ms.
        var slice = Math.Max(1, rate / 20);
        for (var offset = 0; offset < Video.Length; offset += slice)
        {
            var chunk = Video.Slice(offset, Math.Min(slice, Video.Length - offset));
            await context.Response.Body.WriteAsync(chunk, stop.Token).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            await Task.Delay(50, stop.Token).ConfigureAwait(false);
        }
    }
}
