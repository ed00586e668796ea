using System.Runtime.CompilerServices;
using BsgFunds.Api.Setup;
using BsgFunds.Domain.Audit;
using Npgsql;

namespace BsgFunds.Api.Audit;

/// <summary>Reads the stored events exactly as PostgreSQL keeps them (jsonb text), which is what the chain hashes.</summary>
public static class AuditLog
{
    private static readonly string Events = $"{MartenSetup.Schema}.mt_events";
    private static readonly string Links = $"{MartenSetup.Schema}.mt_doc_chainlink";

    /// <param name="withChain">Whether to read each event's chain link too (the export); the transparency log needs the events alone.</param>
    public static async IAsyncEnumerable<ExportedEvent> ReadAsync(
        IDocumentStore store, long after, long upTo, int? limit, [EnumeratorCancellation] CancellationToken ct = default, bool withChain = true)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"""
             select e.seq_id, e.id, e.stream_id, e.version, e.type, e.timestamp, e.data::text, e.correlation_id, e.user_name, e.headers::text,
                    {(withChain ? "l.data->>'Hash', l.data->>'PreviousHash'" : "null, null")}
             from {Events} e {(withChain ? $"left join {Links} l on l.id = e.seq_id" : string.Empty)}
             where e.seq_id > @after and e.seq_id <= @upTo
             order by e.seq_id
             {(limit is { } n ? $"limit {n}" : string.Empty)}
             """, connection);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("upTo", upTo);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var timestamp = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc));
            yield return new ExportedEvent(
                new ChainedEvent(reader.GetInt64(0), reader.GetGuid(2), reader.GetInt64(3), reader.GetString(4), timestamp, reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                        reader.IsDBNull(9) ? null : reader.GetString(9)),
                reader.GetGuid(1),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11));
        }
    }
}
