namespace BsgFunds.Domain.Contributions;

/// <summary>The nine uses of BSG funds (domain.md §4).</summary>
public enum UseOfFunds
{
    AssistanceAndConsultation,
    Training,
    Fellowship,
    ComplianceAndInteroperability,
    Interpretation,
    Translation,
    WorkshopsAndEvents,
    TestLaboratories,
    RemoteParticipation,
}
