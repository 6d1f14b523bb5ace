package org.cfpflow.events;

import java.util.List;

/**
 * Payload checks run by the records' constructors, so an invalid payload never becomes an event: a forged or
 * corrupt record is refused as the HTTP APIs would refuse it (lengths, line breaks, control characters) and goes to
 * its dead-letter topic instead of into a mail header or a page.
 */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Required single-line text of at most {@code max} characters, as the HTTP APIs accept it. */
    static String line(String value, String name, int max) {
        return optionalLine(text(value, name), name, max);
    }

    static String optionalLine(String value, String name, int max) {
        return checked(value, name, max, false);
    }

    /** Optional multi-line text of at most {@code max} characters: line breaks and tabs allowed. */
    static String optionalText(String value, String name, int max) {
        return checked(value, name, max, true);
    }

    static String email(String value, String name) {
        line(value, name, 254);
        if (value.indexOf('@') < 1 || value.indexOf('@') == value.length() - 1 || value.matches(".*[\\s<>\"(),;:\\\\].*")) {
            throw new IllegalArgumentException(name + " is not an e-mail address");
        }
        return value;
    }

    private static String checked(String value, String name, int max, boolean multiLine) {
        if (value == null) {
            return null;
        }
        if (Text.length(value) > max) {
            throw new IllegalArgumentException(name + " must be at most " + max + " characters");
        }
        if (Text.hasControlCharacters(value, multiLine)) {
            throw new IllegalArgumentException(name + " must not contain control characters");
        }
        if (!Text.hasOnlyCharacters(value)) {
            throw new IllegalArgumentException(name + " must not contain non-characters or unpaired surrogates");
        }
        return value;
    }

    static String conferenceId(String value) {
        if (!ConferenceIds.valid(value)) {
            throw new IllegalArgumentException("conferenceId must match " + ConferenceIds.PATTERN.pattern()
                    + " and be at most " + ConferenceIds.MAX_LENGTH + " characters");
        }
        return value;
    }

    static <T> List<T> nonEmpty(List<T> values, String name) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return List.copyOf(values);
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static <T> List<T> atMost(List<T> values, int max, String name) {
        if (values.size() > max) {
            throw new IllegalArgumentException(name + " must be at most " + max);
        }
        return values;
    }

    static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
