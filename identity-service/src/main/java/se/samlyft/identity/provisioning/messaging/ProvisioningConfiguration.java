package se.samlyft.identity.provisioning.messaging;

import java.time.Duration;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import se.samlyft.identity.organisation.Organisations;
import se.samlyft.identity.person.People;
import se.samlyft.identity.provisioning.keycloak.KeycloakDirectory;
import se.samlyft.identity.provisioning.persistence.ProvisioningQueue;

/**
 * The provisioning worker and its Keycloak admin client, which authenticates as the realm's {@code identity-service}
 * client (a service account with manage-users, view-users and manage-realm). Switched off with
 * {@code samlyft.identity.provisioning.enabled=false}: tasks then wait in the queue.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "samlyft.identity.provisioning.enabled", havingValue = "true", matchIfMissing = true)
class ProvisioningConfiguration {

    @Bean(destroyMethod = "close")
    Keycloak keycloakAdminClient(
            @Value("${samlyft.identity.keycloak.server-url}") String serverUrl,
            @Value("${samlyft.identity.keycloak.realm}") String realm,
            @Value("${samlyft.identity.keycloak.client-id}") String clientId,
            @Value("${samlyft.identity.keycloak.client-secret}") String clientSecret) {
        return KeycloakBuilder.builder()
                .serverUrl(serverUrl)
                .realm(realm)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .build();
    }

    @Bean
    ProvisioningWorker provisioningWorker(
            ProvisioningQueue queue,
            Keycloak keycloak,
            Organisations organisations,
            People people,
            @Value("${samlyft.identity.keycloak.realm}") String realm,
            @Value("${samlyft.identity.provisioning.batch-size:50}") int batchSize,
            @Value("${samlyft.identity.provisioning.lease:5m}") Duration lease) {
        return new ProvisioningWorker(
                queue, new KeycloakDirectory(keycloak, realm), organisations, people, batchSize, lease);
    }
}
