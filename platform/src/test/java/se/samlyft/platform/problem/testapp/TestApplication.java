package se.samlyft.platform.problem.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** The test service; Kafka stays off, since nothing here publishes. */
@SpringBootApplication(excludeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableMethodSecurity
public class TestApplication {}
