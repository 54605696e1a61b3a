package se.samlyft.platform.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The head of a service's OpenAPI document (springdoc serves it at {@code /v3/api-docs}; each service keeps it in its
 * module as {@code openapi.json}): the service's title and description from {@code samlyft.api.title} and
 * {@code samlyft.api.description}, bearer tokens for every operation, and the gateway's root as the server, so the
 * document does not depend on where the service runs. A service may declare its own {@link OpenAPI} bean instead.
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
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
