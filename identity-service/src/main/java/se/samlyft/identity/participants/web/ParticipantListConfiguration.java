package se.samlyft.identity.participants.web;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import se.samlyft.identity.participants.ParticipantLists;
import se.samlyft.identity.person.People;
import se.samlyft.identity.person.PersonalNumberReads;

/**
 * The participant list's parts: reporting's API at {@code samlyft.identity.reporting-url} (the service itself, not
 * the gateway), asked with a short timeout so that a slow reporting makes a 503, not a hanging download.
 */
@Configuration(proxyBeanMethods = false)
class ParticipantListConfiguration {

    @Bean
    ParticipantLists participantLists(
            @Value("${samlyft.identity.reporting-url}") String reportingUrl,
            People people,
            PersonalNumberReads reads,
            Clock clock) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        requests.setReadTimeout(Duration.ofSeconds(30));
        RestClient reporting = RestClient.builder()
                .baseUrl(reportingUrl)
                .requestFactory(requests)
                .build();
        return new ParticipantLists(new ReportingParticipations(reporting), people, reads, clock);
    }
}
