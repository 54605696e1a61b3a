package se.samlyft.platform.config;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Lists on every operation of a service's OpenAPI document the problems it may answer, each an RFC 9457
 * {@code application/problem+json} body of the schema {@value #PROBLEM}: 401 always (every operation needs a bearer
 * token), 403 but for the caller's own {@code /me}, 400 when the request has parameters or a body, 404 when the path
 * names an object, 409 for a change (POST, PUT, DELETE), and 412 and 428 for an update that takes {@code If-Match}.
 * An operation that declares its problems with their bodies (enrolment's do) keeps exactly those. An operation may
 * declare a problem of its own with {@code @ApiResponse(responseCode = "404", description = ...)};
 * it gets the problem's body too. Success bodies that springdoc offers as {@code *}{@code /*} are offered as {@code application/json}, which the
 * services answer.
 */
final class ProblemResponsesCustomizer implements OperationCustomizer {

    /** The name of the problem's schema among the document's components. */
    static final String PROBLEM = "Problem";

    static final String PROBLEM_JSON = "application/problem+json";

    private static final String ANY = "*/*";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        answerJson(responses);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        List<RequestMethod> methods = mapping == null ? List.of() : Arrays.asList(mapping.method());
        boolean own = mapping != null && Arrays.stream(mapping.path()).anyMatch(path -> path.endsWith("/me"));
        boolean declared = responses.entrySet().stream()
                .anyMatch(response -> response.getKey().startsWith("4")
                        && response.getValue().getContent() != null
                        && response.getValue().getContent().containsKey(PROBLEM_JSON));
        if (declared) {
            operation.setResponses(sorted(responses));
            return operation;
        }
        if (!parameters.isEmpty() || operation.getRequestBody() != null) {
            problem(responses, HttpStatus.BAD_REQUEST);
        }
        problem(responses, HttpStatus.UNAUTHORIZED);
        if (!own) {
            problem(responses, HttpStatus.FORBIDDEN);
        }
        if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
            problem(responses, HttpStatus.NOT_FOUND);
        }
        if (methods.contains(RequestMethod.POST)
                || methods.contains(RequestMethod.PUT)
                || methods.contains(RequestMethod.DELETE)) {
            problem(responses, HttpStatus.CONFLICT);
        }
        if (parameters.stream()
                .anyMatch(parameter ->
                        "header".equals(parameter.getIn()) && "If-Match".equalsIgnoreCase(parameter.getName()))) {
            problem(responses, HttpStatus.PRECONDITION_FAILED);
            problem(responses, HttpStatus.PRECONDITION_REQUIRED);
        }
        problemBodies(responses);
        operation.setResponses(sorted(responses));
        return operation;
    }

    /** The schema of a problem as the platform writes it. */
    static Schema<?> problemSchema() {
        Schema<?> error = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field, parameter or header"))
                .addProperty("message", new StringSchema().description("What is wrong with it"));
        return new ObjectSchema()
                .description("A problem (RFC 9457): what is wrong, in words a person can act on")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("correlationId", new StringSchema())
                .addProperty(
                        "errors",
                        new ArraySchema().items(error).description("For 400: each invalid field and its rule"));
    }

    private static void answerJson(ApiResponses responses) {
        for (ApiResponse response : responses.values()) {
            Content content = response.getContent();
            if (content != null && content.containsKey(ANY)) {
                MediaType any = content.remove(ANY);
                content.putIfAbsent(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
            }
        }
    }

    private static void problem(ApiResponses responses, HttpStatus status) {
        String code = String.valueOf(status.value());
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(status.getReasonPhrase()));
        }
    }

    /** Every 4xx, also one an operation declares with a description of its own, is a problem. */
    private static void problemBodies(ApiResponses responses) {
        responses.forEach((code, response) -> {
            if (code.startsWith("4")
                    && (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON))) {
                response.content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
    }

    private static ApiResponses sorted(ApiResponses responses) {
        Map<String, ApiResponse> byCode = new LinkedHashMap<>();
        responses.keySet().stream().sorted().forEach(code -> byCode.put(code, responses.get(code)));
        ApiResponses result = new ApiResponses();
        byCode.forEach(result::addApiResponse);
        result.setExtensions(responses.getExtensions());
        return result;
    }
}
