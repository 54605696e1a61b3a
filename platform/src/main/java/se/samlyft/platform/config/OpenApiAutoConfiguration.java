package se.samlyft.platform.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The head of a service's OpenAPI document (springdoc serves it at {@code /v3/api-docs}; each service keeps it in its
 * module as {@code openapi.json}): the service's title and description from {@code samlyft.api.title} and
 * {@code samlyft.api.description}, bearer tokens for every operation, and the gateway's root as the server, so the
 * document does not depend on where the service runs. A service may declare its own {@link OpenAPI} bean instead.
 * Every operation also lists the problems it may answer ({@link ProblemResponsesCustomizer}).
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class OpenApiAutoConfiguration {

    private static final String BEARER = "bearer";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI samlyftOpenApi(
            @Value("${samlyft.api.title:Samlyft ${spring.application.name}}") String title,
            @Value("${samlyft.api.description:}") String description) {
        return new OpenAPI()
                .info(new Info().title(title).version("1").description(description))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT"))
                        .addSchemas(ProblemResponsesCustomizer.PROBLEM, ProblemResponsesCustomizer.problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** The problems every operation lists, where springdoc builds the document. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OperationCustomizer")
    static class Problems {

        /** The problems every operation may answer, as {@code application/problem+json}. */
        @Bean
        OperationCustomizer samlyftProblemResponses() {
            return new ProblemResponsesCustomizer();
        }

        /** The CSV and XLSX files an operation with a {@code format} parameter also answers. */
        @Bean
        OperationCustomizer samlyftExportFiles() {
            return new ExportFilesCustomizer();
        }

        /** The problem's schema, also in the document of a service that declares its own {@link OpenAPI}. */
        @Bean
        OpenApiCustomizer samlyftProblemSchema() {
            return openApi -> {
                if (openApi.getComponents() == null) {
                    openApi.setComponents(new Components());
                }
                if (openApi.getComponents().getSchemas() == null
                        || !openApi.getComponents().getSchemas().containsKey(ProblemResponsesCustomizer.PROBLEM)) {
                    openApi.getComponents()
                            .addSchemas(ProblemResponsesCustomizer.PROBLEM, ProblemResponsesCustomizer.problemSchema());
                }
            };
        }
    }
}
