namespace Oxen.Video.Batch;

/// <summary>Where a line is in its life; each step is committed to the journal before the next action.</summary>
public enum BatchLineState
{
    /// <summary>Not sent yet.</summary>
    Pending = 1,

    /// <summary>The enqueue is about to go out or is out; the answer (the generation id) is not known.</summary>
    Sending,

    /// <summary>The hub took it: the generation id is saved.</summary>
    Enqueued,

    /// <summary>The video is saved as <c>&lt;key&gt;.mp4</c>.</summary>
    Downloaded,

    /// <summary>The hub refused it or the generation failed; the message is saved.</summary>
    Failed,
}

internal static class BatchLineStates
{
    public static string ToText(BatchLineState state) => state switch
    {
        BatchLineState.Pending => "pending",
        BatchLineState.Sending => "sending",
        BatchLineState.Enqueued => "enqueued",
        BatchLineState.Downloaded => "downloaded",
        BatchLineState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static BatchLineState Parse(string text) => text switch
    {
        "pending" => BatchLineState.Pending,
        "sending" => BatchLineState.Sending,
        "enqueued" => BatchLineState.Enqueued,
        "downloaded" => BatchLineState.Downloaded,
        "failed" => BatchLineState.Failed,
        _ => throw new InvalidDataException($"The journal holds an unknown state '{text}'."),
    };
}
