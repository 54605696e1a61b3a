package se.samlyft.catalog;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samlyft.testsupport.ServiceIntegrationTest;
import se.samlyft.testsupport.TestHttp;

/**
 * A test of the running catalog through its API, against the real servers. All such tests share one Spring context
 * and one database, so each works with tenants or numbers of its own.
 */
@ServiceIntegrationTest
public abstract class AgainstTheCatalog {

    @LocalServerPort
    protected int port;

    protected CatalogApi api;

    @BeforeEach
    void connectToTheCatalog() {
        api = new CatalogApi(TestHttp.onPort(port));
    }
}
