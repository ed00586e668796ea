using System.Text.Json;
using System.Text.Json.Serialization;

namespace BsgFunds.Api.Http;

public sealed class MoneyInputConverter : JsonConverter<MoneyInput>
{
    public override MoneyInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number) return new MoneyInput(ReadDecimal(ref reader), null);
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("Money is { \"amount\": number, \"currency\": \"ISO 4217 code\" }.");

        decimal? amount = null;
        string? currency = null;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            // The same guard as AllowDuplicateProperties gives every other object: a second "amount" is an attack or a typo.
            if (name is not null && !seen.Add(name)) throw new JsonException($"Duplicate property '{name}' encountered during deserialization.");
            reader.Read();
            switch (name?.ToLowerInvariant())
            {
                case "amount":
                    amount = reader.TokenType == JsonTokenType.Null ? null : ReadDecimal(ref reader);
                    break;
                case "currency":
                    currency = reader.TokenType == JsonTokenType.Null ? null
                        : reader.TokenType == JsonTokenType.String ? reader.GetString()
                        : throw new JsonException("'currency' is a string such as \"USD\".");
                    break;
                default:
                    throw new JsonException($"The JSON property '{name}' could not be mapped to any .NET member contained in type 'Money'.");
            }
        }

        return new MoneyInput(amount, currency);
    }

    public override void Write(Utf8JsonWriter writer, MoneyInput value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Amount is { } amount) writer.WriteNumber("amount", amount);
        writer.WriteString("currency", value.Currency);
        writer.WriteEndObject();
    }

    private static decimal ReadDecimal(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value)
            ? value
            : throw new JsonException("An amount is a JSON number within the range of a decimal.");
}
