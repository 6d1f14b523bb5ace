package org.cfpflow.platform;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/** Reading an HTML form's text fields into a request's values: what a field cannot be read as goes to violations. */
public final class FormFields {

    private FormFields() {
    }

    /** The field's text, stripped; null for a field left blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A {@code datetime-local} input's value; null if blank, or (with a violation) if it is not one. */
    public static LocalDateTime localDateTime(String value, String field, Violations unreadable) {
        if (text(value) == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        }
        catch (DateTimeException e) {
            unreadable.add(field, "is not a date and time such as 2019-09-10T15:00");
            return null;
        }
    }
}
