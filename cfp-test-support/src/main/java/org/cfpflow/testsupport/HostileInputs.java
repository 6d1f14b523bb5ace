package org.cfpflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.json.JsonMapper;

/**
 * A seeded generator of what attackers and broken clients send: huge and empty strings, deep nesting, wrong
 * types, invalid UTF-8, NUL, CR/LF, markup, odd Unicode. The seed is fixed and printed; another can be tried with
 * {@code -Dcfp.fuzz.seed=N}.
 */
public final class HostileInputs {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> NASTY = List.of("", " ", "\u0000", "\r\nBcc: victim@example.org", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "'; db.dropDatabase(); '", "{\"$gt\": \"\"}", "../../etc/passwd",
            "%00", "\uFEFF", "\u202Eevil", "😀".repeat(300), "é".repeat(5_000), "a".repeat(70_000), "null", "-1",
            "9999999999999999999999", "NaN", "1e309", "\\u0000", "${jndi:ldap://x}", "{{7*7}}", "\u2028\u2029");

    private final Random random;
    private final long seed;

    private HostileInputs(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The seed every run uses unless told another: a failure in CI is the same failure on a laptop. */
    static final long DEFAULT_SEED = 20_170_913L;

    public static HostileInputs seeded() {
        long seed = Long.getLong("cfp.fuzz.seed", DEFAULT_SEED);
        System.out.println("[cfp-test] hostile inputs, seed " + seed + " (replay with -Dcfp.fuzz.seed=" + seed + ")");
        return new HostileInputs(seed);
    }

    public long seed() {
        return seed;
    }

    public String string() {
        return random.nextInt(3) == 0 ? randomText(random.nextInt(200)) : NASTY.get(random.nextInt(NASTY.size()));
    }

    /** A value of any JSON type, nested up to {@code depth}. */
    public Object value(int depth) {
        return switch (random.nextInt(depth > 0 ? 9 : 7)) {
            case 0 -> string();
            case 1 -> random.nextLong();
            case 2 -> random.nextDouble() * 1e12;
            case 3 -> random.nextBoolean();
            case 4 -> null;
            case 5 -> List.of();
            case 6 -> Map.of();
            case 7 -> {
                List<Object> list = new ArrayList<>();
                list.add(value(depth - 1));
                list.add(value(depth - 1));
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put(string().replace("\u0000", "k"), value(depth - 1));
                yield map;
            }
        };
    }

    /** A valid-looking object with some fields replaced by hostile values, dropped or added. */
    public Map<String, Object> mutate(Map<String, Object> template) {
        Map<String, Object> body = new LinkedHashMap<>(template);
        List<String> keys = new ArrayList<>(body.keySet());
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            String key = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(3)) {
                case 0 -> body.put(key, value(3));
                case 1 -> body.remove(key);
                default -> body.put(string().replace("\u0000", "k"), value(2));
            }
        }
        return body;
    }

    /** Raw bytes for a request body: hostile JSON, deep nesting, truncation, invalid UTF-8. */
    public byte[] body(Map<String, Object> template) {
        return switch (random.nextInt(6)) {
            case 0 -> "[".repeat(5_000).getBytes(StandardCharsets.UTF_8);
            case 1 -> new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '{', '}'};
            case 2 -> {
                byte[] json = JSON.writeValueAsBytes(mutate(template));
                yield java.util.Arrays.copyOf(json, random.nextInt(json.length + 1));
            }
            case 3 -> ("{\"title\": \"" + "\\ud800" + "\"}").getBytes(StandardCharsets.UTF_8);
            default -> JSON.writeValueAsBytes(mutate(template));
        };
    }

    public String pathSegment() {
        String raw = string();
        return java.net.URLEncoder.encode(raw.length() > 500 ? raw.substring(0, 500) : raw, StandardCharsets.UTF_8);
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x2FFF) : 32 + random.nextInt(95));
        }
        return text.toString();
    }

    /** Never a server error, never a stack trace or framework internals in what a client sees. */
    public static void assertHandledCleanly(String request, TestHttp.Response response) {
        assertThat(response.status()).as(request + " → " + response).isLessThan(500);
        assertThat(response.body()).as(request).doesNotContain("Exception", "\tat ", "org.springframework",
                "java.lang");
    }
}
