package se.samlyft.reporting;

import se.samlyft.testsupport.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("se.samlyft.reporting");
    }
}
