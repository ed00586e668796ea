using BsgFunds.Domain.Contributions;

namespace BsgFunds.Api.Budget;

public sealed record BudgetLineInput([property: Required] int? Programme, [property: Required] UseOfFunds? Use,
    [property: Required] decimal? AmountChf);
