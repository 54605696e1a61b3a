package se.samlyft.integration;

import se.samlyft.testsupport.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("se.samlyft.integration");
    }
}
