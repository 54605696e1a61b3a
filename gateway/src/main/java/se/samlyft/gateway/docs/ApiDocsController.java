package se.samlyft.gateway.docs;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.gateway.GatewayProperties;
import se.samlyft.gateway.routing.ServiceRoutes;

/**
 * {@code GET /api/docs}: the services behind the gateway and where the gateway serves each one's OpenAPI document
 * ({@code /api/docs/<service>}, taken from the service's {@code /v3/api-docs}), and where the AsyncAPI document of the
 * events, webhooks and feed is. Open without a token, like the documents themselves.
 */
@RestController
public class ApiDocsController {

    /** One service's OpenAPI document. */
    public record ApiDocument(String service, String url) {}

    /** The services' OpenAPI documents, and the AsyncAPI document of the events. */
    public record ApiDocuments(List<ApiDocument> documents, String asyncApi) {}

    private final ApiDocuments documents;

    public ApiDocsController(GatewayProperties properties) {
        this.documents = new ApiDocuments(
                properties.services().keySet().stream()
                        .sorted()
                        .map(service -> new ApiDocument(service, ServiceRoutes.API_DOCS_PATH + "/" + service))
                        .toList(),
                AsyncApiController.ASYNCAPI_PATH);
    }

    @GetMapping(ServiceRoutes.API_DOCS_PATH)
    public ApiDocuments documents() {
        return documents;
    }
}
