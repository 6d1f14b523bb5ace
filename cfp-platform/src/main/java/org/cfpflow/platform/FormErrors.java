package org.cfpflow.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request's violations named by the inputs of the HTML form that made it, for showing each beside its input. A
 * form has blank rows that are left out of the request: {@code tracks[1]} of the request may be the form's third
 * track row. Below a row, the violation belongs to the row's input it starts with ({@code tracks[0].durations[2]}
 * to {@code tracks[0].durations}); {@link #alias} names inputs called otherwise than the request's fields.
 */
public final class FormErrors {

    private static final Pattern ROW = Pattern.compile("^([A-Za-z]+)\\[(\\d+)](\\.[A-Za-z]+)?");

    private final Map<String, List<Integer>> rows = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    /** The form's rows of the list {@code name}: whether each is blank (and so not in the request). */
    public FormErrors rows(String name, List<Boolean> blank) {
        List<Integer> given = new ArrayList<>();
        for (int i = 0; i < blank.size(); i++) {
            if (!blank.get(i)) {
                given.add(i);
            }
        }
        rows.put(name, given);
        return this;
    }

    /** Violations of {@code field} and below it belong to the input {@code input}. */
    public FormErrors alias(String field, String input) {
        aliases.put(field, input);
        return this;
    }

    /** The messages of each input, in the order of the violations; those of no input are under their field. */
    public Map<String, List<String>> byInput(List<FieldViolation> violations) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldViolation violation : violations) {
            errors.computeIfAbsent(input(violation.field()), key -> new ArrayList<>()).add(violation.message());
        }
        return errors;
    }

    private String input(String field) {
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            if (field.equals(alias.getKey()) || field.startsWith(alias.getKey() + ".")) {
                return alias.getValue();
            }
        }
        Matcher matcher = ROW.matcher(field);
        if (!matcher.find()) {
            return field;
        }
        List<Integer> given = rows.getOrDefault(matcher.group(1), List.of());
        int index = Integer.parseInt(matcher.group(2));
        int row = index < given.size() ? given.get(index) : index;
        return matcher.group(1) + "[" + row + "]" + (matcher.group(3) == null ? "" : matcher.group(3));
    }
}
