using System.Diagnostics;

namespace Oxen.Video;

/// <summary>
/// What one generation reports to telemetry: span events as its status moves (queued, processing, completed),
/// and, once it ends, the generations counter, the time queued and processing, and the charged cost. Times are
/// what this client saw, or the hub's own timestamps for what it did not see (a rebuilt operation).
/// </summary>
internal sealed class OxenGenerationTracker
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly long _created;
    private long? _processingSince;
    private bool _sawQueued;
    private bool _sawProcessing;
    private bool _ended;
    private bool _costRecorded;

    public OxenGenerationTracker(string? model, OxenGenerationMode mode, TimeProvider time, Activity? activity, bool sawEnqueue)
    {
        Model = model;
        Mode = mode;
        _time = time;
        Activity = activity;
        _created = time.GetTimestamp();
        SawEnqueue = sawEnqueue;
    }

    /// <summary>The model, once known (a rebuilt operation learns it from its first snapshot).</summary>
    public string? Model { get; private set; }

    public OxenGenerationMode Mode { get; }

    /// <summary>The generation's span, when one is being recorded (only <see cref="OxenClient.GenerateVideoAsync"/> makes one).</summary>
    public Activity? Activity { get; }

    /// <summary>Whether this client enqueued it (so the time queued is measured from here).</summary>
    private bool SawEnqueue { get; }

    public OxenGenerationStatus FinalStatus { get; private set; } = OxenGenerationStatus.Unknown;

    /// <summary>Starts the span of one generation; null when nobody listens.</summary>
    public static Activity? StartActivity(string model, OxenGenerationMode mode, Uri server)
    {
        var activity = OxenTelemetry.Source.StartActivity($"{OxenTelemetry.OperationName} {model}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OxenTelemetry.Tags.OperationName, OxenTelemetry.OperationName);
            activity.SetTag(OxenTelemetry.Tags.ProviderName, OxenTelemetry.ProviderName);
            activity.SetTag(OxenTelemetry.Tags.RequestModel, model);
            activity.SetTag(OxenTelemetry.Tags.Mode, OxenTelemetry.ModeName(mode));
            activity.SetTag(OxenTelemetry.Tags.ServerAddress, server.Host);
            activity.SetTag(OxenTelemetry.Tags.ServerPort, server.Port);
        }

        return activity;
    }

    public void Enqueued(string generationId)
    {
        Activity?.SetTag(OxenTelemetry.Tags.GenerationId, generationId);
        Observe(OxenGenerationStatus.Queued, null);
    }

    /// <summary>Takes a status as seen (a poll, an event, the enqueue answer); terminal ones end the generation.</summary>
    public void Observe(OxenGenerationStatus status, OxenGeneration? snapshot)
    {
        string? addEvent = null;
        var end = false;
        lock (_gate)
        {
            Model ??= snapshot?.ModelName;
            if (_ended)
            {
                return;
            }

            switch (status)
            {
                case OxenGenerationStatus.Queued when !_sawQueued:
                    _sawQueued = true;
                    addEvent = OxenTelemetry.Events.Queued;
                    break;
                case OxenGenerationStatus.Processing when !_sawProcessing:
                    _sawProcessing = true;
                    _processingSince = _time.GetTimestamp();
                    addEvent = OxenTelemetry.Events.Processing;
                    break;
                case OxenGenerationStatus.Succeeded or OxenGenerationStatus.Failed or OxenGenerationStatus.Cancelled:
                    _ended = true;
                    end = true;
                    FinalStatus = status;
                    addEvent = OxenTelemetry.Events.Completed;
                    break;
            }
        }

        if (addEvent is not null)
        {
            Activity?.AddEvent(new ActivityEvent(addEvent, tags: new ActivityTagsCollection { [OxenTelemetry.Tags.Status] = OxenTelemetry.StatusName(status) }));
        }

        if (end)
        {
            RecordEnd(status, snapshot);
        }
    }

    /// <summary>The charged cost, once known; recorded once.</summary>
    public void Charged(decimal? costUsd)
    {
        if (costUsd is not { } cost)
        {
            return;
        }

        lock (_gate)
        {
            if (_costRecorded)
            {
                return;
            }

            _costRecorded = true;
        }

        Activity?.SetTag(OxenTelemetry.Tags.CostUsd, (double)cost);
        OxenTelemetry.Cost.Add((double)cost, new KeyValuePair<string, object?>(OxenTelemetry.Tags.RequestModel, Model ?? "unknown"));
    }

    private void RecordEnd(OxenGenerationStatus status, OxenGeneration? snapshot)
    {
        var now = _time.GetTimestamp();
        var model = new KeyValuePair<string, object?>(OxenTelemetry.Tags.RequestModel, Model ?? "unknown");
        var mode = new KeyValuePair<string, object?>(OxenTelemetry.Tags.Mode, OxenTelemetry.ModeName(Mode));
        var statusTag = new KeyValuePair<string, object?>(OxenTelemetry.Tags.Status, OxenTelemetry.StatusName(status));
        OxenTelemetry.Generations.Add(1, model, mode, statusTag);

        var hubQueued = snapshot is { EnqueuedAt: { } enqueued, StartedAt: { } started } && started >= enqueued ? (started - enqueued).TotalSeconds : (double?)null;
        var hubProcessing = snapshot is { StartedAt: { } s, CompletedAt: { } c } && c >= s ? (c - s).TotalSeconds : (double?)null;
        double? queued = SawEnqueue && Mode != OxenGenerationMode.Sync
            ? _time.GetElapsedTime(_created, _processingSince ?? now).TotalSeconds
            : hubQueued;
        double? processing = _processingSince is { } since ? _time.GetElapsedTime(since, now).TotalSeconds
            : Mode == OxenGenerationMode.Sync ? _time.GetElapsedTime(_created, now).TotalSeconds
            : hubProcessing;
        if (Mode == OxenGenerationMode.Sync)
        {
            queued = null;
        }
        else if (_processingSince is null && hubProcessing is null)
        {
            queued = hubQueued; // Never seen running: the whole wait is not all queue time.
        }

        if (queued is { } q)
        {
            OxenTelemetry.QueuedTime.Record(q, model, mode);
        }

        if (processing is { } p)
        {
            OxenTelemetry.ProcessingTime.Record(p, model, mode, statusTag);
        }

        if (Activity is { } activity)
        {
            activity.SetTag(OxenTelemetry.Tags.Status, OxenTelemetry.StatusName(status));
            if (snapshot?.ModelName is { } answered)
            {
                activity.SetTag(OxenTelemetry.Tags.ResponseModel, answered);
            }

            if (status != OxenGenerationStatus.Succeeded)
            {
                activity.SetTag(OxenTelemetry.Tags.ErrorType, "generation_" + OxenTelemetry.StatusName(status));
                activity.SetStatus(ActivityStatusCode.Error, $"The generation {OxenTelemetry.StatusName(status)}.");
            }
        }
    }
}
