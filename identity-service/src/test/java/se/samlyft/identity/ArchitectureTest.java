package se.samlyft.identity;

import se.samlyft.testsupport.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("se.samlyft.identity", "keycloak");
    }
}
