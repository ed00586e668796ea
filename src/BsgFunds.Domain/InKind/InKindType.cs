namespace BsgFunds.Domain.InKind;

/// <summary>What a donor gave instead of cash (domain.md §11): goods are recognised at fair value, services only disclosed.</summary>
public enum InKindType
{
    Goods,
    Services,
}
