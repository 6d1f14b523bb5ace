package org.cfpflow.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.cfpflow.events.Text;

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

    /**
     * Required, at most {@code max} characters, free of control characters (so safe in a mail header) and of code
     * points XML cannot carry (so that the schedule exports stay well-formed).
     */
    public boolean line(String value, String field, int max) {
        return required(value, field) && optionalLine(value, field, max);
    }

    /** Optional single-line text. */
    public boolean optionalLine(String value, String field, int max) {
        return value == null || (length(value, field, max)
                && check(!Text.hasControlCharacters(value, false), field, "must not contain control characters (line breaks, NUL)")
                && representable(value, field));
    }

    /** Required multi-line text: line breaks and tabs are fine, other control characters are not. */
    public boolean text(String value, String field, int max) {
        return required(value, field) && optionalText(value, field, max);
    }

    public boolean optionalText(String value, String field, int max) {
        return value == null || (length(value, field, max)
                && check(!Text.hasControlCharacters(value, true), field, "must not contain control characters such as NUL")
                && representable(value, field));
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
        return check(Text.length(value) <= max, field, "must be at most " + max + " characters");
    }

    private boolean representable(String value, String field) {
        return check(Text.hasOnlyCharacters(value), field,
                "must not contain non-characters (such as U+FFFE) or unpaired surrogates");
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
