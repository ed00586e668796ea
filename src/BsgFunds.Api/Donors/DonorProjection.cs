using BsgFunds.Domain.Donors;
using Marten.Events.Aggregation;

namespace BsgFunds.Api.Donors;

public sealed partial class DonorProjection : SingleStreamProjection<Donor, Guid>
{
    public static Donor Create(DonorRegistered registered) => Donor.Create(registered);

    public static Donor Apply(DonorBankAccountRegistered registered, Donor donor) => donor.Apply(registered);
}
