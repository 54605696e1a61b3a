package se.samlyft.enrolment.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The head of the enrolment OpenAPI document, served at {@code /v3/api-docs} and kept in the repository as
 * {@code openapi.json}. Its server is the gateway's root, so the document does not depend on where the service runs.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    @Bean
    OpenAPI enrolmentOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Samlyft enrolment")
                        .version("1")
                        .description(
                                "Enrolments of the caller's organisation: seats on offerings (quota, pool, waiting list),"
                                        + " manager approval, progress, monthly hours and evaluations. Errors are RFC 9457"
                                        + " problem details; requesting a seat takes an Idempotency-Key."))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
