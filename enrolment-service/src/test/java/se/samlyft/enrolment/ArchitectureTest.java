package se.samlyft.enrolment;

import se.samlyft.testsupport.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("se.samlyft.enrolment");
    }
}
