package se.samlyft.reporting.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reports ({@code samlyft.reporting.*}).
 *
 * @param smallCountThreshold in a federation's breakdowns by sex, age band or education, counts from 1 up to one
 *     below this show as "&lt;threshold"
 * @param pseudonymKey the secret the participant pseudonyms are derived with (at least 16 bytes); changing it changes
 *     every pseudonym, so a rebuild must follow
 */
@ConfigurationProperties("samlyft.reporting")
public record ReportingProperties(@DefaultValue("5") int smallCountThreshold, String pseudonymKey) {}
