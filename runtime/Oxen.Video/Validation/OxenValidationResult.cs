using System.Collections.Generic;
using System.Linq;

namespace Oxen.Video.Validation;

/// <summary>The outcome of validating a request: every problem found, in property order.</summary>
public sealed class OxenValidationResult
{
    /// <summary>A result with no errors.</summary>
    public static OxenValidationResult Success { get; } = new([]);

    /// <summary>Creates a result from the errors found.</summary>
    public OxenValidationResult(IReadOnlyList<OxenValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
    }

    /// <summary>The result of the errors a generated <c>Validate()</c> collected: <see cref="Success"/> when there are none.</summary>
    public static OxenValidationResult From(List<OxenValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0 ? Success : new(errors);
    }

    /// <summary>Every problem found; empty when the request is valid.</summary>
    public IReadOnlyList<OxenValidationError> Errors { get; }

    /// <summary><see langword="true"/> when no problem was found.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Throws <see cref="OxenValidationException"/> when the result has errors.</summary>
    /// <param name="modelId">The model the request is for, named in the message.</param>
    public void ThrowIfInvalid(string modelId)
    {
        if (!IsValid)
        {
            throw new OxenValidationException(modelId, Errors);
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        IsValid ? "valid" : string.Join(Environment.NewLine, Errors.Select(e => e.ToString()));
}
