using Orleans.Configuration;

namespace Crm.Silo.Clustering;

/// <summary>How nodes watch each other.</summary>
public static class ClusterMembership
{
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>
    /// Nodes here share few cores with the database and each other, so a node busy for a few seconds must not be declared
    /// dead, while a killed one must be found in well under a minute. Each node probes the others every
    /// <c>ProbeTimeout</c> (5 s); three missed probes make it a suspect and two nodes' votes declare it dead (~15–20 s
    /// for a killed process). A node that sees its own health degrade (thread-pool or timer delays) stretches its
    /// timeouts up to four times before it votes; traffic seen from a suspect suppresses votes against it; and probes go
    /// through a third node before a vote, so one slow link does not kill a node.
    /// </summary>
    public static void Tune(ClusterMembershipOptions membership)
    {
        membership.ProbeTimeout = TimeSpan.FromSeconds(5);
        membership.MaxProbeTimeout = TimeSpan.FromSeconds(20);
        membership.NumMissedProbesLimit = 3;
        membership.NumVotesForDeathDeclaration = 2;
        membership.ExtendProbeTimeoutDuringDegradation = true;
        membership.EnableConnectionLivenessCheck = true;
        membership.EnableIndirectProbes = true;
    }
}
