package org.cfpflow.notification.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cfpflow.platform.Violations;

/**
 * An organizer's own wording of one kind of e-mail: a subject and a plain-text body with {@code {{placeholders}}}
 * from {@link #PLACEHOLDERS}, nothing else (no expressions: the text is the organizer's, the values are untrusted
 * and only ever inserted). A placeholder without a value in an e-mail (no slot yet, say) reads as empty.
 */
public record MailTemplate(String subject, String body) {

    /** Every placeholder and what it holds. */
    public static final Map<String, String> PLACEHOLDERS = placeholders();
    static final int MOST_BODY = 20_000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private static Map<String, String> placeholders() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("name", "the speaker's name");
        all.put("conference", "the conference's title");
        all.put("title", "the talk's title");
        all.put("track", "the talk's track");
        all.put("minutes", "the talk's length in minutes");
        all.put("slot", "where and when the talk is, in the conference's time zone");
        all.put("previousSlot", "where and when it was, for a move");
        all.put("note", "the reviewers' note to the speakers");
        all.put("reason", "why (a withdrawal, a reminder's deadline)");
        all.put("editUrl", "the link to the speaker's proposal page (its token sealed until sent)");
        all.put("confirmUrl", "the link to confirm the talk");
        all.put("declineUrl", "the link to decline it");
        all.put("calendarUrl", "the speaker's own calendar of their talks");
        return java.util.Collections.unmodifiableMap(all);
    }

    /** What is wrong with it, each under {@code subject} or {@code body}. */
    void validate(Violations violations) {
        if (violations.line(subject, "subject", 200)) {
            unknown(subject, "subject", violations);
        }
        if (violations.text(body, "body", MOST_BODY)) {
            unknown(body, "body", violations);
        }
    }

    private static void unknown(String text, String field, Violations violations) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!PLACEHOLDERS.containsKey(matcher.group(1))) {
                violations.add(field, "uses {{" + matcher.group(1) + "}}, which is not a placeholder; they are "
                        + String.join(", ", PLACEHOLDERS.keySet().stream().map(p -> "{{" + p + "}}").toList()));
            }
        }
        if (text.replaceAll(PLACEHOLDER.pattern(), "").contains("{{")) {
            violations.add(field, "has a {{ without its }}");
        }
    }

    /** The text with each placeholder's value put in (empty where the e-mail has none). */
    public static String render(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The placeholders' names, for pages. */
    public static List<String> names() {
        return List.copyOf(PLACEHOLDERS.keySet());
    }
}
