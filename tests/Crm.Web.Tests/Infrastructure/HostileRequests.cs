using System.Text;
using System.Text.Json;

namespace Crm.Web.Tests.Infrastructure;

/// <summary>One request a hostile or broken client might send: none of them is valid, so none may change anything.</summary>
public sealed record HostileRequest(string Label, HttpMethod Method, string Path, string? Body = null, string? ContentType = "application/json")
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }
}

/// <summary>
/// Generates malformed and hostile requests across the write and read endpoints from a seed, so a failure reproduces:
/// truncated JSON, wrong types, strings beyond the documented lengths, control characters, SQL and script fragments,
/// negative and enormous numbers, bad phones, emails, stages, intents, cursors and dates, deep nesting, wrong media types.
/// </summary>
public sealed class HostileRequests(int seed, string customerId, string noteId)
{
    private static readonly string[] ControlTexts = ["nul\0byte", "bell\u0007", "esc\u001b[31m", "line\nbreak", "del\u007f", "next\u0085line"];
    private static readonly string[] Sql = ["' OR '1'='1", "'; DROP TABLE crm_customers; --", "1; SELECT pg_sleep(10)--", "\\'; UPDATE crm_stat_slots SET all_count = 0; --"];
    private static readonly string[] Scripts = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(document.cookie)", "{{constructor.constructor('alert(1)')()}}"];
    private static readonly string[] BadPhones = ["+1", "+", "12ab34", "++14155550100", "+1 415 555 0100 0000 0000 0000", "000000", "+0", "phone", "+99999999999999999999", "+1 555 123 4567", "+44 20 7946 095", "1-800-FLOWERS", "(999) 999-9999"];
    private static readonly string[] BadEmails = ["a@", "@example.com", "a b@example.com", "ana@@example.com", "ana@example", "anonymous", new string('x', 300) + "@example.com", "<script>@example.com", "noreply@example.com", "test@test.com", "ana@example.c", "ana@-example.com", "ana..b@example.com"];
    private static readonly string[] UnknownNames = ["gold", "vip2", "prospective", "AT-RISK", "", " ", "null", "lead; DROP TABLE crm_customers", "<b>vip</b>"];
    private static readonly string[] BadDates = ["2026-13-45", "yesterday", "0001-01-01T00:00:00Z", "31/12/2026", "2026-02-30T25:61:00Z", "9999-99-99", "1999-12-31T23:59:59Z", "2101-01-01T00:00:00Z", ""];
    private static readonly string[] BadNumbers = ["-1", "-999999999999", "1e308", "1e400", "2147483648", "0.5", "-0.0000001", "99999999999999999999999999999999", "\"12\"", "NaN", "true"];
    private static readonly string[] BadIds = ["zzz", "0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef0123456789abcdef0", "..%2F..%2Fetc%2Fpasswd", "1%20OR%201%3D1", "%3Cscript%3E", new string('a', 2000)];
    private static readonly string[] ContentTypes = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "image/png"];

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, int> _turns = [];

    public IReadOnlyList<HostileRequest> Generate(int count)
    {
        Func<HostileRequest>[] families =
        [
            CreateCustomer, PatchProfile, SetLifecycle, AddTags, RemoveTag, AddToSegment, AddNote, EditNote, RemoveNote,
            ReplaceAttributes, PatchAttributes, RemoveAttribute, Merge, Events, MalformedEvents, CreateKey, RevokeKey,
            CreateWorkspace, UpdateSettings, ListCustomers, PageWithBadCursor, Timeline, ReadCustomer, WrongContentType, Truncated, DeeplyNested,
        ];
        return Enumerable.Range(0, count).Select(i => families[i % families.Length]()).ToList();
    }

    private string Customer => $"/api/v1/customers/{customerId}";

    private HostileRequest CreateCustomer() =>
        Post("create customer", "/api/v1/customers", Cycle("create", 0, 1, 2) == 0
            ? $$"""{"profile":{{HostileProfile()}}}"""
            : $$"""{"profile":{"name":"Ana"},"tags":{{HostileTags()}}}""");

    private HostileRequest PatchProfile() => new("patch profile", HttpMethod.Patch, Customer, HostileProfile());

    private HostileRequest SetLifecycle() => new("set lifecycle", HttpMethod.Put, $"{Customer}/lifecycle", Cycle(
            "lifecycle",
        $$"""{"lifecycle":{{Json(Pick(UnknownNames))}}}""", """{"lifecycle":null}""", """{"lifecycle":3}""", """{"lifecycle":["vip"]}""", """{"stage":"vip"}""", "{}"));

    private HostileRequest AddTags() => Post("add tags", $"{Customer}/tags", $$"""{"tags":{{HostileTags()}}}""");

    // Not a NUL byte: Kestrel refuses a path holding one before the service sees the request.
    private HostileRequest RemoveTag() => new("remove tag", HttpMethod.Delete, $"{Customer}/tags/{Uri.EscapeDataString(Pick(HostileTag().Where(tag => !tag.Contains('\0')).ToArray()))}");

    private HostileRequest AddToSegment() => Post("add to segment", $"{Customer}/segments", Cycle(
            "segment",
        $$"""{"segmentId":{{Json(Pick(Sql))}}}""", $$"""{"segmentId":{{Json(Pick(Scripts))}}}""", """{"segmentId":null}""", """{"segmentId":42}""", $$"""{"segmentId":{{Json(Huge(5000))}}}"""));

    private HostileRequest AddNote() => Post("add note", $"{Customer}/notes", HostileNoteBody());

    private HostileRequest EditNote() => Cycle("note", 0, 1) == 0
        ? new("edit note", HttpMethod.Patch, $"{Customer}/notes/{noteId}", HostileNoteBody())
        : new("edit unknown note", HttpMethod.Patch, $"{Customer}/notes/{Pick(BadIds)}", """{"text":"valid text"}""");

    private HostileRequest RemoveNote() => new("remove unknown note", HttpMethod.Delete, $"{Customer}/notes/{Pick([.. BadIds, "0", "-1", "99999999999999999999"])}");

    private HostileRequest ReplaceAttributes() => new("replace attributes", HttpMethod.Put, $"{Customer}/attributes", $$"""{"attributes":{{HostileAttributes(allowNull: true)}}}""");

    private HostileRequest PatchAttributes() => new("patch attributes", HttpMethod.Patch, $"{Customer}/attributes", Cycle(
            "attributes",
        $$"""{"attributes":{{HostileAttributes(allowNull: false)}}}""", """{"attributes":[]}""", """{"attributes":"plan=pro"}""", "{}", """{"attributes":{"plan":{"kind":"string","text":"pro"}},"extra":1}"""));

    private HostileRequest RemoveAttribute() => new("remove unknown attribute", HttpMethod.Delete, $"{Customer}/attributes/{Uri.EscapeDataString(Pick([.. Sql, .. Scripts, "PLAN", Huge(300)]))}");

    private HostileRequest Merge() => Post("merge", $"{Customer}/merge", Cycle(
            "merge",
        $$"""{"duplicateId":{{Json(customerId)}},"dryRun":false}""",
        $$"""{"duplicateId":{{Json(Pick(Sql))}},"dryRun":false}""",
        """{"duplicateId":null,"dryRun":false}""",
        """{"duplicateId":"0123456789ABCDEF0123456789ABCDEF","dryRun":false}""",
        $$"""{"duplicateId":"{{Convert.ToHexStringLower(Bytes(16))}}","dryRun":false}""",
        $$"""{"duplicateId":{{Json(customerId)}},"dryRun":"yes"}"""));

    private HostileRequest Events() =>
        Post("events", "/api/v1/events", $$"""{"events":[{{string.Join(",", Enumerable.Range(0, Pick(1, 2, 3, 5)).Select(_ => HostileEvent()))}}]}""");

    private HostileRequest MalformedEvents() => Post("malformed events", "/api/v1/events", Cycle(
            "batch",
        """{"events":[]}""", """{"events":null}""", """{"events":"many"}""", """{"events":{}}""", "[]", "null", "{}", """{"events":[null]}""",
        """{"events":[{"id":"e-1","type":"message_received"}],"events":[]}""",
        $$"""{"events":[{{string.Join(",", Enumerable.Repeat("""{"id":"x"}""", 1001))}}]}"""));

    private HostileRequest CreateKey() => Post("create key", "/api/v1/keys", Cycle(
            "key",
        $$"""{"role":{{Json(Pick(UnknownNames))}},"name":"x"}""", """{"role":"1","name":"x"}""", """{"role":"superuser","name":"x"}""", """{"role":null}""",
        """{"role":2,"name":"x"}""", """{"role":"agent","name":["x"]}""", """{"role":"agent","name":"x","scopes":["*"]}"""));

    private HostileRequest RevokeKey() => new("revoke unknown key", HttpMethod.Delete, $"/api/v1/keys/{Pick(BadIds)}");

    private HostileRequest CreateWorkspace() => Post("create workspace", "/api/v1/workspaces", $$"""{"id":{{Json(Pick([.. Sql, .. Scripts, "UPPER", "", "-", Huge(41), "a b", "nul\0"]))}}}""");

    private HostileRequest UpdateSettings() => new("update settings", HttpMethod.Put, "/api/v1/settings", Cycle(
            "settings",
        """{"defaultPhoneCountry":null}""", """{"defaultPhoneCountry":"0"}""", """{"defaultPhoneCountry":"abcd"}""", """{"defaultPhoneCountry":"800"}""",
        """{"defaultPhoneRegion":null}""", """{"defaultPhoneRegion":"XX"}""", """{"defaultPhoneRegion":"USA"}""", """{"defaultPhoneRegion":"GB","defaultPhoneCountry":"1"}""", """{"atRiskAfterDays":-1}""",
        """{"atRiskAfterDays":90,"churnedAfterDays":30}""", """{"vipLifetimeValue":0}""", """{"vipLifetimeValue":1e40}""", """{"activeConversations":2147483648}""",
        """{"activeWindowDays":"thirty"}""", """{"sweepEverySecond":true}""", $$"""{"activeWindowDays":{{Pick(BadNumbers)}}}"""));

    private HostileRequest ListCustomers()
    {
        var (name, value) = Cycle(
            "list",
            ("q", Huge(201)), ("q", Pick(ControlTexts)), ("lifecycle", Pick(UnknownNames.Where(name => name.Trim().Length > 0).ToArray())), ("intent", Pick("curious", "SALES", "1", Pick(Sql))),
            ("sort", Pick("shoe_size", "--ltv", "ltv desc", Pick(Sql))), ("limit", Pick(BadNumbers)), ("createdAfter", Pick(BadDates.Where(date => date.Length > 0).ToArray())),
            ("createdBefore", Pick("yesterday", "0000-00-00")), ("ltvMin", Pick(BadNumbers)), ("ltvMax", "-5"), ("conversationsMin", Pick(BadNumbers)), ("ordersMin", "-1"),
            ("tag", Pick(Scripts)), ("tagMode", Pick("some", "ALL", Pick(Sql))), ("channel", Pick("fax", "carrier-pigeon", Pick(Sql))), ("segment", Huge(101)));
        return new("list customers", HttpMethod.Get, $"/api/v1/customers?{name}={Uri.EscapeDataString(value)}", null, null);
    }

    private HostileRequest PageWithBadCursor()
    {
        var (sort, cursor) = BadCursor();
        return new("bad cursor", HttpMethod.Get, $"/api/v1/customers?{sort}&cursor={Uri.EscapeDataString(cursor)}", null, null);
    }

    private HostileRequest Timeline() => new("timeline", HttpMethod.Get, $"{Customer}/timeline?" + Cycle(
            "timeline",
        $"before={Uri.EscapeDataString(Pick(BadNumbers))}", $"limit={Uri.EscapeDataString(Pick(BadNumbers))}", "limit=0", "limit=201", $"before={Uri.EscapeDataString(Pick(Sql))}"), null, null);

    private HostileRequest ReadCustomer() => Cycle(
            "read",
        new HostileRequest("read customer", HttpMethod.Get, $"/api/v1/customers/{Pick(BadIds)}", null, null),
        new HostileRequest("read records", HttpMethod.Get, $"/api/v1/customers/{Pick(BadIds)}/{Pick("identities", "attributes", "conversations", "orders", "notes", "timeline", "export")}", null, null),
        new HostileRequest("erase unknown", HttpMethod.Delete, $"/api/v1/customers/{Pick(BadIds.Where(id => id.Length != 32).ToArray())}", null, null));

    private HostileRequest WrongContentType() => Cycle(
            "media",
        new HostileRequest("customer as text", HttpMethod.Post, "/api/v1/customers", """{"profile":{"name":"Ana"}}""", Pick(ContentTypes)),
        new HostileRequest("events as form", HttpMethod.Post, "/api/v1/events", "events=1", Pick(ContentTypes)),
        new HostileRequest("note without type", HttpMethod.Post, $"{Customer}/notes", """{"text":"hi"}""", null),
        new HostileRequest("tags as xml", HttpMethod.Post, $"{Customer}/tags", "<tags><tag>vip</tag></tags>", "application/xml"),
        new HostileRequest("utf-16 claimed", HttpMethod.Post, "/api/v1/customers", """{"profile":{"name":"Ana"}}""", "application/json; charset=utf-16"));

    private HostileRequest Truncated()
    {
        var (path, method, body) = Cycle(
            "truncated",
            ("/api/v1/customers", HttpMethod.Post, """{"profile":{"name":"Ana Lima","email":"ana@example.com"},"tags":["vip"]}"""),
            ("/api/v1/events", HttpMethod.Post, """{"events":[{"id":"e-1","type":"message_received","channel":"email","identity":"ana@example.com","occurredAt":"2026-11-21T10:00:00Z","conversationId":"c","text":"hi"}]}"""),
            ($"{Customer}/notes", HttpMethod.Post, """{"text":"A perfectly fine note"}"""),
            ($"{Customer}/attributes", HttpMethod.Patch, """{"attributes":{"plan":{"kind":"string","text":"pro"}}}"""),
            ("/api/v1/keys", HttpMethod.Post, """{"role":"agent","name":"desk"}"""));
        return new("truncated", method, path, body[..(1 + _random.Next(body.Length - 2))]);
    }

    private HostileRequest DeeplyNested()
    {
        var depth = Pick(65, 500, 5000);
        var (method, path, open, close) = Cycle(
            "nested",
            (HttpMethod.Post, "/api/v1/customers", """{"profile":""" + new string('[', depth), new string(']', depth) + "}"),
            (HttpMethod.Post, "/api/v1/events", string.Concat(Enumerable.Repeat("""{"events":""", depth)), new string('}', depth)),
            (HttpMethod.Patch, $"{Customer}/attributes", """{"attributes":{"plan":{"kind":"string","text":""" + new string('[', depth), new string(']', depth) + "}}}"),
            (HttpMethod.Post, $"{Customer}/notes", new string('[', depth), new string(']', depth)));
        return new("deeply nested", method, path, open + close);
    }

    private string HostileProfile()
    {
        var (field, value) = Cycle(
            "profile",
            ("name", Json(Huge(201 + _random.Next(5000)))), ("name", Json(Pick(ControlTexts))), ("email", Json(Pick(BadEmails))), ("email", Json(Pick(Sql))),
            ("phone", Json(Pick(BadPhones))), ("phone", Json(Pick(Sql))), ("country", Json(Pick([.. Sql, "USA", "1A", "ü"]))), ("language", Json(Pick(Scripts))),
            ("avatarUrl", Json(Pick("javascript:alert(1)", "ftp://x/a.png", "not a url", "https://" + Huge(2100), "https://example.com/a\0.png"))), ("company", Json(Huge(201))),
            ("city", Json(Pick(ControlTexts))), ("name", Pick("42", "[\"Ana\"]", "{\"first\":\"Ana\"}", "true")), ("nickname", Json("Ana")), ("name", "\"\\ud800\""));
        return $$"""{"{{field}}":{{value}}}""";
    }

    private string HostileTags() => Cycle(
            "tags",
        $"[{Json(Pick(HostileTag()))}]", "\"vip\"", "[1,2]", "[null]", "[[\"vip\"]]",
        $"[{string.Join(",", Enumerable.Range(0, 101).Select(i => Json($"tag{i}")))}]");

    private string[] HostileTag() => [.. Sql, .. Scripts, Huge(51), "", " ", "vip\u0000", "tab\there", "semi;colon"];

    private string HostileNoteBody() => Cycle(
            "noteBody",
        """{"text":""}""", """{"text":"   "}""", $$"""{"text":{{Json(Huge(10_001))}}}""", """{"text":"nul\u0000byte"}""", """{"text":"bell\u0007"}""",
        """{"text":42}""", """{"text":["a"]}""", """{"text":{"a":1}}""", "{}", """{"text":"ok","author":"ceo"}""", """{"text":"\ud800"}""");

    private string HostileAttributes(bool allowNull)
    {
        var (name, value) = Cycle(
            "attribute",
            (Pick("Plan", "plan name", "1plan", "plan-name", Huge(41), "plan;drop"), """{"kind":"string","text":"pro"}"""),
            ("plan", Pick("""{"kind":"color","text":"red"}""", """{"kind":"string"}""", """{"kind":"string","text":"pro","number":1}""", """{"text":"pro"}""", "\"pro\"", "42")),
            ("seats", Pick("""{"kind":"number","number":1e19}""", """{"kind":"number","number":-1e19}""", """{"kind":"number","number":1e400}""", """{"kind":"number","number":"12"}""")),
            ("renewal", Pick("""{"kind":"date","date":"2026-13-45"}""", """{"kind":"date","date":"tomorrow"}""", """{"kind":"date","text":"2027-01-01"}""")),
            ("trial", Pick("""{"kind":"boolean","boolean":"yes"}""", """{"kind":"boolean"}""")),
            ("bio", Pick($$"""{"kind":"string","text":{{Json(Huge(1001))}}}""", """{"kind":"string","text":"nul\u0000"}""", """{"kind":"string","text":"\udc00"}""")),
            ("plan", allowNull ? "null" : """{"kind":"string","text":"pro","extra":true}"""));
        return Cycle("attributeCount", 0, 1, 2, 3) == 0
            ? $"{{{string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"field_{i}\":{{\"kind\":\"boolean\",\"boolean\":true}}"))}}}"
            : $"{{{Json(name)}:{value}}}";
    }

    private string HostileEvent()
    {
        const string Base = "\"type\":\"message_received\",\"channel\":\"email\",\"identity\":\"hostile@example.com\",\"occurredAt\":\"2026-11-21T10:00:00Z\",\"conversationId\":\"c-1\",\"text\":\"hi\"";
        var id = Json($"h-{_random.Next()}");
        return Cycle(
            "event",
            $$"""{"id":{{Json(Pick([.. ControlTexts, "", Huge(201)]))}},{{Base}}}""",
            $$"""{"id":{{id}},"type":{{Json(Pick(UnknownNames))}},"channel":"email","identity":"hostile@example.com","occurredAt":"2026-11-21T10:00:00Z"}""",
            $$"""{"id":{{id}},"type":"message_received","channel":{{Json(Pick("fax", "EMAIL ", Pick(Sql)))}},"identity":"x","occurredAt":"2026-11-21T10:00:00Z","conversationId":"c","text":"hi"}""",
            $$"""{"id":{{id}},"type":"message_received","channel":"whatsapp","identity":{{Json(Pick(BadPhones))}},"occurredAt":"2026-11-21T10:00:00Z","conversationId":"c","text":"hi"}""",
            $$"""{"id":{{id}},"type":"message_received","channel":"email","identity":{{Json(Pick(BadEmails))}},"occurredAt":"2026-11-21T10:00:00Z","conversationId":"c","text":"hi"}""",
            $$"""{"id":{{id}},"type":"message_received","channel":"email","identity":"hostile@example.com","occurredAt":{{Json(Pick(BadDates))}},"conversationId":"c","text":"hi"}""",
            $$"""{"id":{{id}},"type":"message_received","channel":"email","identity":"hostile@example.com","occurredAt":"2026-11-21T10:00:00Z","conversationId":{{Json(Pick("nul\0", "esc\u001b", "", Huge(201)))}},"text":"hi"}""",
            $$"""{"id":{{id}},"type":"message_received","channel":"email","identity":"hostile@example.com","occurredAt":"2026-11-21T10:00:00Z","conversationId":"c","text":{{Json(Pick(Huge(20_001), "nul\0byte", "esc\u001b[2J"))}}}""",
            $$"""{"id":{{id}},"type":"csat_submitted","channel":"email","identity":"hostile@example.com","occurredAt":"2026-11-21T10:00:00Z","score":{{Pick("0", "6", "-1", "1e9", "4.5", "\"5\"")}}}""",
            $$"""{"id":{{id}},"type":"order_placed","channel":"email","identity":"hostile@example.com","occurredAt":"2026-11-21T10:00:00Z","orderId":"o-1","amount":{{Pick("-5", "1e10", "1e30", "\"10\"")}},"currency":"EUR"}""",
            $$"""{"id":{{id}},"type":"order_placed","channel":"email","identity":"hostile@example.com","occurredAt":"2026-11-21T10:00:00Z","orderId":{{Json(Pick("nul\0", "", Huge(201)))}},"amount":10,"currency":"EUR"}""",
            $$"""{"id":{{id}},"type":"order_refunded","channel":"email","identity":"hostile@example.com","occurredAt":"2026-11-21T10:00:00Z","orderId":"o-1","amount":10,"currency":{{Json(Pick("eur", "EURO", "€", Pick(Sql)))}}}""",
            $$"""{"id":{{id}},"type":"page_viewed","channel":"widget","identity":"sess-hostile","occurredAt":"2026-11-21T10:00:00Z","url":{{Json(Pick(Scripts[2], "file:///etc/passwd", "not a url", "https://" + Huge(2100), "https://shop.example.com/pricing\0"))}}}""",
            $$"""{"id":{{id}},"type":"identify","channel":"email","identity":"hostile@example.com","occurredAt":"2026-11-21T10:00:00Z","traits":{{HostileTraits()}}}""");
    }

    private string HostileTraits() => Cycle(
            "traits",
        "null",
        $$"""{"profile":{{HostileProfile()}}}""",
        $$"""{"identities":[{{string.Join(",", Enumerable.Range(0, 21).Select(i => $"{{\"channel\":\"email\",\"value\":\"id{i}@example.com\"}}"))}}]}""",
        $$"""{"identities":[{"channel":"fax","value":"1"}]}""",
        $$"""{"identities":[{"channel":"phone","value":{{Json(Pick(BadPhones))}}}]}""",
        $$"""{"attributes":{{HostileAttributes(allowNull: false)}}}""");

    /// <summary>Cursors that do not decode, and cursors that decode for their sort but carry a value or id the list cannot use.</summary>
    private (string Sort, string Cursor) BadCursor()
    {
        const string Id = "0123456789abcdef0123456789abcdef";
        string Encoded(string raw) => Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Cycle(
            "cursor",
            ("", "!!!"), ("", "bm9wZQ"), ("", Huge(4000)), ("", Convert.ToBase64String(Bytes(48))), ("", Encoded("1|1|x")),
            ("", Encoded($"1|1|{Id}|garbage")), ("", Encoded($"1|1|{Id}|-1")), ("", Encoded($"1|1|{Id}|99999999999999999999999")), ("", Encoded("99999999999|1|a|b")),
            ("", Encoded($"1|1|{Sql[1]}|638000000000000000")), ("sort=name", Encoded($"0|0|{Id}|nul\0")), ("sort=ltv", Encoded($"5|0|{Id}|1e999")),
            ("sort=-conversations", Encoded($"3|1|{Id}|2147483648")), ("sort=firstSeen", Encoded($"2|0|{Id}|{long.MaxValue}")));
    }

    private static HostileRequest Post(string label, string path, string body) => new(label, HttpMethod.Post, path, body);

    private static string Json(string value) => JsonSerializer.Serialize(value);

    private string Huge(int length) => new(Enumerable.Range(0, length).Select(_ => (char)('a' + _random.Next(26))).ToArray());

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Takes the family's cases in turn, so that every case is sent once the family has had as many turns.</summary>
    private T Cycle<T>(string family, params T[] choices)
    {
        var turn = _turns.GetValueOrDefault(family);
        _turns[family] = turn + 1;
        return choices[turn % choices.Length];
    }

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];
}
