package org.cfpflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Checks a service's OpenAPI document against the endpoints it really has. */
public final class ApiDocs {

    private ApiDocs() {
    }

    /** {@code operations}: "GET /api/x", ...; each must be documented with its problem+json answers. */
    public static void assertDocuments(TestHttp anonymous, String... operations) {
        TestHttp.Response docs = anonymous.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode openApi = docs.json();
        assertThat(openApi.path("openapi").asString()).startsWith("3.");
        for (String operation : operations) {
            String[] parts = operation.split(" ", 2);
            JsonNode documented = openApi.path("paths").path(parts[1]).path(parts[0].toLowerCase());
            assertThat(documented.isMissingNode()).as(operation + " is documented").isFalse();
            assertThat(documented.path("responses").path("400").path("content").has("application/problem+json"))
                    .as(operation + " documents its errors").isTrue();
        }
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
