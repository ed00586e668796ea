using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using BsgFunds.Domain;

namespace BsgFunds.Api.Setup;

/// <summary>
/// Money as a client sends it: <c>{ "amount": 1250.50, "currency": "USD" }</c>. An instalment may give a bare number,
/// which is in the agreement's currency. Checked into a domain <see cref="Money"/> by <see cref="Inputs"/>.
/// </summary>
[JsonConverter(typeof(MoneyInputConverter))]
public sealed record MoneyInput([property: Required] decimal? Amount, [property: Required] string? Currency);

/// <summary>Turns request fields into domain values, collecting one message per field at fault.</summary>
public sealed class Inputs
{
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public bool Valid => Errors.Count == 0;

    /// <summary>Validation of a command whose only field is a required reason (rejections, cancellations).</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails ReasonOnly(string? reason, bool missingBody)
    {
        if (missingBody) return Problems.MissingBody("{ reason }");
        var inputs = new Inputs();
        inputs.Text(reason, "reason", 1000);
        return inputs.Valid ? Wolverine.Http.WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    public void Fail(string field, string message) => Errors.TryAdd(field, [message]);

    public string Text(string? value, string field, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Fail(field, $"'{field}' is required.");
            return string.Empty;
        }

        if (value.Length > maxLength) Fail(field, $"'{field}' is at most {maxLength} characters.");
        return value.Trim();
    }

    public T Required<T>(T? value, string field, string what) where T : struct
    {
        if (value is null) Fail(field, $"'{field}' ({what}) is required.");
        return value ?? default;
    }

    /// <summary>An instalment schedule; an instalment's amount may be a bare number in the agreement's currency.</summary>
    public List<Domain.Contributions.Instalment> Instalments(IReadOnlyList<Contributions.InstalmentInput>? given, string? currency)
    {
        var instalments = new List<Domain.Contributions.Instalment>();
        if (given is null) Fail("instalments", "'instalments' ([{ dueOn, amount }], adding up to the amount) is required.");
        for (var i = 0; i < (given?.Count ?? 0); i++)
        {
            var instalment = given![i];
            var due = Required(instalment?.DueOn, $"instalments[{i}].dueOn", "yyyy-MM-dd");
            if (Money(instalment?.Amount, $"instalments[{i}].amount", currency) is { } money) instalments.Add(new(due, money));
        }

        return instalments;
    }

    public Money? Money(MoneyInput? input, string field, string? defaultCurrency = null)
    {
        if (input?.Amount is not { } amount)
        {
            Fail(field, $"'{field}' is required as {{ \"amount\": number, \"currency\": \"ISO 4217 code\" }}.");
            return null;
        }

        var currency = input.Currency ?? defaultCurrency;
        if (currency is null)
        {
            Fail($"{field}.currency", $"'{field}.currency' (an ISO 4217 code) is required.");
            return null;
        }

        if (!Domain.Money.TryCreate(amount, currency, out var money, out var error))
        {
            Fail(Domain.Currency.IsKnown(currency) ? $"{field}.amount" : $"{field}.currency", error!);
            return null;
        }

        return money;
    }
}

public sealed class MoneyInputConverter : JsonConverter<MoneyInput>
{
    public override MoneyInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number) return new MoneyInput(ReadDecimal(ref reader), null);
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Money is { \"amount\": number, \"currency\": \"ISO 4217 code\" }.");

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
