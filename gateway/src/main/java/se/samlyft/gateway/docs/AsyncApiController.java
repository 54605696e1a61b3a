package se.samlyft.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.contracts.EventContracts;
import se.samlyft.gateway.routing.ServiceRoutes;
import se.samlyft.platform.problem.NotFound;

/**
 * The published event contract for integrators, open without a token: {@code GET /api/docs/asyncapi.yaml}, the AsyncAPI
 * document of the topics, the webhooks and the event feed, and {@code GET /api/docs/events/<type>.json}, the JSON
 * Schema of each event type's data, where the document's relative references point. Both are served from the
 * contracts module as built into the gateway.
 */
@RestController
public class AsyncApiController {

    /** Where the gateway serves the AsyncAPI document. */
    public static final String ASYNCAPI_PATH = ServiceRoutes.API_DOCS_PATH + "/asyncapi.yaml";

    static final String SCHEMAS_PATH = ServiceRoutes.API_DOCS_PATH + "/events";
    static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");
    static final MediaType SCHEMA = MediaType.parseMediaType("application/schema+json;charset=UTF-8");

    private final byte[] document;
    private final Map<String, byte[]> schemas = new TreeMap<>();

    public AsyncApiController() {
        this.document = read("contracts/asyncapi.yaml");
        Set<String> types = EventContracts.load().types();
        types.forEach(type -> schemas.put(type + ".json", read(EventContracts.schemaPath(type))));
    }

    @GetMapping(ASYNCAPI_PATH)
    public ResponseEntity<byte[]> asyncApi() {
        return ResponseEntity.ok().contentType(YAML).body(document);
    }

    @GetMapping(SCHEMAS_PATH + "/{file}")
    public ResponseEntity<byte[]> schema(@PathVariable String file) {
        byte[] schema = schemas.get(file);
        if (schema == null) {
            throw new NotFound("No published event type has the schema " + file + ".");
        }
        return ResponseEntity.ok().contentType(SCHEMA).body(schema);
    }

    private static byte[] read(String resource) {
        try (InputStream stream = AsyncApiController.class.getClassLoader().getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalStateException("The contracts module has no " + resource);
            }
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
