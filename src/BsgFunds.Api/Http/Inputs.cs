
namespace BsgFunds.Api.Http;

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
