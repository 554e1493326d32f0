CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE TABLE public.crm_cluster_member (
    cluster_id text NOT NULL,
    address text NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    silo_name text NOT NULL,
    host_name text NOT NULL,
    status integer NOT NULL,
    proxy_port integer NOT NULL,
    suspect_times text,
    start_time timestamp with time zone NOT NULL,
    i_am_alive_time timestamp with time zone NOT NULL
);
CREATE TABLE public.crm_cluster_version (
    cluster_id text NOT NULL,
    version integer NOT NULL,
    changed_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.crm_customers (
    workspace text NOT NULL,
    id text NOT NULL,
    name text,
    email text,
    phone text,
    company text,
    city text,
    country text,
    language text,
    avatar_url text,
    lifecycle text NOT NULL,
    intent text NOT NULL,
    intent_score double precision NOT NULL,
    tags text[] NOT NULL,
    segments text[] NOT NULL,
    channels text[] NOT NULL,
    conversations integer NOT NULL,
    messages integer NOT NULL,
    orders integer NOT NULL,
    ltv numeric(20,2) NOT NULL,
    csat_average double precision,
    first_seen timestamp with time zone NOT NULL,
    last_active timestamp with time zone,
    last_contact timestamp with time zone,
    search text NOT NULL
);
CREATE TABLE public.crm_duplicate_suggestions (
    workspace text NOT NULL,
    customer_id text NOT NULL,
    other_customer_id text NOT NULL,
    channel text NOT NULL,
    value text NOT NULL,
    at timestamp with time zone NOT NULL
);
CREATE TABLE public.crm_grain_state (
    grain_type text NOT NULL,
    grain_key text NOT NULL,
    version bigint NOT NULL,
    payload json NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.crm_reminder (
    service_id text NOT NULL,
    grain_id text NOT NULL,
    reminder_name text NOT NULL,
    grain_hash integer NOT NULL,
    start_time timestamp with time zone NOT NULL,
    period_ms bigint NOT NULL,
    version integer NOT NULL
);
CREATE TABLE public.crm_stats (
    workspace text NOT NULL,
    all_count bigint NOT NULL,
    active bigint NOT NULL,
    needs_attention bigint NOT NULL,
    sales_opportunities bigint NOT NULL
);
CREATE TABLE public.crm_timeline (
    workspace text NOT NULL,
    customer_id text NOT NULL,
    seq bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    kind text NOT NULL,
    actor text NOT NULL,
    summary text NOT NULL
);
CREATE TABLE public.orleansquery (
    querykey character varying(64) NOT NULL,
    querytext text NOT NULL
);
INSERT INTO public.crm_customers VALUES ('default', '01a23e1728c7709cb4e865181723e26f', 'Oliver Grant', NULL, '+4402079460958', NULL, NULL, NULL, NULL, NULL, 'lead', 'general', 0.5, '{}', '{}', '{whatsapp}', 1, 1, 0, 0.00, NULL, '2026-11-02 09:00:00+00', '2026-11-02 09:05:00+00', '2026-11-02 09:00:00+00', 'oliver grant +4402079460958');
INSERT INTO public.crm_customers VALUES ('default', '01a23e172ebe77f2be17a6e41ad27d05', NULL, NULL, '+442079460958', NULL, NULL, NULL, NULL, NULL, 'lead', 'general', 0.5, '{}', '{}', '{whatsapp}', 1, 1, 0, 0.00, NULL, '2026-11-03 10:00:00+00', '2026-11-03 10:00:00+00', '2026-11-03 10:00:00+00', '+442079460958');
INSERT INTO public.crm_customers VALUES ('default', '01a23e172fa0714d93d71cafd369ce44', 'Priya Shah', NULL, '+4407911123456', NULL, NULL, NULL, NULL, NULL, 'lead', 'general', 0.5, '{}', '{}', '{sms}', 1, 1, 0, 0.00, NULL, '2026-11-04 08:00:00+00', '2026-11-04 08:01:00+00', '2026-11-04 08:00:00+00', 'priya shah +4407911123456');
INSERT INTO public.crm_customers VALUES ('default', '01a23e1731a774609c3de55c925348a8', 'Grace Hall', 'grace@example.com', '+4401614960000', NULL, NULL, NULL, NULL, NULL, 'lead', 'no_engagement', 1, '{}', '{}', '{email}', 0, 0, 0, 0.00, NULL, '2026-12-03 22:47:17.215187+00', NULL, NULL, 'grace hall grace@example.com +4401614960000');
INSERT INTO public.crm_customers VALUES ('default', '01a23e1733e97603959e1a0a7f81f974', NULL, 'ana@exämple.com', NULL, NULL, NULL, NULL, NULL, NULL, 'lead', 'general', 0.5, '{}', '{}', '{email}', 1, 1, 0, 0.00, NULL, '2026-11-05 12:00:00+00', '2026-11-05 12:00:00+00', '2026-11-05 12:00:00+00', 'ana@exämple.com');
INSERT INTO public.crm_customers VALUES ('default', '01a23e1735237f1891c21da71e2f534d', NULL, NULL, '+99912345678', NULL, NULL, NULL, NULL, NULL, 'lead', 'general', 0.5, '{}', '{}', '{sms}', 1, 1, 0, 0.00, NULL, '2026-11-06 12:00:00+00', '2026-11-06 12:00:00+00', '2026-11-06 12:00:00+00', '+99912345678');
INSERT INTO public.crm_customers VALUES ('default', '01a23e173740785db666da76bf2f536c', NULL, NULL, '+5511987654321', NULL, NULL, NULL, NULL, NULL, 'lead', 'general', 0.5, '{}', '{}', '{whatsapp}', 1, 1, 0, 0.00, NULL, '2026-11-07 12:00:00+00', '2026-11-07 12:00:00+00', '2026-11-07 12:00:00+00', '+5511987654321');
INSERT INTO public.crm_customers VALUES ('default', '01a23e1737ec721aa8b340004c636f08', NULL, 'carla@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 'lead', 'general', 0.5, '{}', '{}', '{email}', 1, 1, 0, 0.00, NULL, '2026-11-07 13:00:00+00', '2026-11-07 13:00:00+00', '2026-11-07 13:00:00+00', 'carla@example.com');
INSERT INTO public.crm_customers VALUES ('default', '01a23e17386c766f9158e8aaf63840ff', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'lead', 'general', 0.5, '{}', '{}', '{instagram}', 1, 1, 0, 0.00, NULL, '2026-11-07 14:00:00+00', '2026-11-07 14:00:00+00', '2026-11-07 14:00:00+00', '');
INSERT INTO public.crm_customers VALUES ('default', '01a23e173937759ab3856754e904a509', NULL, 'tom@example.com', '+4407700900461', NULL, NULL, NULL, NULL, NULL, 'lead', 'general', 0.5, '{}', '{}', '{email,sms}', 2, 2, 0, 0.00, NULL, '2026-11-08 09:00:00+00', '2026-11-08 09:30:00+00', '2026-11-08 09:30:00+00', 'tom@example.com +4407700900461');
INSERT INTO public.crm_customers VALUES ('acme-us', '01a23e1740a171a290f1ecce7e635474', NULL, NULL, '+114155550132', NULL, NULL, NULL, NULL, NULL, 'lead', 'general', 0.5, '{}', '{}', '{sms}', 1, 1, 0, 0.00, NULL, '2026-11-09 16:00:00+00', '2026-11-09 16:00:00+00', '2026-11-09 16:00:00+00', '+114155550132');
INSERT INTO public.crm_customers VALUES ('acme-us', '01a23e174287714f8aa671f0d2128851', NULL, 'jo@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 'lead', 'general', 0.5, '{}', '{}', '{email}', 1, 1, 0, 0.00, NULL, '2026-11-09 17:00:00+00', '2026-11-09 17:00:00+00', '2026-11-09 17:00:00+00', 'jo@example.com');
INSERT INTO public.crm_grain_state VALUES ('apikey.key', '436200b12d1dbd86c37960fb3c060394cf2b9e8712ed64cadc250b55b186ec69', 1, '{"key":{"id":"key_42dc3f7ef20a1f96","workspace":"default","role":"admin","name":"bootstrap admin","secretHash":"436200b12d1dbd86c37960fb3c060394cf2b9e8712ed64cadc250b55b186ec69","createdAt":"2026-12-03T22:47:10.6565988+00:00","revokedAt":null}}', '2026-12-03 22:47:10.680396+00');
INSERT INTO public.crm_grain_state VALUES ('workspaceaccess.access', 'default', 1, '{"keys":[{"id":"key_42dc3f7ef20a1f96","workspace":"default","role":"admin","name":"bootstrap admin","secretHash":"436200b12d1dbd86c37960fb3c060394cf2b9e8712ed64cadc250b55b186ec69","createdAt":"2026-12-03T22:47:10.6565988+00:00","revokedAt":null}]}', '2026-12-03 22:47:10.691816+00');
INSERT INTO public.crm_grain_state VALUES ('workspace.workspace', 'default', 1, '{"settings":{"defaultPhoneCountry":"44","activeConversations":3,"activeWindowDays":3650,"atRiskAfterDays":3000,"churnedAfterDays":3650,"vipLifetimeValue":1000}}', '2026-12-03 22:47:14.314384+00');
INSERT INTO public.crm_grain_state VALUES ('apikey.key', '12dca701a2fbb9c9d0546e734471740cd51713f175f568e525273d1b9d4a69ba', 1, '{"key":{"id":"key_09c874d7fd0bc5c2","workspace":"acme-us","role":"admin","name":"bootstrap admin","secretHash":"12dca701a2fbb9c9d0546e734471740cd51713f175f568e525273d1b9d4a69ba","createdAt":"2026-12-03T22:47:14.5265652+00:00","revokedAt":null}}', '2026-12-03 22:47:14.562062+00');
INSERT INTO public.crm_grain_state VALUES ('workspaceaccess.access', 'acme-us', 1, '{"keys":[{"id":"key_09c874d7fd0bc5c2","workspace":"acme-us","role":"admin","name":"bootstrap admin","secretHash":"12dca701a2fbb9c9d0546e734471740cd51713f175f568e525273d1b9d4a69ba","createdAt":"2026-12-03T22:47:14.5265652+00:00","revokedAt":null}]}', '2026-12-03 22:47:14.595386+00');
INSERT INTO public.crm_grain_state VALUES ('workspace.workspace', 'acme-us', 1, '{"settings":{"defaultPhoneCountry":"1","activeConversations":3,"activeWindowDays":3650,"atRiskAfterDays":3000,"churnedAfterDays":3650,"vipLifetimeValue":1000}}', '2026-12-03 22:47:14.764246+00');
INSERT INTO public.crm_grain_state VALUES ('identity.identity', 'default/whatsapp/+4402079460958', 1, '{"ownerId":"01a23e1728c7709cb4e865181723e26f","linkedAt":"2026-12-03T22:47:14.8876081+00:00"}', '2026-12-03 22:47:14.899152+00');
INSERT INTO public.crm_grain_state VALUES ('customer.customer', 'default/01a23e1728c7709cb4e865181723e26f', 2, '{"exists":true,"mergedInto":null,"erasedAt":null,"profile":{"name":"Oliver Grant","email":null,"phone":"\u002B4402079460958","company":null,"city":null,"country":null,"language":null,"avatarUrl":null},"firstSeen":"2026-11-02T09:00:00+00:00","lastActive":"2026-11-02T09:05:00+00:00","lastContact":"2026-11-02T09:00:00+00:00","conversations":1,"messages":1,"orders":0,"csatSum":0,"csatCount":0,"lifetimeValue":0,"recentConversations":[{"id":"wa-oliver","channel":"whatsapp","status":"open","startedAt":"2026-11-02T09:00:00+00:00","lastMessageAt":"2026-11-02T09:00:00+00:00","closedAt":null,"messageCount":1,"lastSnippet":"Hello, is my order on its way?"}],"recentOrders":[],"lifecycle":"lead","manualLifecycle":null,"intent":{"intent":"general","score":0.5,"reasons":["in touch, without a sales or support signal lately"]},"recentMessageIntents":[{"at":"2026-11-02T09:00:00+00:00","intent":"support","score":0.9999337303190874,"reasons":["\u0027my order\u0027 suggests support","\u0027is my\u0027 suggests support","\u0027its\u0027 suggests support"]}],"lastPricingView":null,"lastCartView":null,"tags":[],"staticSegments":[],"segments":[],"notes":[],"attributes":{},"identities":[{"channel":"whatsapp","value":"\u002B4402079460958"}],"recentEvents":{"digests":"fJ3zS1wLs52C4/Q1hrbuCw=="},"timelineSequence":4,"appliedMerges":[],"absorbedIds":[],"noteSequence":0,"pendingMerges":[]}', '2026-12-03 22:47:16.284118+00');
INSERT INTO public.crm_grain_state VALUES ('identity.identity', 'default/whatsapp/+442079460958', 1, '{"ownerId":"01a23e172ebe77f2be17a6e41ad27d05","linkedAt":"2026-12-03T22:47:16.4141702+00:00"}', '2026-12-03 22:47:16.414673+00');
INSERT INTO public.crm_grain_state VALUES ('customer.customer', 'default/01a23e172ebe77f2be17a6e41ad27d05', 1, '{"exists":true,"mergedInto":null,"erasedAt":null,"profile":{"name":null,"email":null,"phone":"\u002B442079460958","company":null,"city":null,"country":null,"language":null,"avatarUrl":null},"firstSeen":"2026-11-03T10:00:00+00:00","lastActive":"2026-11-03T10:00:00+00:00","lastContact":"2026-11-03T10:00:00+00:00","conversations":1,"messages":1,"orders":0,"csatSum":0,"csatCount":0,"lifetimeValue":0,"recentConversations":[{"id":"wa-oliver-2","channel":"whatsapp","status":"open","startedAt":"2026-11-03T10:00:00+00:00","lastMessageAt":"2026-11-03T10:00:00+00:00","closedAt":null,"messageCount":1,"lastSnippet":"Any news?"}],"recentOrders":[],"lifecycle":"lead","manualLifecycle":null,"intent":{"intent":"general","score":0.5,"reasons":["in touch, without a sales or support signal lately"]},"recentMessageIntents":[{"at":"2026-11-03T10:00:00+00:00","intent":"sales_opportunity","score":0.7026868624701703,"reasons":["\u0027any\u0027 suggests sales_opportunity","\u0027news\u0027 suggests sales_opportunity"]}],"lastPricingView":null,"lastCartView":null,"tags":[],"staticSegments":[],"segments":[],"notes":[],"attributes":{},"identities":[{"channel":"whatsapp","value":"\u002B442079460958"}],"recentEvents":{"digests":"0ZxPgTbXMGU="},"timelineSequence":3,"appliedMerges":[],"absorbedIds":[],"noteSequence":0,"pendingMerges":[]}', '2026-12-03 22:47:16.454372+00');
INSERT INTO public.crm_grain_state VALUES ('identity.identity', 'default/sms/+4407911123456', 1, '{"ownerId":"01a23e172fa0714d93d71cafd369ce44","linkedAt":"2026-12-03T22:47:16.6402014+00:00"}', '2026-12-03 22:47:16.642365+00');
INSERT INTO public.crm_grain_state VALUES ('nodedirectory.nodes', 'cluster', 2, '{"observers":{}}', '2026-12-03 22:47:22.401213+00');
INSERT INTO public.crm_grain_state VALUES ('identity.identity', 'default/sms/+447911123456', 1, '{"ownerId":"01a23e172fa0714d93d71cafd369ce44","linkedAt":"2026-12-03T22:47:16.9169672+00:00"}', '2026-12-03 22:47:16.918169+00');
INSERT INTO public.crm_grain_state VALUES ('customer.customer', 'default/01a23e172fa0714d93d71cafd369ce44', 2, '{"exists":true,"mergedInto":null,"erasedAt":null,"profile":{"name":"Priya Shah","email":null,"phone":"\u002B4407911123456","company":null,"city":null,"country":null,"language":null,"avatarUrl":null},"firstSeen":"2026-11-04T08:00:00+00:00","lastActive":"2026-11-04T08:01:00+00:00","lastContact":"2026-11-04T08:00:00+00:00","conversations":1,"messages":1,"orders":0,"csatSum":0,"csatCount":0,"lifetimeValue":0,"recentConversations":[{"id":"sms-priya","channel":"sms","status":"open","startedAt":"2026-11-04T08:00:00+00:00","lastMessageAt":"2026-11-04T08:00:00+00:00","closedAt":null,"messageCount":1,"lastSnippet":"Hi"}],"recentOrders":[],"lifecycle":"lead","manualLifecycle":null,"intent":{"intent":"general","score":0.5,"reasons":["in touch, without a sales or support signal lately"]},"recentMessageIntents":[{"at":"2026-11-04T08:00:00+00:00","intent":"general","score":0.3809953542235666,"reasons":["\u0027hi\u0027 suggests general"]}],"lastPricingView":null,"lastCartView":null,"tags":[],"staticSegments":[],"segments":[],"notes":[],"attributes":{},"identities":[{"channel":"sms","value":"\u002B4407911123456"},{"channel":"sms","value":"\u002B447911123456"}],"recentEvents":{"digests":"9sMHGxDHxYiJpjlVwX2tqA=="},"timelineSequence":5,"appliedMerges":[],"absorbedIds":[],"noteSequence":0,"pendingMerges":[]}', '2026-12-03 22:47:16.977591+00');
INSERT INTO public.crm_grain_state VALUES ('identity.identity', 'default/email/grace@example.com', 1, '{"ownerId":"01a23e1731a774609c3de55c925348a8","linkedAt":"2026-12-03T22:47:17.2495719+00:00"}', '2026-12-03 22:47:17.252037+00');
INSERT INTO public.crm_grain_state VALUES ('customer.customer', 'default/01a23e1731a774609c3de55c925348a8', 2, '{"exists":true,"mergedInto":null,"erasedAt":null,"profile":{"name":"Grace Hall","email":"grace@example.com","phone":"\u002B4401614960000","company":null,"city":null,"country":null,"language":null,"avatarUrl":null},"firstSeen":"2026-12-03T22:47:17.2151878+00:00","lastActive":null,"lastContact":null,"conversations":0,"messages":0,"orders":0,"csatSum":0,"csatCount":0,"lifetimeValue":0,"recentConversations":[],"recentOrders":[],"lifecycle":"lead","manualLifecycle":null,"intent":{"intent":"no_engagement","score":1,"reasons":["no conversation yet"]},"recentMessageIntents":[],"lastPricingView":null,"lastCartView":null,"tags":[],"staticSegments":[],"segments":[],"notes":[],"attributes":{},"identities":[{"channel":"email","value":"grace@example.com"}],"recentEvents":{"digests":""},"timelineSequence":3,"appliedMerges":[],"absorbedIds":[],"noteSequence":0,"pendingMerges":[]}', '2026-12-03 22:47:17.521772+00');
INSERT INTO public.crm_grain_state VALUES ('identity.identity', 'default/email/ana@exämple.com', 1, '{"ownerId":"01a23e1733e97603959e1a0a7f81f974","linkedAt":"2026-12-03T22:47:17.7378093+00:00"}', '2026-12-03 22:47:17.73863+00');
INSERT INTO public.crm_grain_state VALUES ('customer.customer', 'default/01a23e1733e97603959e1a0a7f81f974', 1, '{"exists":true,"mergedInto":null,"erasedAt":null,"profile":{"name":null,"email":"ana@ex\u00E4mple.com","phone":null,"company":null,"city":null,"country":null,"language":null,"avatarUrl":null},"firstSeen":"2026-11-05T12:00:00+00:00","lastActive":"2026-11-05T12:00:00+00:00","lastContact":"2026-11-05T12:00:00+00:00","conversations":1,"messages":1,"orders":0,"csatSum":0,"csatCount":0,"lifetimeValue":0,"recentConversations":[{"id":"em-ana","channel":"email","status":"open","startedAt":"2026-11-05T12:00:00+00:00","lastMessageAt":"2026-11-05T12:00:00+00:00","closedAt":null,"messageCount":1,"lastSnippet":"Ol\u00E1"}],"recentOrders":[],"lifecycle":"lead","manualLifecycle":null,"intent":{"intent":"general","score":0.5,"reasons":["in touch, without a sales or support signal lately"]},"recentMessageIntents":[{"at":"2026-11-05T12:00:00+00:00","intent":"no_engagement","score":0.25,"reasons":["no word in the message was seen in training"]}],"lastPricingView":null,"lastCartView":null,"tags":[],"staticSegments":[],"segments":[],"notes":[],"attributes":{},"identities":[{"channel":"email","value":"ana@ex\u00E4mple.com"}],"recentEvents":{"digests":"8ghLvijqY9o="},"timelineSequence":3,"appliedMerges":[],"absorbedIds":[],"noteSequence":0,"pendingMerges":[]}', '2026-12-03 22:47:17.763226+00');
INSERT INTO public.crm_grain_state VALUES ('identity.identity', 'default/sms/+99912345678', 1, '{"ownerId":"01a23e1735237f1891c21da71e2f534d","linkedAt":"2026-12-03T22:47:18.0515307+00:00"}', '2026-12-03 22:47:18.052065+00');
INSERT INTO public.crm_grain_state VALUES ('customer.customer', 'default/01a23e1735237f1891c21da71e2f534d', 1, '{"exists":true,"mergedInto":null,"erasedAt":null,"profile":{"name":null,"email":null,"phone":"\u002B99912345678","company":null,"city":null,"country":null,"language":null,"avatarUrl":null},"firstSeen":"2026-11-06T12:00:00+00:00","lastActive":"2026-11-06T12:00:00+00:00","lastContact":"2026-11-06T12:00:00+00:00","conversations":1,"messages":1,"orders":0,"csatSum":0,"csatCount":0,"lifetimeValue":0,"recentConversations":[{"id":"sms-x","channel":"sms","status":"open","startedAt":"2026-11-06T12:00:00+00:00","lastMessageAt":"2026-11-06T12:00:00+00:00","closedAt":null,"messageCount":1,"lastSnippet":"hello"}],"recentOrders":[],"lifecycle":"lead","manualLifecycle":null,"intent":{"intent":"general","score":0.5,"reasons":["in touch, without a sales or support signal lately"]},"recentMessageIntents":[{"at":"2026-11-06T12:00:00+00:00","intent":"general","score":0.38923213043311006,"reasons":["\u0027hello\u0027 suggests general"]}],"lastPricingView":null,"lastCartView":null,"tags":[],"staticSegments":[],"segments":[],"notes":[],"attributes":{},"identities":[{"channel":"sms","value":"\u002B99912345678"}],"recentEvents":{"digests":"Geg28bT3x8I="},"timelineSequence":3,"appliedMerges":[],"absorbedIds":[],"noteSequence":0,"pendingMerges":[]}', '2026-12-03 22:47:18.203236+00');
INSERT INTO public.crm_grain_state VALUES ('identity.identity', 'default/whatsapp/+5511987654321', 1, '{"ownerId":"01a23e173740785db666da76bf2f536c","linkedAt":"2026-12-03T22:47:18.5927697+00:00"}', '2026-12-03 22:47:18.59418+00');
INSERT INTO public.crm_grain_state VALUES ('customer.customer', 'default/01a23e173740785db666da76bf2f536c', 1, '{"exists":true,"mergedInto":null,"erasedAt":null,"profile":{"name":null,"email":null,"phone":"\u002B5511987654321","company":null,"city":null,"country":null,"language":null,"avatarUrl":null},"firstSeen":"2026-11-07T12:00:00+00:00","lastActive":"2026-11-07T12:00:00+00:00","lastContact":"2026-11-07T12:00:00+00:00","conversations":1,"messages":1,"orders":0,"csatSum":0,"csatCount":0,"lifetimeValue":0,"recentConversations":[{"id":"wa-bruno","channel":"whatsapp","status":"open","startedAt":"2026-11-07T12:00:00+00:00","lastMessageAt":"2026-11-07T12:00:00+00:00","closedAt":null,"messageCount":1,"lastSnippet":"Oi"}],"recentOrders":[],"lifecycle":"lead","manualLifecycle":null,"intent":{"intent":"general","score":0.5,"reasons":["in touch, without a sales or support signal lately"]},"recentMessageIntents":[{"at":"2026-11-07T12:00:00+00:00","intent":"no_engagement","score":0.25,"reasons":["no word in the message was seen in training"]}],"lastPricingView":null,"lastCartView":null,"tags":[],"staticSegments":[],"segments":[],"notes":[],"attributes":{},"identities":[{"channel":"whatsapp","value":"\u002B5511987654321"}],"recentEvents":{"digests":"eadG4+uSiPQ="},"timelineSequence":3,"appliedMerges":[],"absorbedIds":[],"noteSequence":0,"pendingMerges":[]}', '2026-12-03 22:47:18.68662+00');
INSERT INTO public.crm_grain_state VALUES ('identity.identity', 'default/email/carla@example.com', 1, '{"ownerId":"01a23e1737ec721aa8b340004c636f08","linkedAt":"2026-12-03T22:47:18.7649554+00:00"}', '2026-12-03 22:47:18.772139+00');
INSERT INTO public.crm_grain_state VALUES ('customer.customer', 'default/01a23e1737ec721aa8b340004c636f08', 1, '{"exists":true,"mergedInto":null,"erasedAt":null,"profile":{"name":null,"email":"carla@example.com","phone":null,"company":null,"city":null,"country":null,"language":null,"avatarUrl":null},"firstSeen":"2026-11-07T13:00:00+00:00","lastActive":"2026-11-07T13:00:00+00:00","lastContact":"2026-11-07T13:00:00+00:00","conversations":1,"messages":1,"orders":0,"csatSum":0,"csatCount":0,"lifetimeValue":0,"recentConversations":[{"id":"em-carla","channel":"email","status":"open","startedAt":"2026-11-07T13:00:00+00:00","lastMessageAt":"2026-11-07T13:00:00+00:00","closedAt":null,"messageCount":1,"lastSnippet":"Hi"}],"recentOrders":[],"lifecycle":"lead","manualLifecycle":null,"intent":{"intent":"general","score":0.5,"reasons":["in touch, without a sales or support signal lately"]},"recentMessageIntents":[{"at":"2026-11-07T13:00:00+00:00","intent":"general","score":0.3809953542235666,"reasons":["\u0027hi\u0027 suggests general"]}],"lastPricingView":null,"lastCartView":null,"tags":[],"staticSegments":[],"segments":[],"notes":[],"attributes":{},"identities":[{"channel":"email","value":"carla@example.com"}],"recentEvents":{"digests":"DfGA0yXwGug="},"timelineSequence":3,"appliedMerges":[],"absorbedIds":[],"noteSequence":0,"pendingMerges":[]}', '2026-12-03 22:47:18.821895+00');
INSERT INTO public.crm_grain_state VALUES ('identity.identity', 'default/instagram/dan.designs', 1, '{"ownerId":"01a23e17386c766f9158e8aaf63840ff","linkedAt":"2026-12-03T22:47:18.8927653+00:00"}', '2026-12-03 22:47:18.893332+00');
INSERT INTO public.crm_grain_state VALUES ('customer.customer', 'default/01a23e17386c766f9158e8aaf63840ff', 1, '{"exists":true,"mergedInto":null,"erasedAt":null,"profile":{"name":null,"email":null,"phone":null,"company":null,"city":null,"country":null,"language":null,"avatarUrl":null},"firstSeen":"2026-11-07T14:00:00+00:00","lastActive":"2026-11-07T14:00:00+00:00","lastContact":"2026-11-07T14:00:00+00:00","conversations":1,"messages":1,"orders":0,"csatSum":0,"csatCount":0,"lifetimeValue":0,"recentConversations":[{"id":"ig-dan","channel":"instagram","status":"open","startedAt":"2026-11-07T14:00:00+00:00","lastMessageAt":"2026-11-07T14:00:00+00:00","closedAt":null,"messageCount":1,"lastSnippet":"Hey"}],"recentOrders":[],"lifecycle":"lead","manualLifecycle":null,"intent":{"intent":"general","score":0.5,"reasons":["in touch, without a sales or support signal lately"]},"recentMessageIntents":[{"at":"2026-11-07T14:00:00+00:00","intent":"general","score":0.8862721627566392,"reasons":["\u0027hey\u0027 suggests general"]}],"lastPricingView":null,"lastCartView":null,"tags":[],"staticSegments":[],"segments":[],"notes":[],"attributes":{},"identities":[{"channel":"instagram","value":"dan.designs"}],"recentEvents":{"digests":"/mxp41oK6KU="},"timelineSequence":3,"appliedMerges":[],"absorbedIds":[],"noteSequence":0,"pendingMerges":[]}', '2026-12-03 22:47:18.918876+00');
INSERT INTO public.crm_grain_state VALUES ('identity.identity', 'default/email/tom@example.com', 1, '{"ownerId":"01a23e173937759ab3856754e904a509","linkedAt":"2026-12-03T22:47:19.0952625+00:00"}', '2026-12-03 22:47:19.095746+00');
INSERT INTO public.crm_grain_state VALUES ('identity.identity', 'default/sms/+4407700900461', 2, '{"ownerId":"01a23e173937759ab3856754e904a509","linkedAt":"2026-12-03T22:47:19.3967497+00:00"}', '2026-12-03 22:47:19.955118+00');
INSERT INTO public.crm_grain_state VALUES ('customer.customer', 'default/01a23e173a647fc1bcbb1c3280f3b902', 2, '{"exists":true,"mergedInto":"01a23e173937759ab3856754e904a509","erasedAt":null,"profile":{"name":null,"email":null,"phone":"\u002B4407700900461","company":null,"city":null,"country":null,"language":null,"avatarUrl":null},"firstSeen":"2026-11-08T09:30:00+00:00","lastActive":"2026-11-08T09:30:00+00:00","lastContact":"2026-11-08T09:30:00+00:00","conversations":1,"messages":1,"orders":0,"csatSum":0,"csatCount":0,"lifetimeValue":0,"recentConversations":[{"id":"sms-tom","channel":"sms","status":"open","startedAt":"2026-11-08T09:30:00+00:00","lastMessageAt":"2026-11-08T09:30:00+00:00","closedAt":null,"messageCount":1,"lastSnippet":"Tom again"}],"recentOrders":[],"lifecycle":"lead","manualLifecycle":null,"intent":{"intent":"general","score":0.5,"reasons":["in touch, without a sales or support signal lately"]},"recentMessageIntents":[{"at":"2026-11-08T09:30:00+00:00","intent":"sales_opportunity","score":0.571251989135928,"reasons":["\u0027tom\u0027 suggests sales_opportunity"]}],"lastPricingView":null,"lastCartView":null,"tags":[],"staticSegments":[],"segments":[],"notes":[],"attributes":{},"identities":[{"channel":"sms","value":"\u002B4407700900461"}],"recentEvents":{"digests":"4staAjxOB1E="},"timelineSequence":4,"appliedMerges":[],"absorbedIds":[],"noteSequence":0,"pendingMerges":[]}', '2026-12-03 22:47:19.676721+00');
INSERT INTO public.crm_grain_state VALUES ('merge.merge', 'default/01a23e173937759ab3856754e904a509/01a23e173a647fc1bcbb1c3280f3b902', 5, '{"survivorId":"01a23e173937759ab3856754e904a509","duplicateId":"01a23e173a647fc1bcbb1c3280f3b902","phase":5,"actor":"key:key_42dc3f7ef20a1f96","startedAt":"2026-12-03T22:47:19.5214814+00:00","completedAt":"2026-12-03T22:47:20.0369138+00:00"}', '2026-12-03 22:47:20.038231+00');
INSERT INTO public.crm_grain_state VALUES ('customer.customer', 'default/01a23e173937759ab3856754e904a509', 3, '{"exists":true,"mergedInto":null,"erasedAt":null,"profile":{"name":null,"email":"tom@example.com","phone":"\u002B4407700900461","company":null,"city":null,"country":null,"language":null,"avatarUrl":null},"firstSeen":"2026-11-08T09:00:00+00:00","lastActive":"2026-11-08T09:30:00+00:00","lastContact":"2026-11-08T09:30:00+00:00","conversations":2,"messages":2,"orders":0,"csatSum":0,"csatCount":0,"lifetimeValue":0,"recentConversations":[{"id":"em-tom","channel":"email","status":"open","startedAt":"2026-11-08T09:00:00+00:00","lastMessageAt":"2026-11-08T09:00:00+00:00","closedAt":null,"messageCount":1,"lastSnippet":"Hello"},{"id":"sms-tom","channel":"sms","status":"open","startedAt":"2026-11-08T09:30:00+00:00","lastMessageAt":"2026-11-08T09:30:00+00:00","closedAt":null,"messageCount":1,"lastSnippet":"Tom again"}],"recentOrders":[],"lifecycle":"lead","manualLifecycle":null,"intent":{"intent":"general","score":0.5,"reasons":["in touch, without a sales or support signal lately"]},"recentMessageIntents":[{"at":"2026-11-08T09:00:00+00:00","intent":"general","score":0.38923213043311006,"reasons":["\u0027hello\u0027 suggests general"]},{"at":"2026-11-08T09:30:00+00:00","intent":"sales_opportunity","score":0.571251989135928,"reasons":["\u0027tom\u0027 suggests sales_opportunity"]}],"lastPricingView":null,"lastCartView":null,"tags":[],"staticSegments":[],"segments":[],"notes":[],"attributes":{},"identities":[{"channel":"email","value":"tom@example.com"},{"channel":"sms","value":"\u002B4407700900461"}],"recentEvents":{"digests":"ENQh5KToOOHiy1oCPE4HUQ=="},"timelineSequence":8,"appliedMerges":["default/01a23e173937759ab3856754e904a509/01a23e173a647fc1bcbb1c3280f3b902"],"absorbedIds":["01a23e173a647fc1bcbb1c3280f3b902"],"noteSequence":0,"pendingMerges":[]}', '2026-12-03 22:47:19.886289+00');
INSERT INTO public.crm_grain_state VALUES ('customer.customer', 'default/01a23e173d8873f7b07f75e7fc8b2b31', 2, '{"exists":true,"mergedInto":null,"erasedAt":"2026-12-03T22:47:20.5847811+00:00","profile":{"name":null,"email":null,"phone":null,"company":null,"city":null,"country":null,"language":null,"avatarUrl":null},"firstSeen":"2026-11-08T10:00:00+00:00","lastActive":null,"lastContact":null,"conversations":0,"messages":0,"orders":0,"csatSum":0,"csatCount":0,"lifetimeValue":0,"recentConversations":[],"recentOrders":[],"lifecycle":"lead","manualLifecycle":null,"intent":{"intent":"no_engagement","score":1,"reasons":["no conversation yet"]},"recentMessageIntents":[],"lastPricingView":null,"lastCartView":null,"tags":[],"staticSegments":[],"segments":[],"notes":[],"attributes":{},"identities":[],"recentEvents":{"digests":"JqrGjr5AeEM="},"timelineSequence":3,"appliedMerges":[],"absorbedIds":[],"noteSequence":0,"pendingMerges":[]}', '2026-12-03 22:47:20.588959+00');
INSERT INTO public.crm_grain_state VALUES ('identity.identity', 'acme-us/sms/+114155550132', 1, '{"ownerId":"01a23e1740a171a290f1ecce7e635474","linkedAt":"2026-12-03T22:47:20.993152+00:00"}', '2026-12-03 22:47:20.993643+00');
INSERT INTO public.crm_grain_state VALUES ('customer.customer', 'acme-us/01a23e1740a171a290f1ecce7e635474', 1, '{"exists":true,"mergedInto":null,"erasedAt":null,"profile":{"name":null,"email":null,"phone":"\u002B114155550132","company":null,"city":null,"country":null,"language":null,"avatarUrl":null},"firstSeen":"2026-11-09T16:00:00+00:00","lastActive":"2026-11-09T16:00:00+00:00","lastContact":"2026-11-09T16:00:00+00:00","conversations":1,"messages":1,"orders":0,"csatSum":0,"csatCount":0,"lifetimeValue":0,"recentConversations":[{"id":"sms-us","channel":"sms","status":"open","startedAt":"2026-11-09T16:00:00+00:00","lastMessageAt":"2026-11-09T16:00:00+00:00","closedAt":null,"messageCount":1,"lastSnippet":"Hi there"}],"recentOrders":[],"lifecycle":"lead","manualLifecycle":null,"intent":{"intent":"general","score":0.5,"reasons":["in touch, without a sales or support signal lately"]},"recentMessageIntents":[{"at":"2026-11-09T16:00:00+00:00","intent":"general","score":0.6031805105007685,"reasons":["\u0027hi\u0027 suggests general","\u0027hi there\u0027 suggests general"]}],"lastPricingView":null,"lastCartView":null,"tags":[],"staticSegments":[],"segments":[],"notes":[],"attributes":{},"identities":[{"channel":"sms","value":"\u002B114155550132"}],"recentEvents":{"digests":"5ZrhJprq67M="},"timelineSequence":3,"appliedMerges":[],"absorbedIds":[],"noteSequence":0,"pendingMerges":[]}', '2026-12-03 22:47:21.293533+00');
INSERT INTO public.crm_grain_state VALUES ('identity.identity', 'acme-us/email/jo@example.com', 1, '{"ownerId":"01a23e174287714f8aa671f0d2128851","linkedAt":"2026-12-03T22:47:21.479994+00:00"}', '2026-12-03 22:47:21.482664+00');
INSERT INTO public.crm_grain_state VALUES ('customer.customer', 'acme-us/01a23e174287714f8aa671f0d2128851', 1, '{"exists":true,"mergedInto":null,"erasedAt":null,"profile":{"name":null,"email":"jo@example.com","phone":null,"company":null,"city":null,"country":null,"language":null,"avatarUrl":null},"firstSeen":"2026-11-09T17:00:00+00:00","lastActive":"2026-11-09T17:00:00+00:00","lastContact":"2026-11-09T17:00:00+00:00","conversations":1,"messages":1,"orders":0,"csatSum":0,"csatCount":0,"lifetimeValue":0,"recentConversations":[{"id":"em-jo","channel":"email","status":"open","startedAt":"2026-11-09T17:00:00+00:00","lastMessageAt":"2026-11-09T17:00:00+00:00","closedAt":null,"messageCount":1,"lastSnippet":"Hello"}],"recentOrders":[],"lifecycle":"lead","manualLifecycle":null,"intent":{"intent":"general","score":0.5,"reasons":["in touch, without a sales or support signal lately"]},"recentMessageIntents":[{"at":"2026-11-09T17:00:00+00:00","intent":"general","score":0.38923213043311006,"reasons":["\u0027hello\u0027 suggests general"]}],"lastPricingView":null,"lastCartView":null,"tags":[],"staticSegments":[],"segments":[],"notes":[],"attributes":{},"identities":[{"channel":"email","value":"jo@example.com"}],"recentEvents":{"digests":"aaLFPs0wAkk="},"timelineSequence":3,"appliedMerges":[],"absorbedIds":[],"noteSequence":0,"pendingMerges":[]}', '2026-12-03 22:47:21.690285+00');
INSERT INTO public.crm_stats VALUES ('default', 10, 0, 0, 0);
INSERT INTO public.crm_stats VALUES ('acme-us', 2, 0, 0, 0);
INSERT INTO public.crm_timeline VALUES ('default', '01a23e1728c7709cb4e865181723e26f', 1, '2026-11-02 09:00:00+00', 'customer_created', 'whatsapp:+4402079460958', 'first contact on whatsapp');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e1728c7709cb4e865181723e26f', 2, '2026-11-02 09:00:00+00', 'conversation_opened', 'whatsapp:+4402079460958', 'conversation wa-oliver on whatsapp');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e1728c7709cb4e865181723e26f', 3, '2026-12-03 22:47:15.352691+00', 'intent_changed', 'system', 'no_engagement → general: in touch, without a sales or support signal lately');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e1728c7709cb4e865181723e26f', 4, '2026-11-02 09:05:00+00', 'profile_updated', 'whatsapp:+4402079460958', 'updated name');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e172ebe77f2be17a6e41ad27d05', 1, '2026-11-03 10:00:00+00', 'customer_created', 'whatsapp:+442079460958', 'first contact on whatsapp');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e172ebe77f2be17a6e41ad27d05', 2, '2026-11-03 10:00:00+00', 'conversation_opened', 'whatsapp:+442079460958', 'conversation wa-oliver-2 on whatsapp');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e172ebe77f2be17a6e41ad27d05', 3, '2026-12-03 22:47:16.453331+00', 'intent_changed', 'system', 'no_engagement → general: in touch, without a sales or support signal lately');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e172fa0714d93d71cafd369ce44', 1, '2026-11-04 08:00:00+00', 'customer_created', 'sms:+4407911123456', 'first contact on sms');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e172fa0714d93d71cafd369ce44', 2, '2026-11-04 08:00:00+00', 'conversation_opened', 'sms:+4407911123456', 'conversation sms-priya on sms');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e172fa0714d93d71cafd369ce44', 3, '2026-12-03 22:47:16.770311+00', 'intent_changed', 'system', 'no_engagement → general: in touch, without a sales or support signal lately');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e172fa0714d93d71cafd369ce44', 4, '2026-11-04 08:01:00+00', 'profile_updated', 'sms:+4407911123456', 'updated name');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e172fa0714d93d71cafd369ce44', 5, '2026-11-04 08:01:00+00', 'identity_linked', 'sms:+4407911123456', 'sms +447911123456');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e1731a774609c3de55c925348a8', 1, '2026-12-03 22:47:17.215187+00', 'customer_created', 'key:key_42dc3f7ef20a1f96', 'created by hand');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e1731a774609c3de55c925348a8', 2, '2026-12-03 22:47:17.215187+00', 'identity_linked', 'key:key_42dc3f7ef20a1f96', 'email grace@example.com');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e1731a774609c3de55c925348a8', 3, '2026-12-03 22:47:17.511883+00', 'profile_updated', 'key:key_42dc3f7ef20a1f96', 'updated phone');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e1733e97603959e1a0a7f81f974', 1, '2026-11-05 12:00:00+00', 'customer_created', 'email:ana@exämple.com', 'first contact on email');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e1733e97603959e1a0a7f81f974', 2, '2026-11-05 12:00:00+00', 'conversation_opened', 'email:ana@exämple.com', 'conversation em-ana on email');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e1733e97603959e1a0a7f81f974', 3, '2026-12-03 22:47:17.756102+00', 'intent_changed', 'system', 'no_engagement → general: in touch, without a sales or support signal lately');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e1735237f1891c21da71e2f534d', 1, '2026-11-06 12:00:00+00', 'customer_created', 'sms:+99912345678', 'first contact on sms');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e1735237f1891c21da71e2f534d', 2, '2026-11-06 12:00:00+00', 'conversation_opened', 'sms:+99912345678', 'conversation sms-x on sms');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e1735237f1891c21da71e2f534d', 3, '2026-12-03 22:47:18.14391+00', 'intent_changed', 'system', 'no_engagement → general: in touch, without a sales or support signal lately');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e173740785db666da76bf2f536c', 1, '2026-11-07 12:00:00+00', 'customer_created', 'whatsapp:+5511987654321', 'first contact on whatsapp');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e173740785db666da76bf2f536c', 2, '2026-11-07 12:00:00+00', 'conversation_opened', 'whatsapp:+5511987654321', 'conversation wa-bruno on whatsapp');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e173740785db666da76bf2f536c', 3, '2026-12-03 22:47:18.60983+00', 'intent_changed', 'system', 'no_engagement → general: in touch, without a sales or support signal lately');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e1737ec721aa8b340004c636f08', 1, '2026-11-07 13:00:00+00', 'customer_created', 'email:carla@example.com', 'first contact on email');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e1737ec721aa8b340004c636f08', 2, '2026-11-07 13:00:00+00', 'conversation_opened', 'email:carla@example.com', 'conversation em-carla on email');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e1737ec721aa8b340004c636f08', 3, '2026-12-03 22:47:18.820241+00', 'intent_changed', 'system', 'no_engagement → general: in touch, without a sales or support signal lately');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e17386c766f9158e8aaf63840ff', 1, '2026-11-07 14:00:00+00', 'customer_created', 'instagram:dan.designs', 'first contact on instagram');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e17386c766f9158e8aaf63840ff', 2, '2026-11-07 14:00:00+00', 'conversation_opened', 'instagram:dan.designs', 'conversation ig-dan on instagram');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e17386c766f9158e8aaf63840ff', 3, '2026-12-03 22:47:18.908888+00', 'intent_changed', 'system', 'no_engagement → general: in touch, without a sales or support signal lately');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e173937759ab3856754e904a509', 1, '2026-11-08 09:00:00+00', 'customer_created', 'email:tom@example.com', 'first contact on email');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e173937759ab3856754e904a509', 2, '2026-11-08 09:00:00+00', 'conversation_opened', 'email:tom@example.com', 'conversation em-tom on email');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e173937759ab3856754e904a509', 3, '2026-12-03 22:47:19.22529+00', 'intent_changed', 'system', 'no_engagement → general: in touch, without a sales or support signal lately');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e173937759ab3856754e904a509', 8, '2026-12-03 22:47:19.833622+00', 'merged', 'key:key_42dc3f7ef20a1f96', 'customer 01a23e173a647fc1bcbb1c3280f3b902 merged into this one');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e173937759ab3856754e904a509', 4, '2026-11-08 09:30:00+00', 'customer_created', 'sms:+4407700900461', 'first contact on sms');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e173937759ab3856754e904a509', 5, '2026-11-08 09:30:00+00', 'conversation_opened', 'sms:+4407700900461', 'conversation sms-tom on sms');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e173937759ab3856754e904a509', 6, '2026-12-03 22:47:19.424905+00', 'intent_changed', 'system', 'no_engagement → general: in touch, without a sales or support signal lately');
INSERT INTO public.crm_timeline VALUES ('default', '01a23e173937759ab3856754e904a509', 7, '2026-12-03 22:47:19.667048+00', 'merged_into', 'key:key_42dc3f7ef20a1f96', 'merged into customer 01a23e173937759ab3856754e904a509');
INSERT INTO public.crm_timeline VALUES ('acme-us', '01a23e1740a171a290f1ecce7e635474', 1, '2026-11-09 16:00:00+00', 'customer_created', 'sms:+114155550132', 'first contact on sms');
INSERT INTO public.crm_timeline VALUES ('acme-us', '01a23e1740a171a290f1ecce7e635474', 2, '2026-11-09 16:00:00+00', 'conversation_opened', 'sms:+114155550132', 'conversation sms-us on sms');
INSERT INTO public.crm_timeline VALUES ('acme-us', '01a23e1740a171a290f1ecce7e635474', 3, '2026-12-03 22:47:21.139001+00', 'intent_changed', 'system', 'no_engagement → general: in touch, without a sales or support signal lately');
INSERT INTO public.crm_timeline VALUES ('acme-us', '01a23e174287714f8aa671f0d2128851', 1, '2026-11-09 17:00:00+00', 'customer_created', 'email:jo@example.com', 'first contact on email');
INSERT INTO public.crm_timeline VALUES ('acme-us', '01a23e174287714f8aa671f0d2128851', 2, '2026-11-09 17:00:00+00', 'conversation_opened', 'email:jo@example.com', 'conversation em-jo on email');
INSERT INTO public.crm_timeline VALUES ('acme-us', '01a23e174287714f8aa671f0d2128851', 3, '2026-12-03 22:47:21.66827+00', 'intent_changed', 'system', 'no_engagement → general: in touch, without a sales or support signal lately');
INSERT INTO public.orleansquery VALUES ('InsertMembershipVersionKey', 'WITH inserted AS (
    INSERT INTO crm_cluster_version (cluster_id, version) VALUES (@DeploymentId, 0)
    ON CONFLICT (cluster_id) DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM inserted)');
INSERT INTO public.orleansquery VALUES ('InsertMembershipKey', 'WITH bumped AS (
    UPDATE crm_cluster_version SET version = version + 1, changed_at = now()
    WHERE cluster_id = @DeploymentId AND version = @Version
      AND NOT EXISTS (SELECT 1 FROM crm_cluster_member WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING cluster_id),
inserted AS (
    INSERT INTO crm_cluster_member (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    SELECT cluster_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime FROM bumped
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM inserted)');
INSERT INTO public.orleansquery VALUES ('UpdateMembershipKey', 'WITH bumped AS (
    UPDATE crm_cluster_version SET version = version + 1, changed_at = now()
    WHERE cluster_id = @DeploymentId AND version = @Version
      AND EXISTS (SELECT 1 FROM crm_cluster_member WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING cluster_id),
updated AS (
    UPDATE crm_cluster_member AS m
    SET status = @Status, suspect_times = @SuspectTimes::text, i_am_alive_time = @IAmAliveTime
    FROM bumped
    WHERE m.cluster_id = bumped.cluster_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM updated)');
INSERT INTO public.orleansquery VALUES ('UpdateIAmAlivetimeKey', 'UPDATE crm_cluster_member SET i_am_alive_time = @IAmAliveTime
WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation');
INSERT INTO public.orleansquery VALUES ('MembershipReadRowKey', 'SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation", m.silo_name AS "SiloName",
m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM crm_cluster_version AS v
LEFT JOIN crm_cluster_member AS m
  ON m.cluster_id = v.cluster_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.cluster_id = @DeploymentId');
INSERT INTO public.orleansquery VALUES ('MembershipReadAllKey', 'SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation", m.silo_name AS "SiloName",
m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM crm_cluster_version AS v
LEFT JOIN crm_cluster_member AS m ON m.cluster_id = v.cluster_id
WHERE v.cluster_id = @DeploymentId');
INSERT INTO public.orleansquery VALUES ('GatewaysQueryKey', 'SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM crm_cluster_member
WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0');
INSERT INTO public.orleansquery VALUES ('DeleteMembershipTableEntriesKey', 'DELETE FROM crm_cluster_version WHERE cluster_id = @DeploymentId');
INSERT INTO public.orleansquery VALUES ('CleanupDefunctSiloEntriesKey', 'DELETE FROM crm_cluster_member
WHERE cluster_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime');
INSERT INTO public.orleansquery VALUES ('CleanupDefunctSiloEntryKey', 'DELETE FROM crm_cluster_member
WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation AND status = 6
  AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
  AND coalesce(suspect_times, '''') = coalesce(@SuspectTimes::text, '''')');
INSERT INTO public.orleansquery VALUES ('ReadReminderRowsKey', 'SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period", version AS "Version" FROM crm_reminder WHERE service_id = @ServiceId AND grain_id = @GrainId');
INSERT INTO public.orleansquery VALUES ('ReadReminderRowKey', 'SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period", version AS "Version" FROM crm_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName');
INSERT INTO public.orleansquery VALUES ('ReadRangeRows1Key', 'SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period", version AS "Version" FROM crm_reminder
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash');
INSERT INTO public.orleansquery VALUES ('ReadRangeRows2Key', 'SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period", version AS "Version" FROM crm_reminder
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)');
INSERT INTO public.orleansquery VALUES ('UpsertReminderRowKey', 'INSERT INTO crm_reminder (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
    version = crm_reminder.version + 1
RETURNING version AS "Version"');
INSERT INTO public.orleansquery VALUES ('DeleteReminderRowKey', 'WITH deleted AS (
    DELETE FROM crm_reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM deleted)');
INSERT INTO public.orleansquery VALUES ('DeleteReminderRowsKey', 'DELETE FROM crm_reminder WHERE service_id = @ServiceId');
ALTER TABLE ONLY public.crm_cluster_member
    ADD CONSTRAINT crm_cluster_member_pk PRIMARY KEY (cluster_id, address, port, generation);
ALTER TABLE ONLY public.crm_cluster_version
    ADD CONSTRAINT crm_cluster_version_pkey PRIMARY KEY (cluster_id);
ALTER TABLE ONLY public.crm_customers
    ADD CONSTRAINT crm_customers_pkey PRIMARY KEY (workspace, id);
ALTER TABLE ONLY public.crm_duplicate_suggestions
    ADD CONSTRAINT crm_duplicate_suggestions_pkey PRIMARY KEY (workspace, customer_id, other_customer_id, channel, value);
ALTER TABLE ONLY public.crm_grain_state
    ADD CONSTRAINT crm_grain_state_pk PRIMARY KEY (grain_type, grain_key);
ALTER TABLE ONLY public.crm_reminder
    ADD CONSTRAINT crm_reminder_pk PRIMARY KEY (service_id, grain_id, reminder_name);
ALTER TABLE ONLY public.crm_stats
    ADD CONSTRAINT crm_stats_pkey PRIMARY KEY (workspace);
ALTER TABLE ONLY public.crm_timeline
    ADD CONSTRAINT crm_timeline_pkey PRIMARY KEY (workspace, customer_id, seq);
ALTER TABLE ONLY public.orleansquery
    ADD CONSTRAINT orleansquery_pkey PRIMARY KEY (querykey);
CREATE INDEX crm_customers_conversations ON public.crm_customers USING btree (workspace, conversations, id);
CREATE INDEX crm_customers_first_seen ON public.crm_customers USING btree (workspace, first_seen, id);
CREATE INDEX crm_customers_intent_last_active ON public.crm_customers USING btree (workspace, intent, COALESCE(last_active, first_seen), id);
CREATE INDEX crm_customers_lifecycle_last_active ON public.crm_customers USING btree (workspace, lifecycle, COALESCE(last_active, first_seen), id);
CREATE INDEX crm_customers_ltv ON public.crm_customers USING btree (workspace, ltv, id);
CREATE INDEX crm_customers_messages ON public.crm_customers USING btree (workspace, messages, id);
CREATE INDEX crm_customers_search ON public.crm_customers USING gin (search public.gin_trgm_ops);
CREATE INDEX crm_customers_segments ON public.crm_customers USING gin (segments);
CREATE INDEX crm_customers_sort_last_active ON public.crm_customers USING btree (workspace, COALESCE(last_active, first_seen), id);
CREATE INDEX crm_customers_sort_name ON public.crm_customers USING btree (workspace, lower(COALESCE(name, ''::text)), id);
CREATE INDEX crm_customers_tags ON public.crm_customers USING gin (tags);
CREATE INDEX crm_reminder_hash ON public.crm_reminder USING btree (service_id, grain_hash);
ALTER TABLE ONLY public.crm_cluster_member
    ADD CONSTRAINT crm_cluster_member_cluster_id_fkey FOREIGN KEY (cluster_id) REFERENCES public.crm_cluster_version(cluster_id) ON DELETE CASCADE;
