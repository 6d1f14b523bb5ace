package org.cfpflow.platform;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/** Every operation documents the problem+json answers it can give, with the RFC 9457 shape. */
class ProblemResponsesInOpenApi implements OpenApiCustomizer {

    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Invalid request: `errors` names each bad field",
            "401", "Sign-in needed",
            "403", "Not allowed for this caller (role, edit token, conflict of interest)",
            "404", "Unknown, or not visible to this caller",
            "409", "Conflicts with the current state (call window, status, timetable clash)",
            "413", "Request body over the limit",
            "415", "Not JSON",
            "429", "Too many requests from this address");

    @Override
    public void customise(OpenAPI openApi) {
        Schema<?> problem = new ObjectSchema()
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
        openApi.getComponents().addSchemas("Problem", problem);
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                PROBLEMS.forEach((status, description) -> {
                    if (!operation.getResponses().containsKey(status)) {
                        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                                .content(new Content().addMediaType("application/problem+json",
                                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
                    }
                })));
    }
}
