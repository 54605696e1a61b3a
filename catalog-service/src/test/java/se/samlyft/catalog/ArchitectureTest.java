package se.samlyft.catalog;

import se.samlyft.testsupport.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("se.samlyft.catalog");
    }
}
