using Microsoft.Extensions.Logging;

namespace Oxen.Video;

/// <summary>The client's log lines (source-generated). None of them ever carries the API key.</summary>
internal static partial class OxenLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Enqueued Oxen generation {GenerationId} for model {Model}")]
    public static partial void Enqueued(ILogger logger, string generationId, string model);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Oxen generation {GenerationId} ended as {Status}")]
    public static partial void GenerationEnded(ILogger logger, string generationId, OxenGenerationStatus status);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Retrying {Request} in {DelayMs} ms (retry {Attempt} of {MaxRetries}): {Reason}")]
    public static partial void Retrying(ILogger logger, string request, long delayMs, int attempt, int maxRetries, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Oxen event stream connected")]
    public static partial void EventStreamConnected(ILogger logger);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Oxen event stream lost ({Reason}); reconnecting in {DelayMs} ms")]
    public static partial void EventStreamLost(ILogger logger, string reason, long delayMs);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Oxen event stream unavailable ({Reason}); polling the awaited generations instead")]
    public static partial void EventStreamUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Checking Oxen generation {GenerationId} failed; will try again: {Reason}")]
    public static partial void PollFailed(ILogger logger, string generationId, string reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Synchronous Oxen generation for model {Model} finished")]
    public static partial void SyncFinished(ILogger logger, string model);

    [LoggerMessage(EventId = 9, Level = LogLevel.Debug, Message = "Sending {Request}")]
    public static partial void Sending(ILogger logger, string request);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Oxen event stream stopped: no generation is awaited")]
    public static partial void EventStreamStopped(ILogger logger);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Oxen generation {GenerationId} reported the undocumented status '{Status}'; treating it as still running")]
    public static partial void UnknownStatus(ILogger logger, string generationId, string status);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "The charged cost of Oxen generation {GenerationId} is not available: {Reason}")]
    public static partial void ChargedCostUnavailable(ILogger logger, string generationId, string reason);

    [LoggerMessage(
        EventId = 20, Level = LogLevel.Information, Message = "Oxen media input {Path} ({Bytes} bytes): {Outcome}")]
    public static partial void MediaUploaded(ILogger logger, string path, long bytes, string outcome);

    [LoggerMessage(
        EventId = 21, Level = LogLevel.Information, Message = "Created the Oxen repository {Repository} for media")]
    public static partial void MediaRepositoryCreated(ILogger logger, string repository);
}
