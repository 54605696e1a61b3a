package se.samlyft.gateway.routing;

import java.net.URI;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The load balancer's configuration of every service: its instances as configured, and of those only the ones whose
 * readiness ({@code spring.cloud.loadbalancer.health-check.path}) answers 200, asked every {@code
 * health-check.interval}. An instance's readiness is on its management port, which its {@code management-port}
 * metadata names ({@code spring.cloud.discovery.client.simple.instances.<service>[n].metadata.management-port}); an
 * instance without one is asked on the port it serves the API on.
 */
public class InstanceReadiness {

    /** The metadata of an instance that names its management port. */
    public static final String MANAGEMENT_PORT = "management-port";

    @Bean
    ServiceInstanceListSupplier readyInstances(ConfigurableApplicationContext context) {
        RestClient checks = context.getBean(ServiceRoutes.INSTANCE_HEALTH_CHECKS, RestClient.class);
        return ServiceInstanceListSupplier.builder()
                .withBlockingDiscoveryClient()
                .with((client, delegate) -> new HealthCheckServiceInstanceListSupplier(
                        delegate,
                        client.getBean(LoadBalancerClientFactory.class),
                        (instance, path) -> isReady(checks, instance, path)))
                .build(context);
    }

    private static Mono<Boolean> isReady(RestClient checks, ServiceInstance instance, String path) {
        return Mono.fromCallable(() -> {
                    try {
                        return checks.get()
                                        .uri(readinessOf(instance, path))
                                        .retrieve()
                                        .toBodilessEntity()
                                        .getStatusCode()
                                        .value()
                                == 200;
                    } catch (RestClientException notReady) {
                        return false;
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Where the instance says whether it is ready: its management port if it names one, else its own. */
    static URI readinessOf(ServiceInstance instance, String path) {
        String managementPort = instance.getMetadata().get(MANAGEMENT_PORT);
        UriComponentsBuilder uri =
                UriComponentsBuilder.fromUri(instance.getUri()).replacePath(path);
        if (managementPort != null && !managementPort.isBlank()) {
            uri.port(Integer.parseInt(managementPort.strip()));
        }
        return uri.build().toUri();
    }
}
