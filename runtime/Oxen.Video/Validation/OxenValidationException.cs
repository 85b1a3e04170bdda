using System.Collections.Generic;
using System.Linq;

namespace Oxen.Video.Validation;

/// <summary>Thrown when a request breaks its model's schema; nothing was sent.</summary>
public sealed class OxenValidationException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public OxenValidationException(string modelId, IReadOnlyList<OxenValidationError> errors)
        : base(BuildMessage(modelId, errors))
    {
        ModelId = modelId;
        Errors = errors;
    }

    /// <summary>The model the request was for.</summary>
    public string ModelId { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<OxenValidationError> Errors { get; }

    private static string BuildMessage(string modelId, IReadOnlyList<OxenValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var lines = errors.Select(e => "  - " + e);
        return $"The request for model '{modelId}' is invalid ({errors.Count} problem(s)):{Environment.NewLine}"
            + string.Join(Environment.NewLine, lines);
    }
}
