package se.samlyft.enrolment;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.samlyft.enrolment.enrolment.messaging.Upstream;
import se.samlyft.testsupport.ServiceIntegrationTest;
import se.samlyft.testsupport.TestHttp;

/**
 * A test of the running enrolment-service through its API, against the real servers, with offerings, courses and
 * people fed in as the catalog's and identity's events. All such tests share one Spring context and one database, so
 * each works with offerings and people of its own.
 */
@ServiceIntegrationTest
public abstract class AgainstEnrolment {

    @LocalServerPort
    protected int port;

    @Autowired
    protected ApplicationContext context;

    protected EnrolmentApi api;
    protected Upstream upstream;

    @BeforeEach
    void connect() {
        api = new EnrolmentApi(TestHttp.onPort(port));
        upstream = new Upstream(context);
    }
}
