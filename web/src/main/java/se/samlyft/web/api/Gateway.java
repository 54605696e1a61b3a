package se.samlyft.web.api;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's APIs as one client reaches them: through the gateway, with the logged-in person's access token (see
 * {@link ApiClientConfiguration}). Every error answer becomes an {@link ApiProblem}; a gateway that does not answer
 * becomes a 503 one. The clients of the services build on this.
 */
@Component
public class Gateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient rest;

    Gateway(RestClient gatewayClient) {
        this.rest = gatewayClient;
    }

    /** An answer's body and its ETag's version, when it had one. */
    public record Answer<T>(T body, @Nullable Long version) {}

    <T> Answer<T> get(Function<UriBuilder, java.net.URI> uri, ParameterizedTypeReference<T> type) {
        return call(() -> answer(rest.get()
                .uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> {
                    throw problemOf(response);
                })
                .toEntity(type)));
    }

    <T> Answer<T> post(
            Function<UriBuilder, java.net.URI> uri,
            @Nullable Object body,
            Change change,
            ParameterizedTypeReference<T> type) {
        return call(() -> {
            RestClient.RequestBodySpec request = rest.post()
                    .uri(uri)
                    .accept(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", change.idempotencyKey());
            String ifMatch = change.ifMatch();
            if (ifMatch != null) {
                request.header(HttpHeaders.IF_MATCH, ifMatch);
            }
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return answer(request.retrieve()
                    .onStatus(HttpStatusCode::isError, (sent, response) -> {
                        throw problemOf(response);
                    })
                    .toEntity(type));
        });
    }

    <T> Answer<T> put(
            Function<UriBuilder, java.net.URI> uri, Object body, Change change, ParameterizedTypeReference<T> type) {
        return call(() -> {
            RestClient.RequestBodySpec request = rest.put()
                    .uri(uri)
                    .accept(MediaType.APPLICATION_JSON)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", change.idempotencyKey());
            String ifMatch = change.ifMatch();
            if (ifMatch != null) {
                request.header(HttpHeaders.IF_MATCH, ifMatch);
            }
            return answer(request.body(body)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (sent, response) -> {
                        throw problemOf(response);
                    })
                    .toEntity(type));
        });
    }

    /** A DELETE that answers no body (204). */
    void delete(Function<UriBuilder, java.net.URI> uri, Change change) {
        call(() -> {
            RestClient.RequestHeadersSpec<?> request = rest.delete()
                    .uri(uri)
                    .accept(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", change.idempotencyKey());
            String ifMatch = change.ifMatch();
            if (ifMatch != null) {
                request.header(HttpHeaders.IF_MATCH, ifMatch);
            }
            return request.retrieve()
                    .onStatus(HttpStatusCode::isError, (sent, response) -> {
                        throw problemOf(response);
                    })
                    .toBodilessEntity();
        });
    }

    /** A POST whose answer may have no body (202, 204): its status only. */
    int postForStatus(Function<UriBuilder, java.net.URI> uri, @Nullable Object body, Change change) {
        return call(() -> {
            RestClient.RequestBodySpec request = rest.post()
                    .uri(uri)
                    .accept(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", change.idempotencyKey());
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return request.retrieve()
                    .onStatus(HttpStatusCode::isError, (sent, response) -> {
                        throw problemOf(response);
                    })
                    .toBodilessEntity()
                    .getStatusCode()
                    .value();
        });
    }

    /**
     * Posts a file's bytes as they are ({@code text/csv}); a 422 problem's body is read into the problem's {@code
     * body}, since it carries the report.
     */
    <T> Answer<T> postFile(
            Function<UriBuilder, java.net.URI> uri,
            byte[] file,
            MediaType mediaType,
            Change change,
            ParameterizedTypeReference<T> type) {
        return call(() -> answer(rest.post()
                .uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .contentType(mediaType)
                .header("Idempotency-Key", change.idempotencyKey())
                .body(file)
                .retrieve()
                .onStatus(HttpStatusCode::isError, (sent, response) -> {
                    throw problemOf(response);
                })
                .toEntity(type)));
    }

    /** A file to download as the API makes it: its bytes, content type and the name it suggests. */
    public record Download(
            byte[] bytes, String contentType, @Nullable String contentDisposition) {}

    Download download(Function<UriBuilder, java.net.URI> uri) {
        return call(() -> {
            ResponseEntity<byte[]> entity = rest.get()
                    .uri(uri)
                    .accept(MediaType.ALL)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw problemOf(response);
                    })
                    .toEntity(byte[].class);
            byte[] body = entity.getBody();
            MediaType contentType = entity.getHeaders().getContentType();
            return new Download(
                    body == null ? new byte[0] : body,
                    contentType == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : contentType.toString(),
                    entity.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION));
        });
    }

    private static <T> Answer<T> answer(ResponseEntity<T> entity) {
        T body = entity.getBody();
        if (body == null) {
            throw new ApiProblem(502, "An empty answer", List.of(), null, null);
        }
        return new Answer<>(body, versionOf(entity.getHeaders().getETag()));
    }

    private static <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException unreachable) {
            throw ApiProblem.unreachable("the gateway");
        }
    }

    /** The version in a strong ETag such as {@code "3"}. */
    static @Nullable Long versionOf(@Nullable String etag) {
        if (etag == null || !etag.matches("\"[0-9]{1,18}\"")) {
            return null;
        }
        return Long.parseLong(etag.substring(1, etag.length() - 1));
    }

    /** Reads an error answer: a problem document where there is one, else its status alone. */
    static ApiProblem problemOf(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        Duration retryAfter = retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        String correlationId = response.getHeaders().getFirst("X-Correlation-Id");
        String detail = "";
        List<ApiProblem.FieldProblem> fields = new ArrayList<>();
        JsonNode document = null;
        byte[] body = response.getBody().readAllBytes();
        if (body.length > 0) {
            try {
                JsonNode problem = JSON.readTree(body);
                document = problem;
                detail = problem.path("detail").asString("");
                for (JsonNode error : problem.path("errors")) {
                    JsonNode field = error.path("field");
                    fields.add(new ApiProblem.FieldProblem(
                            field.isString() ? field.asString() : null,
                            error.path("message").asString("")));
                }
            } catch (RuntimeException notJson) {
                detail = "";
            }
        }
        return new ApiProblem(status, detail, fields, retryAfter, correlationId, document);
    }

    private static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null || !header.strip().matches("[0-9]{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }
}
