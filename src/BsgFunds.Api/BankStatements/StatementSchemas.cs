using System.Xml;
using System.Xml.Schema;

namespace BsgFunds.Api.BankStatements;

/// <summary>
/// The official ISO 20022 schemas of the statements we import, embedded from Schemas/ (their source is in Schemas/README.md),
/// each compiled once into its own set, by target namespace.
/// </summary>
public static class StatementSchemas
{
    private static readonly Lazy<IReadOnlyDictionary<string, XmlSchemaSet>> Sets = new(Load);

    /// <summary>The compiled schema for a message namespace we import, or null for any other message.</summary>
    public static XmlSchemaSet? For(string namespaceName) => Sets.Value.GetValueOrDefault(namespaceName);

    private static Dictionary<string, XmlSchemaSet> Load()
    {
        var assembly = typeof(StatementSchemas).Assembly;
        var sets = new Dictionary<string, XmlSchemaSet>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var set = new XmlSchemaSet { XmlResolver = null };
            var schema = set.Add(null, reader)!;
            set.Compile();
            sets[schema.TargetNamespace!] = set;
        }

        return sets;
    }

    public const string ResourcePrefix = "BsgFunds.Api.BankStatements.Schemas.";
}
