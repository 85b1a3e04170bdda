namespace Oxen.Video.Generator;

/// <summary>The tracked names of the pipeline's steps; tests assert each stays cached across unrelated edits.</summary>
public static class StepNames
{
    /// <summary>The schema files picked out of AdditionalFiles.</summary>
    public const string SchemaFiles = "OxenSchemaFiles";

    /// <summary>One file parsed into a model spec and its diagnostics.</summary>
    public const string ParsedSchemas = "OxenParsedSchemas";

    /// <summary>The generated namespace, from MSBuild.</summary>
    public const string Namespace = "OxenNamespace";

    /// <summary>Ids and type names resolved over every schema file (<c>SchemaSet.Resolve</c>): the collect step.</summary>
    public const string DuplicateIds = "OxenDuplicateIds";

    /// <summary>Each model spec ready to emit.</summary>
    public const string Models = "OxenModels";

    /// <summary>The collected summaries behind the registry.</summary>
    public const string Registry = "OxenRegistry";
}
