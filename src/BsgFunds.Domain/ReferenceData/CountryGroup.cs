namespace BsgFunds.Domain.ReferenceData;

/// <summary>
/// Country groups whose membership starts and ends on dates: the UN's least developed countries, small island
/// developing States, landlocked developing countries, economies in transition, and the list of developing
/// countries whose nationals are eligible for BSG fellowships.
/// </summary>
public enum CountryGroup
{
    LDC,
    SIDS,
    LLDC,
    EIT,
    Developing,
}
