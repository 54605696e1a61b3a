package se.samlyft.platform.problem.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JacksonModule;

/**
 * Problem details for every error of a servlet application: the exception handler, the error page, the request size
 * limit ({@value #MAX_REQUEST_SIZE}, default {@value #DEFAULT_MAX_REQUEST_SIZE}, larger per path with
 * {@value #MAX_REQUEST_SIZE_FOR}), the rule on NUL characters and English validation messages. It
 * runs before Spring Boot's web configuration so that Boot's own problem handler and error controller step aside.
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemAutoConfiguration {

    /** The property that limits the size of a request body. */
    public static final String MAX_REQUEST_SIZE = "samlyft.web.max-request-size";

    /**
     * Larger limits for the paths that take files, by path pattern, e.g.
     * {@code samlyft.web.max-request-size-for[/api/identity/imports]=20MB}.
     */
    public static final String MAX_REQUEST_SIZE_FOR = "samlyft.web.max-request-size-for";

    /** The limit unless the property sets one: ample for JSON, small enough that no client can exhaust memory. */
    public static final String DEFAULT_MAX_REQUEST_SIZE = "1MB";

    /** Also when the service has a handler of its own: the service's comes first, the platform's catches the rest. */
    @Bean
    ProblemExceptionHandler problemExceptionHandler() {
        return new ProblemExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController(ObjectProvider<ErrorAttributes> errorAttributes) {
        return new ProblemErrorController(errorAttributes.getIfAvailable());
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(Environment environment) {
        DataSize limit =
                environment.getProperty(MAX_REQUEST_SIZE, DataSize.class, DataSize.parse(DEFAULT_MAX_REQUEST_SIZE));
        Map<String, Long> byPath = new LinkedHashMap<>();
        Binder.get(environment)
                .bind(MAX_REQUEST_SIZE_FOR, Bindable.mapOf(String.class, DataSize.class))
                .ifBound(limits -> limits.forEach((path, size) -> byPath.put(path, size.toBytes())));
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit.toBytes(), byPath));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** What Tomcat refuses by itself is a problem too, with the platform's security headers. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatRefusals {

        @Bean
        ContainerRefusals containerRefusals() {
            return new ContainerRefusals();
        }
    }

    /** No text of a JSON body may hold a NUL character: 400 naming the field ({@link NulCharacters}). */
    @Bean
    JacksonModule textWithoutNulCharacters() {
        return NulCharacters.jsonModule();
    }

    /** Nor may a query parameter. */
    @Bean
    FilterRegistrationBean<NulCharacters.QueryFilter> queryWithoutNulCharacters() {
        FilterRegistrationBean<NulCharacters.QueryFilter> registration =
                new FilterRegistrationBean<>(new NulCharacters.QueryFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ValidationConfigurationCustomizer.class)
    static class EnglishValidationMessages {

        @Bean
        ValidationConfigurationCustomizer englishValidationMessages(MessageSource messageSource) {
            return configuration -> configuration.messageInterpolator(
                    new EnglishMessageInterpolator(new MessageInterpolatorFactory(messageSource).getObject()));
        }
    }
}
