package org.cfpflow.local;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The conditions most of the services' queries are made of, matched without mongo-java-server's generic matcher:
 * a top-level field equal to a string, a boolean or null ({@code {withdrawn: false}}), or not equal to one
 * ({@code {reviewers: {$ne: "alice@…"}}}). The generic one splits every key and copies every condition on an
 * array, for every document it looks at: a reviewer's queue counted its conference's proposals so, some 5 µs and
 * several objects each. The answers are MongoDB's: a
 * condition on an array holds if one of its elements meets it, {@code null} stands for a missing field too, and
 * {@code $ne} holds wherever the equality does not.
 */
final class SimpleConditions {

    private SimpleConditions() {
    }

    /**
     * Whether the document meets every condition of the query, read in the query's order; null as soon as a
     * condition is not one of these (the generic matcher then answers for the whole query).
     */
    static Boolean matches(Document document, Document query) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String field = condition.getKey();
            if (field.startsWith("$") || field.indexOf('.') >= 0) {
                return null;
            }
            Boolean met = meets(document.get(field), condition.getValue());
            if (met == null || !met) {
                return met;
            }
        }
        return true;
    }

    /** Whether the field's value meets the condition; null if the condition is not a simple one. */
    private static Boolean meets(Object value, Object condition) {
        if (isScalar(condition)) {
            return equal(value, condition);
        }
        if (!(condition instanceof Document operator) || operator.size() != 1) {
            return null;
        }
        if (operator.containsKey("$ne") && isScalar(operator.get("$ne"))) {
            return !equal(value, operator.get("$ne"));
        }
        return null;
    }

    private static boolean isScalar(Object condition) {
        return condition == null || condition instanceof String || condition instanceof Boolean;
    }

    /** A value equal to the wanted one, or an array with an element equal to it (null: a missing field too). */
    private static boolean equal(Object value, Object wanted) {
        if (value instanceof Collection<?> elements) {
            for (Object element : elements) {
                if (Objects.equals(element, wanted)) {
                    return true;
                }
            }
            return false;
        }
        return Objects.equals(value, wanted);
    }
}
