using BsgFunds.Domain.BankStatements;
using Marten.Events.Aggregation;

namespace BsgFunds.Api.BankStatements;

public sealed partial class BankStatementProjection : SingleStreamProjection<BankStatement, Guid>
{
    public static BankStatement Create(BankStatementImported imported) => BankStatement.Create(imported);

    public static BankStatement Apply(BankStatementLineConfirmed confirmed, BankStatement statement) => statement.Apply(confirmed);

    public static BankStatement Apply(BankStatementLineSetAside setAside, BankStatement statement) => statement.Apply(setAside);
}
