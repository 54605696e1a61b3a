package se.samlyft.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A whole service on a random port against real servers: a fresh database of its own on the test JVM's PostgreSQL
 * (available as a {@link TestDatabase} bean), the test JVM's Kafka broker, and {@link TestTokens} as the trusted
 * token issuer.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(RealServers.Factory.class)
public @interface ServiceIntegrationTest {}
