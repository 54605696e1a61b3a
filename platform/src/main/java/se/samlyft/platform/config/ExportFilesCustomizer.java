package se.samlyft.platform.config;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;
import se.samlyft.platform.export.XlsxExport;

/**
 * In the OpenAPI document, the 200 of an operation with a {@code format} parameter (a report, a participant list)
 * also offers the files the platform's {@code export.Format} answers: CSV and XLSX beside the JSON view.
 */
final class ExportFilesCustomizer implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        boolean hasFormat = Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter ->
                        "format".equals(parameter.getParameterName()) && parameter.getParameterType() == String.class);
        ApiResponse ok = operation.getResponses() == null
                ? null
                : operation.getResponses().get("200");
        if (hasFormat && ok != null && ok.getContent() != null) {
            Content content = ok.getContent();
            content.addMediaType("text/csv", new MediaType().schema(new StringSchema()));
            content.addMediaType(XlsxExport.MEDIA_TYPE, new MediaType().schema(new BinarySchema()));
            ok.description("As JSON, or with format=csv or xlsx as a file to download");
        }
        return operation;
    }
}
