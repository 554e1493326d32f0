namespace Crm.Silo.Clustering;

/// <summary>
/// What Orleans' ADO.NET clustering and reminder providers (10.4.2) need in PostgreSQL, which their packages do not ship:
/// the <c>OrleansQuery</c> table they read their statements from at start, and the tables those statements use.
/// </summary>
/// <remarks>
/// The contract, as that version's providers use it. Each provider runs <c>SELECT QueryKey, QueryText FROM OrleansQuery</c>
/// and refuses to start unless every key it knows is there. Clustering binds <c>@DeploymentId</c> (the cluster id),
/// a silo as <c>@Address</c> (text), <c>@Port</c> and <c>@Generation</c>, and <c>@Version</c> (the table version read
/// before, as the ETag every change must match); membership reads answer the version row left-joined with member rows, so
/// an empty table still answers its version. Times are bound as <c>DbType.DateTime</c> with UTC values, which Npgsql sends
/// as <c>timestamptz</c>. The provider deletes dead silos with <c>CleanupDefunctSiloEntryKey</c> (one row, matched on the
/// values it read) when present, else with the older <c>CleanupDefunctSiloEntriesKey</c>. Reminders bind <c>@ServiceId</c>,
/// <c>@GrainId</c>, <c>@ReminderName</c>, <c>@GrainHash</c> (the uniform hash as a signed int), <c>@StartTime</c>,
/// <c>@Period</c> (milliseconds) and <c>@Version</c>; a range read asks for hashes in (<c>@BeginHash</c>, <c>@EndHash</c>],
/// wrapping around when the begin is not below the end. Statements that report success answer one boolean row.
/// </remarks>
internal static class ClusterSchema
{
    public static readonly IReadOnlyList<string> Tables =
    [
        """
        CREATE TABLE IF NOT EXISTS orleansquery (
            querykey varchar(64) PRIMARY KEY,
            querytext text NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS crm_cluster_version (
            cluster_id text PRIMARY KEY,
            version integer NOT NULL,
            changed_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS crm_cluster_member (
            cluster_id text NOT NULL REFERENCES crm_cluster_version (cluster_id) ON DELETE CASCADE,
            address text NOT NULL,
            port integer NOT NULL,
            generation integer NOT NULL,
            silo_name text NOT NULL,
            host_name text NOT NULL,
            status integer NOT NULL,
            proxy_port integer NOT NULL,
            suspect_times text,
            start_time timestamptz NOT NULL,
            i_am_alive_time timestamptz NOT NULL,
            CONSTRAINT crm_cluster_member_pk PRIMARY KEY (cluster_id, address, port, generation)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS crm_reminder (
            service_id text NOT NULL,
            grain_id text NOT NULL,
            reminder_name text NOT NULL,
            grain_hash integer NOT NULL,
            start_time timestamptz NOT NULL,
            period_ms bigint NOT NULL,
            version integer NOT NULL,
            CONSTRAINT crm_reminder_pk PRIMARY KEY (service_id, grain_id, reminder_name)
        )
        """,
        "CREATE INDEX IF NOT EXISTS crm_reminder_hash ON crm_reminder (service_id, grain_hash)",
    ];

    private const string MemberColumns = """
        m.address AS "Address", m.port AS "Port", m.generation AS "Generation", m.silo_name AS "SiloName",
        m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
        m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
        """;

    private const string ThisSilo = "address = @Address AND port = @Port AND generation = @Generation";

    private const string ReminderColumns = """
        grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period", version AS "Version"
        """;

    /// <summary>Every statement by the key the providers ask for; written again at each start, so an upgrade replaces them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Queries = new Dictionary<string, string>
    {
        ["InsertMembershipVersionKey"] = """
            WITH inserted AS (
                INSERT INTO crm_cluster_version (cluster_id, version) VALUES (@DeploymentId, 0)
                ON CONFLICT (cluster_id) DO NOTHING
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM inserted)
            """,
        // The version row is the lock: of two concurrent changes against one version, the second finds it moved on.
        ["InsertMembershipKey"] = $"""
            WITH bumped AS (
                UPDATE crm_cluster_version SET version = version + 1, changed_at = now()
                WHERE cluster_id = @DeploymentId AND version = @Version
                  AND NOT EXISTS (SELECT 1 FROM crm_cluster_member WHERE cluster_id = @DeploymentId AND {ThisSilo})
                RETURNING cluster_id),
            inserted AS (
                INSERT INTO crm_cluster_member (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
                SELECT cluster_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime FROM bumped
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM inserted)
            """,
        ["UpdateMembershipKey"] = $"""
            WITH bumped AS (
                UPDATE crm_cluster_version SET version = version + 1, changed_at = now()
                WHERE cluster_id = @DeploymentId AND version = @Version
                  AND EXISTS (SELECT 1 FROM crm_cluster_member WHERE cluster_id = @DeploymentId AND {ThisSilo})
                RETURNING cluster_id),
            updated AS (
                UPDATE crm_cluster_member AS m
                SET status = @Status, suspect_times = @SuspectTimes::text, i_am_alive_time = @IAmAliveTime
                FROM bumped
                WHERE m.cluster_id = bumped.cluster_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM updated)
            """,
        ["UpdateIAmAlivetimeKey"] = $"""
            UPDATE crm_cluster_member SET i_am_alive_time = @IAmAliveTime
            WHERE cluster_id = @DeploymentId AND {ThisSilo}
            """,
        ["MembershipReadRowKey"] = $"""
            SELECT v.version AS "Version", {MemberColumns}
            FROM crm_cluster_version AS v
            LEFT JOIN crm_cluster_member AS m
              ON m.cluster_id = v.cluster_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
            WHERE v.cluster_id = @DeploymentId
            """,
        ["MembershipReadAllKey"] = $"""
            SELECT v.version AS "Version", {MemberColumns}
            FROM crm_cluster_version AS v
            LEFT JOIN crm_cluster_member AS m ON m.cluster_id = v.cluster_id
            WHERE v.cluster_id = @DeploymentId
            """,
        ["GatewaysQueryKey"] = """
            SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
            FROM crm_cluster_member
            WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0
            """,
        ["DeleteMembershipTableEntriesKey"] = "DELETE FROM crm_cluster_version WHERE cluster_id = @DeploymentId",
        ["CleanupDefunctSiloEntriesKey"] = $"""
            DELETE FROM crm_cluster_member
            WHERE cluster_id = @DeploymentId AND status = {(int)Orleans.Runtime.SiloStatus.Dead} AND i_am_alive_time < @IAmAliveTime
            """,
        // Deletes only the row as it was read, so a silo that came back meanwhile keeps its row; the provider reads an
        // empty suspect list as null, so empty and null match.
        ["CleanupDefunctSiloEntryKey"] = $"""
            DELETE FROM crm_cluster_member
            WHERE cluster_id = @DeploymentId AND {ThisSilo} AND status = {(int)Orleans.Runtime.SiloStatus.Dead}
              AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
              AND coalesce(suspect_times, '') = coalesce(@SuspectTimes::text, '')
            """,
        ["ReadReminderRowsKey"] = $"""
            SELECT {ReminderColumns} FROM crm_reminder WHERE service_id = @ServiceId AND grain_id = @GrainId
            """,
        ["ReadReminderRowKey"] = $"""
            SELECT {ReminderColumns} FROM crm_reminder
            WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
            """,
        ["ReadRangeRows1Key"] = $"""
            SELECT {ReminderColumns} FROM crm_reminder
            WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
            """,
        ["ReadRangeRows2Key"] = $"""
            SELECT {ReminderColumns} FROM crm_reminder
            WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
            """,
        ["UpsertReminderRowKey"] = """
            INSERT INTO crm_reminder (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
            VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 0)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
            SET grain_hash = EXCLUDED.grain_hash, start_time = EXCLUDED.start_time, period_ms = EXCLUDED.period_ms,
                version = crm_reminder.version + 1
            RETURNING version AS "Version"
            """,
        ["DeleteReminderRowKey"] = """
            WITH deleted AS (
                DELETE FROM crm_reminder
                WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM deleted)
            """,
        ["DeleteReminderRowsKey"] = "DELETE FROM crm_reminder WHERE service_id = @ServiceId",
    };
}
