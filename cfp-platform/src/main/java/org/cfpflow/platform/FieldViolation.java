package org.cfpflow.platform;

/** One thing wrong with a request: where ({@code speakers[1].email}) and what. */
public record FieldViolation(String field, String message) {
}
