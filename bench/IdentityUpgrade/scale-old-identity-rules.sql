-- Grows a database restored from tests/Crm.Web.Tests/Upgrade/Fixtures/old-identity-rules.postgres.sql by 100,000
-- customers stored under the old identity rules, to time the identity upgrade pass (docs/OPERATIONS.md):
--   50,000 copies of Priya: two old keys of one British mobile (with and without the trunk zero) and an old-form
--          profile phone; the pass keeps the canonical key, releases the other and fixes the profile phone;
--   50,000 copies of Oliver: one London number keyed with the trunk zero; the pass claims the canonical key, releases
--          the old one and fixes the profile phone.
-- Run with psql against the restored database (service stopped), then start the service on it.
WITH templates AS (
    SELECT
        (SELECT s.payload::text FROM crm_grain_state s WHERE s.grain_type = 'customer.customer'
            AND s.grain_key = 'default/' || (SELECT payload->>'ownerId' FROM crm_grain_state WHERE grain_type = 'identity.identity' AND grain_key = 'default/sms/+447911123456')) AS priya,
        (SELECT s.payload::text FROM crm_grain_state s WHERE s.grain_type = 'customer.customer'
            AND s.grain_key = 'default/' || (SELECT payload->>'ownerId' FROM crm_grain_state WHERE grain_type = 'identity.identity' AND grain_key = 'default/whatsapp/+4402079460958')) AS oliver
),
people AS (
    SELECT i, md5('scaled-priya-' || i) AS id, (7911000000 + i)::text AS number, 'priya' AS kind FROM generate_series(1, 50000) AS i
    UNION ALL
    SELECT i, md5('scaled-oliver-' || i), (2071000000 + i)::text, 'oliver' FROM generate_series(1, 50000) AS i
),
customers AS (
    INSERT INTO crm_grain_state (grain_type, grain_key, version, payload)
    SELECT 'customer.customer', 'default/' || p.id, 1,
        CASE p.kind WHEN 'priya' THEN replace(t.priya, '7911123456', p.number) ELSE replace(t.oliver, '2079460958', p.number) END::json
    FROM people p, templates t
    RETURNING 1
)
INSERT INTO crm_grain_state (grain_type, grain_key, version, payload)
SELECT 'identity.identity', k.key, 1, json_build_object('ownerId', p.id, 'linkedAt', '2026-11-01T00:00:00+00:00')
FROM people p
CROSS JOIN LATERAL (VALUES
    (CASE p.kind WHEN 'priya' THEN 'default/sms/+440' ELSE 'default/whatsapp/+440' END || p.number),
    (CASE p.kind WHEN 'priya' THEN 'default/sms/+44' || p.number END)) AS k(key)
WHERE k.key IS NOT NULL;
