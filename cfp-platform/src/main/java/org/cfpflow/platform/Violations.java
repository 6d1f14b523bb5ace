package org.cfpflow.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Collects what is wrong with a request, so that one answer names every bad field. */
public final class Violations {

    /** Pragmatic: one @, no spaces or angle brackets, a dot in the domain. Real checks happen by mailing. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"(),;:\\\\]+@[^@\\s<>\"(),;:\\\\]+\\.[^@\\s<>\"(),;:\\\\]+$");

    private final List<FieldViolation> violations = new ArrayList<>();

    public Violations add(String field, String message) {
        violations.add(new FieldViolation(field, message));
        return this;
    }

    public boolean check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return ok;
    }

    /** Required, at most {@code max} characters, and free of control characters (so safe in a mail header). */
    public boolean line(String value, String field, int max) {
        return required(value, field) && length(value, field, max)
                && check(!hasControlCharacters(value, false), field, "must not contain control characters (line breaks, NUL)");
    }

    /** Optional single-line text. */
    public boolean optionalLine(String value, String field, int max) {
        return value == null || (length(value, field, max)
                && check(!hasControlCharacters(value, false), field, "must not contain control characters (line breaks, NUL)"));
    }

    /** Required multi-line text: line breaks and tabs are fine, other control characters are not. */
    public boolean text(String value, String field, int max) {
        return required(value, field) && optionalText(value, field, max);
    }

    public boolean optionalText(String value, String field, int max) {
        return value == null || (length(value, field, max)
                && check(!hasControlCharacters(value, true), field, "must not contain control characters such as NUL"));
    }

    public boolean email(String value, String field) {
        return line(value, field, 254) && check(EMAIL.matcher(value).matches(), field, "is not an e-mail address");
    }

    public boolean required(Object value, String field) {
        boolean present = value != null && !(value instanceof String text && text.isBlank())
                && !(value instanceof Collection<?> collection && collection.isEmpty());
        return check(present, field, "is required");
    }

    private boolean length(String value, String field, int max) {
        return check(value.codePointCount(0, value.length()) <= max, field, "must be at most " + max + " characters");
    }

    public static boolean hasControlCharacters(String value, boolean allowLineBreaks) {
        return value.codePoints().anyMatch(c -> (Character.getType(c) == Character.CONTROL
                && !(allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')))
                || c == '\u2028' || c == '\u2029');
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
