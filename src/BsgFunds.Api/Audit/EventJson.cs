using System.Text.Json;

namespace BsgFunds.Api.Audit;

/// <summary>
/// The export's JSON form of one event; the data and headers are PostgreSQL's jsonb text, verbatim, so that the chain
/// can be recomputed from the file.
/// </summary>
public static class EventJson
{
    public static void Write(Utf8JsonWriter writer, ExportedEvent exported)
    {
        var e = exported.Event;
        writer.WriteStartObject();
        writer.WriteNumber("sequence", e.Sequence);
        writer.WriteString("id", exported.Id);
        writer.WriteString("streamId", e.StreamId);
        writer.WriteNumber("version", e.Version);
        writer.WriteString("type", e.Type);
        writer.WriteString("timestamp", e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
            System.Globalization.CultureInfo.InvariantCulture));
        writer.WritePropertyName("data");
        writer.WriteRawValue(e.Data, skipInputValidation: true);
        writer.WriteString("correlationId", e.CorrelationId);
        writer.WriteString("user", e.UserName);
        writer.WritePropertyName("headers");
        if (e.Headers is null) writer.WriteNullValue();
        else writer.WriteRawValue(e.Headers, skipInputValidation: true);
        writer.WriteString("hash", exported.Hash);
        writer.WriteString("previousHash", exported.PreviousHash);
        writer.WriteEndObject();
    }
}
