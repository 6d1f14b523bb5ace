package org.cfpflow.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * What {@link StrictJson} refused in a request body, as the field it concerns and what was expected there, in the
 * form of the validation errors ({@code speakers[0].email}). {@code $} is the body itself.
 */
final class UnreadableBody {

    /** The moment the messages show each date and time format with: a morning of LPC 2017. */
    private static final LocalDateTime EXAMPLE = LocalDateTime.of(2017, 9, 13, 9, 0);

    static final String BODY = "$";

    private UnreadableBody() {
    }

    /** The refusal as a field violation; empty where the body is not JSON at all. */
    static Optional<FieldViolation> violation(JacksonException e) {
        if (e instanceof PropertyBindingException unknown) {
            return Optional.of(new FieldViolation(field(e.getPath()), "is not a property of this request; expected one of "
                    + known(unknown.getKnownPropertyIds())));
        }
        if (e instanceof MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty() && String.valueOf(mismatch.getOriginalMessage()).startsWith("Trailing token")) {
                return Optional.of(new FieldViolation(BODY, "must be one JSON value with nothing after it"));
            }
            return Optional.of(new FieldViolation(field(e.getPath()), "must be " + expected(mismatch.getTargetType())));
        }
        if (e instanceof InputCoercionException range) {
            return Optional.of(new FieldViolation(field(e.getPath(), range.processor()),
                    "must be " + expected(range.getTargetType()) + " within its range"));
        }
        if (e instanceof StreamReadException read && String.valueOf(read.getOriginalMessage()).startsWith("Duplicate")) {
            return Optional.of(new FieldViolation(field(List.of(), read.processor()), "is given twice"));
        }
        return Optional.empty();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "an instant as text with its offset, such as " + EXAMPLE.atOffset(ZoneOffset.UTC).toInstant();
        }
        if (type == LocalDateTime.class) {
            return "a local date-time as text, such as " + EXAMPLE;
        }
        if (type == LocalDate.class) {
            return "a date as text, such as " + EXAMPLE.toLocalDate();
        }
        if (type == LocalTime.class) {
            return "a time as text, such as " + EXAMPLE.toLocalTime();
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another type";
    }

    private static String known(Collection<Object> names) {
        return names == null ? "[]" : names.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code speakers[0].name}, from databind's path of the value where it has one. */
    private static String field(List<JacksonException.Reference> path) {
        String field = path.stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        return field.isEmpty() ? BODY : field;
    }

    /** Where the parser stood when it refused, for refusals the parser makes before databind adds a path. */
    private static String field(List<JacksonException.Reference> path, JsonParser parser) {
        if (!path.isEmpty() || parser == null) {
            return field(path);
        }
        StringBuilder field = new StringBuilder();
        for (TokenStreamContext context = parser.streamReadContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            String step = context.inArray() ? "[" + context.getCurrentIndex() + "]"
                    : context.currentName() != null ? "." + context.currentName() : "";
            field.insert(0, step);
        }
        String result = field.toString().replaceFirst("^\\.", "");
        return result.isEmpty() ? BODY : result;
    }
}
