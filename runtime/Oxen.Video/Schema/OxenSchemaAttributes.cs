namespace Oxen.Video.Schema;

// The generator writes each property's schema constraints onto it with these attributes; the analyzer that
// ships beside the generator reads them at every constant assignment, so invalid constants do not compile.

/// <summary>The schema's <c>minimum</c>/<c>maximum</c>; an infinite bound is absent.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class OxenRangeAttribute(double minimum, double maximum) : Attribute
{
    /// <summary>The lower bound.</summary>
    public double Minimum { get; } = minimum;

    /// <summary>The upper bound.</summary>
    public double Maximum { get; } = maximum;

    /// <summary>Whether the lower bound itself is excluded.</summary>
    public bool ExclusiveMinimum { get; init; }

    /// <summary>Whether the upper bound itself is excluded.</summary>
    public bool ExclusiveMaximum { get; init; }
}

/// <summary>The schema's <c>minLength</c>/<c>maxLength</c>, in Unicode code points.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class OxenLengthAttribute(int minimum, int maximum) : Attribute
{
    /// <summary>The fewest characters allowed.</summary>
    public int Minimum { get; } = minimum;

    /// <summary>The most characters allowed (<see cref="int.MaxValue"/> when unbounded).</summary>
    public int Maximum { get; } = maximum;
}

/// <summary>The schema's <c>minItems</c>/<c>maxItems</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class OxenItemCountAttribute(int minimum, int maximum) : Attribute
{
    /// <summary>The fewest items allowed.</summary>
    public int Minimum { get; } = minimum;

    /// <summary>The most items allowed (<see cref="int.MaxValue"/> when unbounded).</summary>
    public int Maximum { get; } = maximum;
}

/// <summary>The schema's <c>format: uri</c>: the value must be an absolute URI.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class OxenUriAttribute : Attribute;

/// <summary>Marks an enum generated from a schema <c>enum</c>: only its named members are valid values.</summary>
[AttributeUsage(AttributeTargets.Enum, Inherited = false)]
public sealed class OxenEnumAttribute : Attribute;
