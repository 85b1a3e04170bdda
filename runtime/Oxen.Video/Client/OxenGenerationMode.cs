namespace Oxen.Video;

/// <summary>How <see cref="OxenClient.GenerateVideoAsync"/> waits for a video.</summary>
public enum OxenGenerationMode
{
    /// <summary>Enqueue, then poll <c>GET /api/ai/queue/{id}</c> at growing intervals.</summary>
    Queue,

    /// <summary>One blocking <c>POST /api/ai/videos/generate</c> (up to 15 minutes); no generation id.</summary>
    Sync,

    /// <summary>Subscribe to <c>GET /api/events</c>, enqueue, then await the completion event.</summary>
    Sse,
}
