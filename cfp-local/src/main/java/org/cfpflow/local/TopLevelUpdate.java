package org.cfpflow.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import de.bwaldvogel.mongo.backend.NumericUtils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The update operators the local store applies itself, on top-level fields of one stored document: {@code $set},
 * {@code $inc} and {@code $push} (with {@code $each} and {@code $slice}), as aggregates written by update and the
 * outbox's appends use them, and whole replacements. mongo-java-server's generic update deep-copies the stored
 * document and compares it twice, which for a large one (a timetable of half a megabyte) costs more than the write.
 * What these refuse (null) takes the generic way, which refuses what mongo would.
 */
final class TopLevelUpdate {

    private TopLevelUpdate() {
    }

    /** A replacement document as stored: the stored document's {@code _id} first, then the replacement's fields. */
    static Document replacement(Document stored, Document update) {
        Document replacement = new Document("_id", stored.get("_id"));
        update.forEach((key, value) -> {
            if (!key.equals("_id")) {
                replacement.put(key, value);
            }
        });
        return replacement;
    }

    /**
     * The result of an update made of {@code $set}, {@code $inc} and {@code $push} (with {@code $each} and
     * {@code $slice}) on top-level fields only, as aggregates written by update and the outbox's appends are:
     * a shallow copy of the stored document with those fields replaced, their values taken as sent. The generic
     * way copies the whole document deeply and compares it twice, which for a large one (the timetable, half a
     * megabyte) cost more than the write. Null for anything else, which the generic way applies (and refuses
     * where mongo would).
     */

    static Document apply(Document stored, Document update) {
        Document result = stored.clone();
        Set<String> changed = new HashSet<>();
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            if (!(operator.getValue() instanceof Document fields) || fields.isEmpty()) {
                return null;
            }
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                String key = field.getKey();
                if (key.isEmpty() || key.contains(".") || key.startsWith("$") || key.equals("_id")
                        || !changed.add(key)) {
                    return null;
                }
                Object value = switch (operator.getKey()) {
                    case "$set" -> field.getValue();
                    case "$inc" -> incremented(result.get(key), field.getValue());
                    case "$push" -> pushed(result.get(key), field.getValue());
                    default -> null;
                };
                if (value == null) {
                    return null;
                }
                result.put(key, value);
            }
        }
        return result;
    }


    private static Number incremented(Object current, Object by) {
        if (!(by instanceof Number increment) || current != null && !(current instanceof Number)) {
            return null;
        }
        return current == null ? increment : NumericUtils.addNumbers((Number) current, increment);
    }


    private static List<Object> pushed(Object current, Object push) {
        if (current != null && !(current instanceof List<?>)) {
            return null;
        }
        List<?> values = Collections.singletonList(push);
        Integer slice = null;
        if (push instanceof Document modifiers && modifiers.containsKey("$each")) {
            if (!(modifiers.get("$each") instanceof List<?> each)) {
                return null;
            }
            values = each;
            for (Map.Entry<String, Object> modifier : modifiers.entrySet()) {
                if (modifier.getKey().equals("$slice") && (modifier.getValue() instanceof Integer
                        || modifier.getValue() instanceof Long)) {
                    slice = ((Number) modifier.getValue()).intValue();
                }
                else if (!modifier.getKey().equals("$each")) {
                    return null;
                }
            }
        }
        List<Object> result = new ArrayList<>(current == null ? values : (List<?>) current);
        if (current != null) {
            result.addAll(values);
        }
        if (slice != null) {
            result = slice < 0 ? result.subList(Math.max(0, result.size() + slice), result.size())
                    : result.subList(0, Math.min(slice, result.size()));
            result = new ArrayList<>(result);
        }
        return result;
    }
    /** Operators whose keys are the only fields they change. */

    private static final Set<String> PLAIN_OPERATORS = Set.of("$set", "$unset", "$inc", "$mul", "$min", "$max",
            "$push", "$pull", "$pullAll", "$addToSet", "$pop", "$currentDate", "$setOnInsert");

    /** The top-level fields an operator update changes; null if it may change others or uses positional paths. */

    static Set<String> fieldsNamedBy(Document update) {
        Set<String> fields = new HashSet<>();
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            if (!PLAIN_OPERATORS.contains(operator.getKey()) || !(operator.getValue() instanceof Document paths)) {
                return null;
            }
            for (String path : paths.keySet()) {
                if (path.contains("$")) {
                    return null;
                }
                fields.add(topLevel(path));
            }
        }
        return fields.isEmpty() ? null : fields;
    }


    static String topLevel(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }


    static boolean isReplacement(Document update) {
        return !update.isEmpty() && update.keySet().stream().noneMatch(key -> key.startsWith("$"));
    }

    /** Deep equality, but a differing plain value at the top (a save's version) answers without the deep part. */

    static boolean sameDocument(Document stored, Document replacement) {
        if (!stored.keySet().equals(replacement.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> field : replacement.entrySet()) {
            Object value = field.getValue();
            if (!(value instanceof Document || value instanceof List<?>)
                    && !Objects.equals(value, stored.get(field.getKey()))) {
                return false;
            }
        }
        return stored.equals(replacement);
    }
}
