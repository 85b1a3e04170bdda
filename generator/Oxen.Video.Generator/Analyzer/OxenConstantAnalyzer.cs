using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Oxen.Video.Generator.Diagnostics;
using Oxen.Video.Internal;

namespace Oxen.Video.Generator.Analyzer;

/// <summary>
/// Reports constant values that break a model's schema where the user writes them: object initializers and
/// assignments to generated properties. It reads the constraints the generator wrote onto each property as
/// attributes (<c>OxenRange</c>, <c>OxenLength</c>, <c>OxenUri</c>, <c>OxenEnum</c>), so it never reads a schema.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OxenConstantAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ValueOutOfRange,
        DiagnosticDescriptors.StringLengthOutOfRange,
        DiagnosticDescriptors.UndefinedEnumValue,
        DiagnosticDescriptors.NotAbsoluteUri);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var attributes = SchemaAttributes.From(start.Compilation);
            if (attributes is null)
            {
                return; // The compilation does not reference Oxen.Video: nothing to check.
            }

            start.RegisterOperationAction(operation => Analyze(operation, attributes), OperationKind.SimpleAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context, SchemaAttributes attributes)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property })
        {
            return;
        }

        var value = ConstantOperand(assignment.Value);
        if (value is null || !value.ConstantValue.HasValue)
        {
            return; // Not a constant: Validate() catches it at run time.
        }

        var constant = value.ConstantValue.Value;
        var location = assignment.Value.Syntax.GetLocation();
        var enumType = UnwrapNullable(property.Type) as INamedTypeSymbol;
        if (enumType is { TypeKind: TypeKind.Enum } && HasAttribute(enumType, attributes.Enum))
        {
            CheckEnum(context, property, enumType, constant, location);
            return;
        }

        foreach (var attribute in property.GetAttributes())
        {
            var kind = attribute.AttributeClass;
            if (SymbolEqualityComparer.Default.Equals(kind, attributes.Range))
            {
                CheckRange(context, property, attribute, constant, location);
            }
            else if (SymbolEqualityComparer.Default.Equals(kind, attributes.Length) && constant is string text)
            {
                CheckLength(context, property, attribute, text, location);
            }
            else if (SymbolEqualityComparer.Default.Equals(kind, attributes.Uri) && constant is string uri && !ValueRules.IsAbsoluteUri(uri))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotAbsoluteUri, location, property.Name, uri));
            }
        }
    }

    /// <summary>The innermost operand that is still a constant, through conversions to nullable or double.</summary>
    private static IOperation? ConstantOperand(IOperation value)
    {
        var current = value;
        while (!current.ConstantValue.HasValue && current is IConversionOperation conversion)
        {
            current = conversion.Operand;
        }

        return current;
    }

    private static void CheckRange(OperationAnalysisContext context, IPropertySymbol property, AttributeData attribute, object? constant, Location location)
    {
        if (!TryGetNumber(constant, out var number) || attribute.ConstructorArguments.Length != 2)
        {
            return;
        }

        var minimum = System.Convert.ToDouble(attribute.ConstructorArguments[0].Value, CultureInfo.InvariantCulture);
        var maximum = System.Convert.ToDouble(attribute.ConstructorArguments[1].Value, CultureInfo.InvariantCulture);
        var exclusiveMinimum = NamedBool(attribute, "ExclusiveMinimum");
        var exclusiveMaximum = NamedBool(attribute, "ExclusiveMaximum");
        var tooLow = exclusiveMinimum ? number <= minimum : number < minimum;
        var tooHigh = exclusiveMaximum ? number >= maximum : number > maximum;
        if (tooLow || tooHigh)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ValueOutOfRange, location, property.Name, ValueRules.FormatNumber(number), ValueRules.DescribeRange(minimum, maximum, exclusiveMinimum, exclusiveMaximum)));
        }
    }

    private static void CheckLength(OperationAnalysisContext context, IPropertySymbol property, AttributeData attribute, string text, Location location)
    {
        if (attribute.ConstructorArguments.Length != 2
            || attribute.ConstructorArguments[0].Value is not int minimum
            || attribute.ConstructorArguments[1].Value is not int maximum)
        {
            return;
        }

        var length = ValueRules.CountCodePoints(text);
        if (length < minimum || length > maximum)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StringLengthOutOfRange, location, property.Name, length.ToString(CultureInfo.InvariantCulture), ValueRules.DescribeCount(minimum, maximum, "characters")));
        }
    }

    private static void CheckEnum(OperationAnalysisContext context, IPropertySymbol property, INamedTypeSymbol enumType, object? constant, Location location)
    {
        if (!TryGetNumber(constant, out var number))
        {
            return;
        }

        var members = enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToList();
        if (members.Any(f => TryGetNumber(f.ConstantValue, out var defined) && defined == number))
        {
            return;
        }

        var allowed = string.Join(", ", members.Select(m => $"{enumType.Name}.{m.Name}"));
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UndefinedEnumValue, location, property.Name, $"({enumType.Name}){ValueRules.FormatNumber(number)}", allowed));
    }

    private static bool TryGetNumber(object? constant, out double number)
    {
        switch (constant)
        {
            case int or long or short or sbyte or byte or ushort or uint or ulong or double or float or decimal:
                number = System.Convert.ToDouble(constant, CultureInfo.InvariantCulture);
                return true;
            default:
                number = 0;
                return false;
        }
    }

    private static bool NamedBool(AttributeData attribute, string name) =>
        attribute.NamedArguments.Any(a => a.Key == name && a.Value.Value is true);

    private static ITypeSymbol UnwrapNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute) =>
        symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

    /// <summary>The attribute types of the runtime the compilation references.</summary>
    private sealed class SchemaAttributes(INamedTypeSymbol range, INamedTypeSymbol length, INamedTypeSymbol uri, INamedTypeSymbol @enum)
    {
        public INamedTypeSymbol Range { get; } = range;

        public INamedTypeSymbol Length { get; } = length;

        public INamedTypeSymbol Uri { get; } = uri;

        public INamedTypeSymbol Enum { get; } = @enum;

        public static SchemaAttributes? From(Compilation compilation)
        {
            var range = compilation.GetTypeByMetadataName("Oxen.Video.Schema.OxenRangeAttribute");
            var length = compilation.GetTypeByMetadataName("Oxen.Video.Schema.OxenLengthAttribute");
            var uri = compilation.GetTypeByMetadataName("Oxen.Video.Schema.OxenUriAttribute");
            var @enum = compilation.GetTypeByMetadataName("Oxen.Video.Schema.OxenEnumAttribute");
            return range is null || length is null || uri is null || @enum is null ? null : new SchemaAttributes(range, length, uri, @enum);
        }
    }
}
