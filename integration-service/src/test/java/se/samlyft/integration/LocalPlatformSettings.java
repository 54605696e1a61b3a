package se.samlyft.integration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import se.samlyft.testsupport.ServiceIntegrationTest;

/**
 * The service as the local platform runs it (targets on this machine allowed), with retries a fraction of a second
 * apart that give up after six seconds, and the intranet's names ({@link AgainstIntegration.Intranet}). Every test
 * class so annotated shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceIntegrationTest
@Import(AgainstIntegration.Intranet.class)
@TestPropertySource(
        properties = {
            "samlyft.integration.targets.allow-loopback=true",
            "samlyft.integration.delivery.retry.initial-delay=100ms",
            "samlyft.integration.delivery.retry.max-delay=400ms",
            "samlyft.integration.delivery.retry.period=6s",
            "samlyft.integration.delivery.poll-interval=100ms"
        })
public @interface LocalPlatformSettings {}
