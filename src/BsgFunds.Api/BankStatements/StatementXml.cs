using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using BsgFunds.Domain.BankStatements;

namespace BsgFunds.Api.BankStatements;

/// <summary>
/// Reads a statement body safely and checks it against its official schema: XML only (application/xml, text/xml), no DTD
/// and so no entity of any kind, no external resource, at most <see cref="BankStatementOptions.MaxStatementBytes"/>; then
/// camt.053 only, in a version we hold the schema of; then the schema itself, whose first error is answered with its line.
/// </summary>
public static class StatementXml
{
    public static async Task<XDocument> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("application/xml" or "text/xml"))
        {
            throw new StatementRefusedException(StatusCodes.Status415UnsupportedMediaType, Refusal.Invalid("statement-media-type-unsupported",
                $"A statement is sent as Content-Type application/xml (or text/xml), not {mediaType ?? "without a Content-Type"}.",
                "Content-Type"));
        }

        var body = await ReadBounded(request.Body, maxBytes, ct);
        var namespaceName = RootNamespace(body, maxBytes);
        var schemas = StatementSchemas.For(namespaceName);
        if (schemas is null || !namespaceName.StartsWith(Camt053Reader.NamespacePrefix + "camt.053.", StringComparison.Ordinal))
        {
            throw Refused(Refusal.Invalid("statement-message-unsupported", Unsupported(namespaceName), "Document"));
        }

        var settings = Settings(maxBytes);
        settings.ValidationType = ValidationType.Schema;
        settings.Schemas = schemas;
        try
        {
            body.Position = 0;
            using var reader = XmlReader.Create(body, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlSchemaValidationException e)
        {
            throw Refused(Refusal.Invalid("statement-schema-invalid",
                $"Line {e.LineNumber}, position {e.LinePosition}: {e.Message} (schema {namespaceName[Camt053Reader.NamespacePrefix.Length..]}).",
                $"line {e.LineNumber}"));
        }
        catch (XmlException e)
        {
            throw Refused(NotXml(e));
        }
    }

    private static XmlReaderSettings Settings(long maxBytes) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        Async = false,
    };

    // The whole body is held (at most the limit) because it is read twice: once for its message type, once against its schema.
    private static async Task<MemoryStream> ReadBounded(Stream body, long maxBytes, CancellationToken ct)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                throw new StatementRefusedException(StatusCodes.Status413PayloadTooLarge, Refusal.Invalid("request-too-large",
                    $"The statement is larger than {maxBytes} bytes (BankStatements:MaxStatementBytes).", "body"));
            }

            copy.Write(buffer, 0, read);
        }

        return copy;
    }

    private static string RootNamespace(MemoryStream body, long maxBytes)
    {
        try
        {
            body.Position = 0;
            using var reader = XmlReader.Create(body, Settings(maxBytes));
            reader.MoveToContent();
            return reader.NamespaceURI;
        }
        catch (XmlException e)
        {
            throw Refused(NotXml(e));
        }
    }

    private static Refusal NotXml(XmlException e) => e.Message.Contains("DTD", StringComparison.Ordinal)
        ? Refusal.Invalid("statement-dtd-prohibited",
            $"Line {e.LineNumber}: the document has a DOCTYPE; statements are read without DTDs or entities, and none was read.", "DOCTYPE")
        : Refusal.Invalid("statement-not-xml", $"Line {e.LineNumber}, position {e.LinePosition}: not well-formed XML: {e.Message}",
            $"line {e.LineNumber}");

    private static string Unsupported(string namespaceName)
    {
        var message = namespaceName.StartsWith(Camt053Reader.NamespacePrefix, StringComparison.Ordinal)
            ? namespaceName[Camt053Reader.NamespacePrefix.Length..]
            : null;
        var what = message switch
        {
            null when namespaceName.Length == 0 => "an XML document without a namespace",
            null => $"an XML document in namespace '{namespaceName}'",
            _ when message.StartsWith("camt.052.", StringComparison.Ordinal) => $"{message} (Bank-to-Customer Account Report, intraday)",
            _ when message.StartsWith("camt.054.", StringComparison.Ordinal) => $"{message} (Bank-to-Customer Debit/Credit Notification)",
            _ => message,
        };
        return $"Document: this is {what}; only the end-of-day statement camt.053 is imported, in versions "
            + $"{Camt053Reader.Version02} and {Camt053Reader.Version08}.";
    }

    private static StatementRefusedException Refused(Refusal refusal) => new(StatusCodes.Status400BadRequest, refusal);
}
