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
                && check(!hasControlCharacters(value, false), field, "must not contain control characters (line breaks, NUL)")
                && representable(value, field));
    }

    /** Required multi-line text: line breaks and tabs are fine, other control characters are not. */
    public boolean text(String value, String field, int max) {
        return required(value, field) && optionalText(value, field, max);
    }

    public boolean optionalText(String value, String field, int max) {
        return value == null || (length(value, field, max)
                && check(!hasControlCharacters(value, true), field, "must not contain control characters such as NUL")
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
        return check(value.codePointCount(0, value.length()) <= max, field, "must be at most " + max + " characters");
    }

    public static boolean hasControlCharacters(String value, boolean allowLineBreaks) {
        return value.codePoints().anyMatch(c -> (Character.getType(c) == Character.CONTROL
                && !(allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')))
                || c == '\u2028' || c == '\u2029');
    }

    private boolean representable(String value, String field) {
        return check(value.codePoints().allMatch(Violations::isCharacter), field,
                "must not contain non-characters (such as U+FFFE) or unpaired surrogates");
    }

    /**
     * Whether XML 1.0 can carry the code point and Unicode assigns it to characters: not a surrogate on its own,
     * not one of the non-characters U+FDD0..U+FDEF and U+xxFFFE, U+xxFFFF. (Control characters are checked apart.)
     */
    public static boolean isCharacter(int codePoint) {
        return !(codePoint >= 0xD800 && codePoint <= 0xDFFF)
                && !(codePoint >= 0xFDD0 && codePoint <= 0xFDEF)
                && (codePoint & 0xFFFE) != 0xFFFE;
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
