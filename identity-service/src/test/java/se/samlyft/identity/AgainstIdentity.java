package se.samlyft.identity;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samlyft.testsupport.ServiceIntegrationTest;
import se.samlyft.testsupport.TestDatabase;
import se.samlyft.testsupport.TestHttp;

/**
 * A test of the running identity-service through its API, against the real servers. All such tests share one Spring
 * context and one database, so each works with organisations of its own.
 */
@ServiceIntegrationTest
public abstract class AgainstIdentity {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestDatabase database;

    protected IdentityApi api;

    @BeforeEach
    void connectToIdentity() {
        api = new IdentityApi(TestHttp.onPort(port));
    }
}
