package org.cfpflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies a lenient reader would guess at and a strict one refuses: a number or a boolean where text is expected,
 * a fraction or text where a whole number is, a key given twice, a property the request does not have, content
 * after the value. Each comes with the field its refusal must name.
 */
public final class StrictBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One body and the field (as {@code speakers[0].name}; {@code $} for the body) its {@code 400} must name. */
    public record Refusal(String what, byte[] body, String field) {

        @Override
        public String toString() {
            return what + ": " + new String(body, StandardCharsets.UTF_8);
        }
    }

    private StrictBodies() {
    }

    /**
     * Refusals made from a valid body. {@code textField} and {@code wholeNumberField} are paths into it
     * ({@code blocks[0].room}); a null one is left out, for requests that have no field of that kind.
     */
    public static List<Refusal> from(Map<String, ?> valid, String textField, String wholeNumberField) {
        ObjectNode template = JSON.valueToTree(valid);
        List<Refusal> refusals = new ArrayList<>();
        if (textField != null) {
            refusals.add(new Refusal("a number for text", with(template, textField, JSON.getNodeFactory().numberNode(12345)), textField));
            refusals.add(new Refusal("a boolean for text", with(template, textField, JSON.getNodeFactory().booleanNode(true)), textField));
        }
        if (wholeNumberField != null) {
            refusals.add(new Refusal("a fraction for a whole number", with(template, wholeNumberField,
                    JSON.getNodeFactory().numberNode(new java.math.BigDecimal("20.7"))), wholeNumberField));
            refusals.add(new Refusal("text for a whole number", with(template, wholeNumberField,
                    JSON.getNodeFactory().stringNode("20")), wholeNumberField));
        }
        String first = template.propertyNames().iterator().next();
        String json = JSON.writeValueAsString(template);
        String duplicated = "{" + JSON.writeValueAsString(first) + ":" + JSON.writeValueAsString(template.get(first))
                + "," + json.substring(1);
        refusals.add(new Refusal("a key given twice", utf8(duplicated), first));
        ObjectNode unknown = template.deepCopy();
        unknown.put(first + "Typo", "oops");
        refusals.add(new Refusal("an unknown property", utf8(JSON.writeValueAsString(unknown)), first + "Typo"));
        refusals.add(new Refusal("content after the value", utf8(json + " {}"), "$"));
        return refusals;
    }

    /** The answer is a {@code 400} problem naming the refusal's field, with what was expected there. */
    public static void assertRefused(Refusal refusal, TestHttp.Response response) {
        assertThat(response.status()).as(refusal + " → " + response).isEqualTo(400);
        assertThat(response.contentType()).as(refusal.toString()).startsWith("application/problem+json");
        JsonNode errors = response.json().path("errors");
        assertThat(errors.findValuesAsString("field")).as(refusal + " → " + response.body()).containsExactly(refusal.field());
        assertThat(errors.get(0).path("message").asString()).as(refusal + " → " + response.body()).isNotBlank();
        assertThat(response.json().path("detail").asString()).as(refusal.toString()).startsWith(refusal.field() + " ");
    }

    private static byte[] with(ObjectNode template, String path, JsonNode value) {
        ObjectNode copy = template.deepCopy();
        JsonPointer pointer = JsonPointer.compile("/" + path.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/'));
        JsonNode parent = copy.at(pointer.head());
        String last = pointer.last().getMatchingProperty();
        if (parent instanceof ArrayNode array) {
            array.set(pointer.last().getMatchingIndex(), value);
        }
        else {
            ((ObjectNode) parent).set(last, value);
        }
        return utf8(JSON.writeValueAsString(copy));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
